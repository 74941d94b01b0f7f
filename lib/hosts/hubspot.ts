import type { RecordRef } from '../record';
import type { HostAdapter, MenuTracker } from './adapter';
import { activatedOption, matchesAny, optionLabel, textOf } from './dom';

// Facts from shared/host-apps.md (HubSpot): [V] seen in working extensions' code.

export const HUBSPOT_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
];

const SELECTORS = {
  /** Highlight card: the pipeline button and the stage button (text = current stage) [V]. */
  highlightStageControl: '[data-test-id="highlight-property-item-dealstage"]',
  /** Property sidebar form [V]. */
  sidebarStageControl: 'button[data-selenium-test="property-input-dealstage"]',
  /** Popover options commit on click, no Save step [V]; rendered outside the card. */
  option: '[role="option"]',
  title: '[data-selenium-test="highlightTitle"]',
};

const DEAL_PATHS = [
  /^\/contacts\/(\d+)\/record\/0-3\/(\d+)(?:\/|$)/, // record view, object type 0-3 = deal
  /^\/contacts\/(\d+)\/deal\/(\d+)(?:\/|$)/, // legacy deal URL
];

export function dealIdFromUrl(url: URL): string | undefined {
  if (!/^app(-[a-z]+\d+)?\.hubspot\.com$/.test(url.hostname)) return undefined;
  for (const pattern of DEAL_PATHS) {
    const match = pattern.exec(url.pathname);
    if (match) return match[2];
  }
  return undefined;
}

function isStageMenu(menu: MenuTracker): boolean {
  return matchesAny(menu.openedBy, [SELECTORS.highlightStageControl, SELECTORS.sidebarStageControl]);
}

export const hubspot: HostAdapter = {
  host: 'hubspot',
  matches: HUBSPOT_MATCHES,
  stageControlName: 'the deal stage control in the highlight card',
  recordFromUrl(url): RecordRef | undefined {
    const recordId = dealIdFromUrl(url);
    return recordId ? { host: 'hubspot', objectType: 'deal', recordId } : undefined;
  },
  recordTitle: (root) => textOf(root.querySelector(SELECTORS.title)),
  hasStageControl: (root) => root.querySelector(`${SELECTORS.highlightStageControl} button`) !== null,
  stageCommit(event, menu) {
    if (!isStageMenu(menu)) return undefined;
    const option = activatedOption(event, SELECTORS.option);
    return option ? optionLabel(option) : undefined;
  },
};
