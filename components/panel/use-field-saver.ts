import { useMemo } from 'react';
import type { SaveField } from '../../lib/message-schemas';
import { HARD_MAX_LENGTH } from '../../lib/limits';
import { messenger } from '../../lib/messages';
import { usePanelStore } from './panel-store';

/** A worker that was stopped wakes on the first message; one retry covers a restart race. */
const RETRY_DELAY_MS = 250;

/**
 * Every keystroke goes to the background worker at once (no debounce, no queue): the worker
 * writes it to IndexedDB in one transaction, so it survives the tab closing right after.
 * Each carries its typing time, so a save that arrives late never overwrites a newer one.
 */
export function useFieldSaver(): (input: SaveField, label: string) => void {
  const setSave = usePanelStore((state) => state.setSave);
  return useMemo(() => {
    let inFlight = 0;
    const failed = new Map<string, string>();
    const newestSaved = new Map<string, number>();
    const report = () => {
      const firstFailure = failed.values().next();
      if (!firstFailure.done) setSave({ kind: 'error', message: firstFailure.value });
      else if (inFlight > 0) setSave({ kind: 'saving' });
      else setSave({ kind: 'saved', at: Date.now() });
    };
    return (input, label) => {
      const key = `${input.templateId}/${input.fieldId}`;
      // Too long to store: say so and keep the text in the field, where nothing is lost.
      if (input.value.length > HARD_MAX_LENGTH) {
        failed.set(key, `${label} is too long to save: ${input.value.length.toLocaleString('en')} characters, at most ${HARD_MAX_LENGTH.toLocaleString('en')}. Your text is still in the field; shorten it to save.`);
        return report();
      }
      inFlight += 1;
      report();
      void sendWithRetry(input).then(
        () => {
          failed.delete(key);
          newestSaved.set(key, Math.max(input.typedAt, newestSaved.get(key) ?? 0));
        },
        (error: unknown) => {
          // An old keystroke failing after a newer one was saved loses nothing.
          if ((newestSaved.get(key) ?? 0) < input.typedAt) failed.set(key, saveErrorMessage(error));
        },
      ).finally(() => {
        inFlight -= 1;
        report();
      });
    };
  }, [setSave]);
}

async function sendWithRetry(input: SaveField): Promise<void> {
  try {
    await messenger.sendMessage('saveField', input);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    await messenger.sendMessage('saveField', input);
  }
}

function saveErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(text)) return 'The browser is out of storage space for Baton. Your text is still here; free some space and type again to save it.';
  if (/context invalidated|receiving end does not exist/i.test(text)) return 'Baton was updated. Copy your text, then reload this tab.';
  // A schema's own report (JSON) means nothing to a user; the field's text stays either way.
  if (text.trimStart().startsWith('[')) return 'Not saved: Baton could not store this value. Your text is still in the field.';
  return `Not saved: ${text}`;
}
