import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ToolbarBadge } from '../../lib/message-schemas';

/** The toolbar icon of one tab: the record's "4/6", or a board's count of incomplete records. */
export async function showToolbarBadge(tabId: number, badge: ToolbarBadge): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.complete ? '#15803d' : '#b45309' }),
    action.setTitle({ tabId, title: toolbarTitle(badge.summary) }),
  ]);
}

export function toolbarTitle(summary: ToolbarBadge['summary']): string {
  if (summary.kind === 'idle') return i18n.t('page.toolbar.idle');
  if (summary.kind === 'record') return i18n.t('page.toolbar.record', [summary.filled, summary.required]);
  return summary.open > 0 ? i18n.t('page.toolbar.listing', summary.open) : i18n.t('page.toolbar.listingReady');
}
