import { browser } from 'wxt/browser';
import type { PageNotes } from '../../lib/message-schemas';
import { recordLabel, type RecordRef } from '../../lib/record';
import { RecordRefSchema } from '../../lib/record-schema';

// The Baton briefs and receipts a record's page shows, as the record script last read them.
// Session storage: in memory for the browser session, readable by extension pages only (not
// by content scripts), and it survives the worker being stopped. The host record stays the
// source of truth: this is only the latest reading of it.

const key = (ref: RecordRef) => `notes:${recordLabel(ref)}`;

/** Session storage holds 10 MB: the notes of the most recently read records only. */
const RECORDS_KEPT = 100;

export async function rememberPageNotes(notes: PageNotes): Promise<void> {
  await browser.storage.session.set({ [key(notes.ref)]: notes.texts, [ORDER]: await recentRecords(key(notes.ref)) });
  for (const tell of panelPorts) tell(notes);
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

const textsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : []);

/** Calls back with a record's note texts now and on every change. Returns the unsubscribe. */
function watchSession(ref: RecordRef, onTexts: (texts: string[]) => void): () => void {
  const name = key(ref);
  void browser.storage.session.get(name).then((stored) => onTexts(textsOf(stored[name])));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && name in changes) onTexts(textsOf(changes[name]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const NOTES_PORT = 'baton:page-notes';

/**
 * The note texts of a record, for the panel. Firefox gives session storage to the worker but
 * not to an extension page framed in a tab (our panel), and delivers it no storage or runtime
 * broadcasts there: the panel then opens a port, and the worker watches for it.
 */
export function watchPageNotes(ref: RecordRef, onTexts: (texts: string[]) => void): () => void {
  if (browser.storage.session) return watchSession(ref, onTexts);
  const port = browser.runtime.connect({ name: NOTES_PORT });
  port.onMessage.addListener((texts: unknown) => onTexts(textsOf(texts)));
  port.postMessage(ref);
  return () => port.disconnect();
}

/**
 * The panels' open ports, in the worker's memory: an open port keeps Firefox's background page
 * alive, and Firefox fires no session-storage changes there either.
 */
const panelPorts = new Set<(notes: PageNotes) => void>();

/**
 * Worker side of watchPageNotes' port. `mayRead` throws unless the port is Baton's own panel,
 * bound to a tab that shows this record (the worker's sender checks); refused ports are closed.
 */
export function servePageNotes(mayRead: (sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number }, ref: RecordRef) => Promise<unknown>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== NOTES_PORT) return;
    port.onMessage.addListener(async (message: unknown) => {
      const ref = RecordRefSchema.safeParse(message);
      const allowed = ref.success && port.sender && (await mayRead(port.sender, ref.data).then(() => true, () => false));
      if (!ref.success || !allowed) return port.disconnect();
      const name = key(ref.data);
      const tell = (notes: PageNotes) => key(notes.ref) === name && port.postMessage(notes.texts);
      panelPorts.add(tell);
      port.onDisconnect.addListener(() => panelPorts.delete(tell));
      void browser.storage.session.get(name).then((stored) => port.postMessage(textsOf(stored[name])));
    });
  });
}
