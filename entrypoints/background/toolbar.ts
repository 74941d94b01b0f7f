import { browser } from 'wxt/browser';
import type { ToolbarBadge } from '../../lib/message-schemas';

/** The toolbar icon of one tab: the record's "4/6", or a board's count of incomplete records. */
export async function showToolbarBadge(tabId: number, badge: ToolbarBadge): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.complete ? '#15803d' : '#b45309' }),
    action.setTitle({ tabId, title: badge.tooltip }),
  ]);
}
