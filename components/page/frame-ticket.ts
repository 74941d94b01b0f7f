import { browser } from 'wxt/browser';
import { messenger } from '../../lib/messages';
import type { DockFrameRole, FrameTicketMessage, PanelLocation } from '../../lib/panel-location';

/** Where Baton's frames load the panel page. Nothing in its address is read: see showInFrame. */
export const panelPageUrl = (): string => browser.runtime.getURL('/panel.html');

/**
 * The origin of the document in our frame. Chromium loads it from a per-session address
 * (use_dynamic_url, which getURL gives here) but commits it at the extension's fixed origin;
 * Firefox's address is the origin.
 */
function panelOrigin(): string {
  const url = new URL(panelPageUrl());
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

/**
 * Makes a frame we created Baton's `role` frame in this tab: whenever a document loads in it,
 * a fresh ticket from the worker is posted into it, which the panel hands back to bind
 * itself. The target origin is the extension's: if the page has put anything else in the
 * frame the message goes nowhere, and the page never sees it. Returns a function that hands
 * the frame a new ticket now (for a worker that has forgotten this tab).
 */
export function handTickets(frame: HTMLIFrameElement, role: DockFrameRole, signal: AbortSignal): () => void {
  const post = async () => {
    const message: FrameTicketMessage = { batonFrameTicket: await messenger.sendMessage('issueFrameTicket', role) };
    frame.contentWindow?.postMessage(message, panelOrigin());
  };
  const postQuietly = () => void post().catch(() => undefined);
  frame.addEventListener('load', postQuietly, { signal });
  return postQuietly;
}

/**
 * Tells the worker what this tab's `role` frame should show (the worker passes it on to the
 * frame it bound, and to no other). Resolves whether the frame needs a new ticket.
 */
export async function showInFrame(role: DockFrameRole, location: PanelLocation): Promise<boolean> {
  const { needsTicket } = await messenger.sendMessage('showInDock', { role, location });
  return needsTicket;
}
