import { browser } from 'wxt/browser';
import type { PageNotes } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import { recordLabel, type RecordRef } from '../../lib/record';

// The Baton briefs and receipts a record's page shows, as the record script last read them.
// Session storage: in memory for the browser session, readable by extension pages only (not
// by content scripts), and it survives the worker being stopped. The host record stays the
// source of truth: this is only the latest reading of it.

const key = (ref: RecordRef) => `notes:${recordLabel(ref)}`;

/** Session storage holds 10 MB: the notes of the most recently read records only. */
const RECORDS_KEPT = 100;

export async function rememberPageNotes(notes: PageNotes): Promise<void> {
  await browser.storage.session.set({ [key(notes.ref)]: notes.texts, [ORDER]: await recentRecords(key(notes.ref)) });
  // Pages without session storage (see watchPageNotes) hear of the change from here; none may be open.
  void messenger.sendMessage('pageNotesChanged', notes).catch(() => undefined);
}

/** Worker side: the notes last read for a record. */
export async function readPageNotes(ref: RecordRef): Promise<string[]> {
  return textsOf((await browser.storage.session.get(key(ref)))[key(ref)]);
}

const textsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : []);

const ORDER = 'notes:recent';

/** The records read most recently, this one last; drops (and deletes) the oldest beyond the limit. */
async function recentRecords(latest: string): Promise<string[]> {
  const stored = (await browser.storage.session.get(ORDER))[ORDER];
  const order = [...(Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string' && name !== latest) : []), latest];
  const dropped = order.splice(0, Math.max(0, order.length - RECORDS_KEPT));
  if (dropped.length > 0) await browser.storage.session.remove(dropped);
  return order;
}

/** The note texts of a record; calls back now and on every change. Returns the unsubscribe. */
export function watchPageNotes(ref: RecordRef, onTexts: (texts: string[]) => void): () => void {
  // Firefox gives session storage to the worker but not to an extension page framed in a
  // tab (our panel): there the worker reads it, and tells the panel of every change.
  if (!browser.storage.session) return watchThroughWorker(ref, onTexts);
  const name = key(ref);
  const read = (value: unknown) => onTexts(textsOf(value));
  void browser.storage.session.get(name).then((stored) => read(stored[name]));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && name in changes) read(changes[name]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function watchThroughWorker(ref: RecordRef, onTexts: (texts: string[]) => void): () => void {
  const name = key(ref);
  const stopListening = messenger.onMessage('pageNotesChanged', ({ data }) => {
    if (key(data.ref) === name) onTexts(textsOf(data.texts));
  });
  void messenger.sendMessage('getPageNotes', ref).then(onTexts, () => undefined);
  return stopListening;
}
