import { browser } from 'wxt/browser';
import type { PageNotes } from '../../lib/message-schemas';
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
}

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
  const name = key(ref);
  const read = (value: unknown) => onTexts(Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : []);
  void browser.storage.session.get(name).then((stored) => read(stored[name]));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && name in changes) read(changes[name]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
