import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messenger } from '../../lib/messages';
import type { DockFrameView, FrameTicketMessage } from '../../lib/panel-location';

export type DockFrame = { kind: 'waiting' } | { kind: 'foreign' } | { kind: 'bound'; view: DockFrameView };

/**
 * A frame Baton's dock made is handed a ticket within moments of loading; one that has none
 * by then was made by someone else and shows nothing. Where the tab has no Baton frames at all
 * (another site, a page opened on its own) that is clear at once.
 */
const TICKET_WAIT_MS = 3000;

// Tickets are posted once the document loads, possibly before React has rendered: listen from
// the start. Anyone who holds this window may post to it (the page above all): a message is
// only a candidate, and the worker alone says whether it is a ticket of this frame's tab.
const received: string[] = [];
let onTicket: ((ticket: string) => void) | undefined;
window.addEventListener('message', (event: MessageEvent<Partial<FrameTicketMessage> | null>) => {
  const ticket = event.data?.batonFrameTicket;
  if (event.source !== window.parent || typeof ticket !== 'string') return;
  if (onTicket) onTicket(ticket);
  else received.push(ticket);
});

/**
 * Which of Baton's frames this is and what its tab shows, from the worker: bound by a ticket
 * the tab's own script posted in, then told of every change. The frame's address is never read.
 */
export function useDockFrame(): DockFrame {
  const [frame, setFrame] = useState<DockFrame>({ kind: 'waiting' });
  useEffect(() => {
    const unlessBound = (next: DockFrame) => setFrame((current) => (current.kind === 'bound' ? current : next));
    // Only the worker (no tab) speaks for the tab, and it pushes only to the frame it bound.
    // A push is newer than the answer to the claim that bound this frame: that answer counts
    // only if nothing came first.
    const stopPushes = messenger.onMessage('dockFrameShows', ({ data, sender }) => {
      if (sender.id === browser.runtime.id && sender.tab === undefined) setFrame({ kind: 'bound', view: data });
    });
    onTicket = (ticket) =>
      void messenger.sendMessage('claimDockFrame', ticket).then(
        (view) => view && unlessBound({ kind: 'bound', view }),
        () => undefined,
      );
    received.splice(0).forEach(onTicket);
    const giveUp = () => unlessBound({ kind: 'foreign' });
    const timer = setTimeout(giveUp, TICKET_WAIT_MS);
    void messenger.sendMessage('mayBindFrame', undefined).then((may) => may || giveUp(), giveUp);
    return () => {
      onTicket = undefined;
      stopPushes();
      clearTimeout(timer);
    };
  }, []);
  return frame;
}
