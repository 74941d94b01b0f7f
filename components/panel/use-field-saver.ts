import { useEffect, useMemo } from 'react';
import type { SaveField } from '../../lib/message-schemas';
import { HARD_MAX_LENGTH } from '../../lib/limits';
import { messenger } from '../../lib/messages';
import { recordLabel, type RecordRef } from '../../lib/record';
import { holdUnsaved, releaseSaved, unsavedOf } from './pending-saves';
import { usePanelStore } from './panel-store';

/** A worker that was stopped wakes on the first message; one retry covers a restart race. */
const RETRY_DELAY_MS = 250;

/** This panel, among the panels of other tabs that edit the same record. */
const EDITOR = crypto.randomUUID();

/**
 * Every keystroke goes to the background worker at once (no debounce, no queue): the worker
 * writes it to IndexedDB in one transaction, so it survives the tab closing right after.
 * Each carries its typing time, so a save that arrives late never overwrites a newer one,
 * and is held in pending-saves.ts until the worker confirms it.
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
    return (typed, label) => {
      // A keystroke held by an earlier panel keeps its own editor: it is that panel's typing.
      const input = { editor: EDITOR, ...typed };
      const key = `${input.templateId}/${input.fieldId}`;
      // Too long to store: say so and keep the text in the field, where nothing is lost.
      if (input.value.length > HARD_MAX_LENGTH) {
        failed.set(key, `${label} is too long to save: ${input.value.length.toLocaleString('en')} characters, at most ${HARD_MAX_LENGTH.toLocaleString('en')}. Your text is still in the field; shorten it to save.`);
        return report();
      }
      holdUnsaved(input, label);
      inFlight += 1;
      report();
      void sendWithRetry(input).then(
        () => {
          releaseSaved(input);
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

/** Sends again what an earlier panel of this record typed but never saw saved (see pending-saves.ts). */
export function useUnsavedResend(ref: RecordRef, templateId: string, save: (input: SaveField, label: string) => void): void {
  const refKey = recordLabel(ref);
  useEffect(() => {
    for (const { input, label } of unsavedOf(ref, templateId)) save(input, label);
    // Keyed by the record's label: a new ref object for the same record sends nothing twice.
  }, [refKey, templateId, save]);
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
