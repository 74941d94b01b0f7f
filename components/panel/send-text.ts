import { i18n } from '#i18n';
import { messenger } from '../../lib/messages';
import type { RecordRef } from '../../lib/record';

export type SendOutcome = { kind: 'inserted' } | { kind: 'copied'; reason?: string } | { kind: 'failed'; message: string };

/**
 * Puts text into the host's note composer; where there is none (or it refuses the text),
 * onto the clipboard instead, and says so. Either way the user posts it with the host's own
 * button: Baton never posts anything itself.
 */
export async function insertOrCopy(ref: RecordRef, text: string): Promise<SendOutcome> {
  // The worker passes it on only if `ref` is the record the tab shows.
  const result = await messenger.sendMessage('insertIntoComposer', { ref, text }).catch((error: unknown) => ({
    inserted: false,
    reason: error instanceof Error ? error.message : String(error),
  }));
  if (result.inserted) return { kind: 'inserted' };
  const copied = await copyText(text);
  return copied.kind === 'copied' ? { kind: 'copied', reason: result.reason } : copied;
}

export async function copyText(text: string): Promise<SendOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied' };
  } catch {
    // A frame without clipboard access (older browsers): the classic selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok ? { kind: 'copied' } : { kind: 'failed', message: i18n.t('panel.sent.copyRefused') };
  }
}

export function outcomeMessage(outcome: SendOutcome, host: string): string {
  if (outcome.kind === 'inserted') return i18n.t('panel.sent.inserted', [host]);
  if (outcome.kind === 'copied') return outcome.reason ? i18n.t('panel.sent.copiedBecause', [outcome.reason]) : i18n.t('panel.sent.copied');
  return outcome.message;
}
