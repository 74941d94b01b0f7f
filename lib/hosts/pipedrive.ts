import type { RecordRef } from '../record';
import type { HostAdapter } from './adapter';
import { activatedButton, textOf } from './dom';

// Facts from shared/host-apps.md (Pipedrive): [V] seen in working extensions' code.

export const PIPEDRIVE_MATCHES = ['https://*.pipedrive.com/*'];

const SELECTORS = {
  /** One button per stage; the current one has aria-selected="true" [V]. Older UI: cui4-. */
  stage: 'button.cui5-stage-selector__stage, button.cui4-stage-selector__stage',
  /** "Won" moves the deal into the won state: the gated stage on Pipedrive [V]. */
  won: '[data-testid="won-button"]',
  title: '[data-testid="header-title"]',
};

export const WON_STAGE = 'Won';

/** The stage button's visible text may carry a days-in-stage prefix, "3 T · Contact Made". */
const DAYS_IN_STAGE_PREFIX = /^\s*\d+\s*\S{1,3}\s*·\s*/;

const DEAL_PATH = /^\/deal\/(\d+)\/?$/;

export function dealFromUrl(url: URL): RecordRef | undefined {
  if (!/^[a-z0-9-]+\.pipedrive\.com$/.test(url.hostname)) return undefined;
  const id = DEAL_PATH.exec(url.pathname)?.[1];
  return id ? { host: 'pipedrive', objectType: 'deal', recordId: id } : undefined;
}

function stageLabel(button: Element): string | undefined {
  const label = button.getAttribute('aria-label') ?? textOf(button)?.replace(DAYS_IN_STAGE_PREFIX, '');
  return label?.trim() || undefined;
}

export const pipedrive: HostAdapter = {
  host: 'pipedrive',
  matches: PIPEDRIVE_MATCHES,
  stageControlName: 'the deal stage bar and the Won button',
  isRecordUrl: (url) => dealFromUrl(url) !== undefined,
  recordFromPage: (url) => dealFromUrl(url),
  recordTitle: (doc) => textOf(doc.querySelector(SELECTORS.title)),
  hasStageControl: (doc) => doc.querySelector(`${SELECTORS.stage}, ${SELECTORS.won}`) !== null,
  stageCommit(event) {
    if (activatedButton(event, SELECTORS.won)) return WON_STAGE;
    const stage = activatedButton(event, SELECTORS.stage);
    // Clicking the stage the deal is already in changes nothing.
    if (!stage || stage.getAttribute('aria-selected') === 'true') return undefined;
    return stageLabel(stage);
  },
};
