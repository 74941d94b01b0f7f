import { browser } from 'wxt/browser';
import { isOwnExtension } from '../../lib/messages';
import type { DockFrameRole, DockFrameView, PanelLocation } from '../../lib/panel-location';
import { recordLabel, sameRecord, type RecordRef } from '../../lib/record';
import { frameView } from './dock-frames';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

type SenderKind = 'contentScript' | 'extensionPage' | 'any';

/**
 * Only our own extension may talk to us, and each command only from the side that sends
 * it: a content script (the top frame of a host tab, the less trusted side, since it lives in
 * the host's renderer) or one of our own pages (panel, dialog, settings).
 */
export function assertSender(sender: Sender, kind: SenderKind): void {
  if (!isOwnExtension(sender, browser.runtime.id)) throw new Error('Message from an unknown sender');
  const fromOwnPage = isOwnPage(sender);
  const fromContentScript = !fromOwnPage && sender.tab !== undefined && sender.frameId === 0;
  if (kind === 'contentScript' && !fromContentScript) throw new Error('This message is for content scripts only');
  if (kind === 'extensionPage' && !fromOwnPage) throw new Error("This message is for Baton's own pages only");
}

/**
 * One of our pages (its sender id is ours, so an extension-scheme address is one of ours).
 * Not a prefix of getURL: in Chromium that is the per-session address of web-accessible
 * pages (use_dynamic_url), while pages opened at the fixed id report that one.
 */
export function isOwnPage(sender: Sender): boolean {
  return sender.url !== undefined && URL.canParse(sender.url) && new URL(sender.url).protocol === new URL(browser.runtime.getURL('/')).protocol;
}

/** The tab a content script or a framed page of ours lives in. */
export function senderTab(sender: Sender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId === undefined) throw new Error('This message comes only from a tab');
  return tabId;
}

/**
 * The panel or dialog frame Baton's own dock made in a host tab, and what that tab shows.
 * Anything else that runs panel.html (a frame the page or a widget made, a page opened on
 * its own) is refused: it was handed no ticket.
 */
export async function boundFrame(sender: Sender, role?: DockFrameRole): Promise<DockFrameView & { tabId: number; location: PanelLocation }> {
  assertSender(sender, 'extensionPage');
  const tabId = senderTab(sender);
  const view = await frameView(tabId, sender.frameId!);
  if (!view || (role && view.role !== role)) throw new Error("Baton's checklist only opens in its own panel beside a record");
  if (!view.location) throw new Error('This tab has not said which record it shows yet');
  return { ...view, tabId, location: view.location };
}

/** A bound frame's request about a record: only the one its tab shows. */
export async function frameShowing(sender: Sender, ref: RecordRef, role?: DockFrameRole): Promise<DockFrameView & { tabId: number; location: PanelLocation }> {
  const frame = await boundFrame(sender, role);
  if (!sameRecord(frame.location.ref, ref)) throw new Error(`This tab shows ${recordLabel(frame.location.ref)}, not ${recordLabel(ref)}`);
  return frame;
}
