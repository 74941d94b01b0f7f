import { browser } from 'wxt/browser';
import type { DockFrameRole, DockFrameView, PanelLocation } from '../../lib/panel-location';

// Which of Baton's frames each host tab holds, and what each should show. Only the tab's own
// record (or boards) script, in its top frame, reports what the tab shows and asks for
// tickets; a frame is Baton's only once it hands back a ticket that script posted into it.
//
// MV3 stops the worker whenever it likes: this lives in session storage (kept for the browser
// session, out of reach of content scripts and pages), keyed by tab. Where a browser has no
// session storage here, in the worker's memory; a tab whose entry is lost hands its frame a
// fresh ticket on its script's next report (report() says when).

interface TabDocks {
  /** What each role's frame should show, as the tab's own script last reported. */
  locations: Partial<Record<DockFrameRole, PanelLocation>>;
  /** Tickets issued to the tab's script, not yet claimed by a frame (oldest first). */
  tickets: [string, DockFrameRole][];
  /** The frame bound to each role: the latest one that claimed a ticket for it. */
  frames: Partial<Record<DockFrameRole, number>>;
}

/** A frame reloads (or the page reloads it) a few times at most before it claims. */
const TICKETS_KEPT = 8;

const session = browser.storage.session as typeof browser.storage.session | undefined;
const inMemory = new Map<string, TabDocks>();
const key = (tabId: number) => `dock:${tabId}`;

async function read(tabId: number): Promise<TabDocks | undefined> {
  if (!session) return inMemory.get(key(tabId));
  return (await session.get(key(tabId)))[key(tabId)] as TabDocks | undefined;
}

async function write(tabId: number, docks: TabDocks | undefined): Promise<void> {
  if (!session) return void (docks ? inMemory.set(key(tabId), docks) : inMemory.delete(key(tabId)));
  await (docks ? session.set({ [key(tabId)]: docks }) : session.remove(key(tabId)));
}

/** One change at a time per tab: a ticket and a report arriving together must not undo each other. */
const queues = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, step: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(step);
  const settled = run.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
  return run;
}

function change<T>(tabId: number, update: (docks: TabDocks) => T): Promise<T> {
  return inTurn(tabId, async () => {
    const docks = (await read(tabId)) ?? { locations: {}, tickets: [], frames: {} };
    const result = update(docks);
    await write(tabId, docks);
    return result;
  });
}

export function issueTicket(tabId: number, role: DockFrameRole): Promise<string> {
  return change(tabId, (docks) => {
    const ticket = crypto.randomUUID();
    docks.tickets = [...docks.tickets, [ticket, role] as [string, DockFrameRole]].slice(-TICKETS_KEPT);
    return ticket;
  });
}

/** Binds the frame that hands back a ticket of its tab; undefined if the ticket is not one. */
export function claimTicket(tabId: number, frameId: number, ticket: string): Promise<DockFrameView | undefined> {
  return change(tabId, (docks) => {
    const issued = docks.tickets.find(([candidate]) => candidate === ticket);
    if (!issued) return undefined;
    const role = issued[1];
    docks.tickets = docks.tickets.filter(([candidate]) => candidate !== ticket);
    docks.frames[role] = frameId;
    return { role, location: docks.locations[role] };
  });
}

/**
 * Records what a role's frame should show. Says which frame to tell (if one is bound), and
 * whether the tab's script should hand its frame a ticket (none bound, none out: this
 * worker lost its memory of the tab).
 */
export function report(tabId: number, role: DockFrameRole, location: PanelLocation): Promise<{ frameId?: number; needsTicket: boolean }> {
  return change(tabId, (docks) => {
    docks.locations[role] = location;
    const frameId = docks.frames[role];
    return { frameId, needsTicket: frameId === undefined && !docks.tickets.some(([, forRole]) => forRole === role) };
  });
}

/** What a frame shows, if it is the one bound to a role in its tab. */
export async function frameView(tabId: number, frameId: number): Promise<DockFrameView | undefined> {
  const docks = await read(tabId);
  const role = docks && (Object.keys(docks.frames) as DockFrameRole[]).find((candidate) => docks.frames[candidate] === frameId);
  return docks && role ? { role, location: docks.locations[role] } : undefined;
}

/** Has the tab's script shown (or made) any frame of Baton's? Elsewhere no ticket will come. */
export async function hasDocks(tabId: number): Promise<boolean> {
  return (await read(tabId)) !== undefined;
}

export function forgetTab(tabId: number): Promise<void> {
  return inTurn(tabId, () => write(tabId, undefined));
}
