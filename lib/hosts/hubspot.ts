import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter, MenuTracker } from './adapter';
import { activatedOption, eventTarget, matchesAny, optionLabel, textOf } from './dom';

// Facts from shared/host-apps.md (HubSpot): [V] seen in working extensions' code.

export const HUBSPOT_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
];

const SELECTORS = {
  /** Highlight card: the pipeline button, then the stage button (text = current stage) [V]. */
  highlightStageControl: '[data-test-id="highlight-property-item-dealstage"]',
  highlightStageButton: '[data-test-id="highlight-property-item-dealstage"] button:last-of-type',
  /** Property sidebar form [V]. */
  sidebarStageControl: 'button[data-selenium-test="property-input-dealstage"]',
  /** Popover options commit on click, no Save step [V]; rendered outside the card. */
  option: '[role="option"]',
  title: '[data-selenium-test="highlightTitle"]',
};

/** Deal boards and lists [V]: `/contacts/{portal}/objects/0-3/views/{id|all}/board|list`. */
const DEAL_VIEWS = /^\/contacts\/\d+\/objects\/0-3\/views\/[^/]+\/(board|list)\/?$/;

const LISTING = {
  card: '[data-test-id="cdb-card"][data-selenium-id]',
  cardTitle: '[data-test-id="board-card-section-title-link"]',
  /** List: the name cell, `name-{dealId}` [P]. */
  nameCell: 'td[data-table-external-id^="name-"]',
  column: '[data-test-id="cdb-column"]',
  columnName: '[data-test-id="cdb-column-name"]',
  /** react-beautiful-dnd's draggable wrapper [V]. */
  draggable: '[data-test-id="cdb-column-item"][data-rbd-draggable-id]',
};

export const hubspotListing: ListingAdapter = {
  isListingUrl: (url) => /^app(-[a-z]+\d+)?\.hubspot\.com$/.test(url.hostname) && DEAL_VIEWS.test(url.pathname),
  objectType: 'deal',
  itemSelector: `${LISTING.card}, ${LISTING.nameCell}`,
  itemRecordId: (item) => item.getAttribute('data-selenium-id') ?? item.getAttribute('data-table-external-id')?.replace(/^name-/, ''),
  badgeSlot: (item) => item.querySelector(LISTING.cardTitle)?.parentElement ?? item,
  recycledAttributes: ['data-table-external-id', 'data-selenium-id'],
  board: {
    draggable: LISTING.draggable,
    draggedRecordId: (draggable) => draggable.querySelector(LISTING.card)?.getAttribute('data-selenium-id') ?? undefined,
    // No drop indicator: react-beautiful-dnd keeps a placeholder in the card's own list too.
    // It drops the card in the column under the card's centre.
    dropTarget: LISTING.column,
    dropTargetStage: (column) => textOf(column.querySelector(LISTING.columnName)),
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** Highlight card: the stage button's text is the current stage [V]. */
  highlight: '[data-test-id="highlight-property-item-dealstage"] button:last-of-type',
  /** "About this deal" sidebar form: the same, where the highlight card is not drawn [V]. */
  sidebar: 'button[data-selenium-test="property-input-dealstage"]',
  /** Board: the card's column [V]. */
  column: '[data-test-id="cdb-column"]',
  columnName: '[data-test-id="cdb-column-name"]',
  /** List: the row, then its deal stage cell, `dealstage-{id}` or `cell-{r}-{c}-dealstage-{id}` [V]. */
  row: 'tr, [role="row"]',
  stageCell: 'td[data-table-external-id^="dealstage-"], td[data-table-external-id*="-dealstage-"]',
};

/** A list's stage cell reads "Stage (Pipeline)" [P]: the stage is before the pipeline. */
const PIPELINE_SUFFIX = /\s*\([^()]*\)$/;

function itemStageOf(item: Element): string | undefined {
  const column = item.closest(SHOWN_STAGE.column);
  if (column) return textOf(column.querySelector(SHOWN_STAGE.columnName));
  const cell = item.closest(SHOWN_STAGE.row)?.querySelector(SHOWN_STAGE.stageCell);
  return textOf(cell)?.replace(PIPELINE_SUFFIX, '') || undefined;
}

function currentStageOf(doc: Document): string | undefined {
  return textOf(doc.querySelector(SHOWN_STAGE.highlight)) ?? textOf(doc.querySelector(SHOWN_STAGE.sidebar));
}

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

/**
 * Is the open menu the stage control's? Opened by a click on it, or (opened by keyboard or
 * script, when no click says so) while a stage control reports itself expanded.
 */
function isStageMenu(menu: MenuTracker, doc: Document): boolean {
  if (matchesAny(menu.openedBy, [SELECTORS.highlightStageButton, SELECTORS.sidebarStageControl])) return true;
  return doc.querySelector(`${SELECTORS.highlightStageButton}[aria-expanded="true"], ${SELECTORS.sidebarStageControl}[aria-expanded="true"]`) !== null;
}

/** The deal a HubSpot URL shows, or undefined for lists, boards, settings and other objects. */
export function dealFromUrl(url: URL): RecordRef | undefined {
  const recordId = dealIdFromUrl(url);
  return recordId ? { host: 'hubspot', objectType: 'deal', recordId } : undefined;
}

export const hubspot: HostAdapter = {
  host: 'hubspot',
  matches: HUBSPOT_MATCHES,
  stageControlName: 'the deal stage control (highlight card or "About this deal")',
  /** Notes: the activity composer of the record's middle pane (rich text; guess). */
  composers: ['[data-test-id="middle-pane"] [contenteditable="true"][role="textbox"]', '[data-test-id="middle-pane"] textarea'],
  /** Timeline note bodies (guess). */
  notes: '[data-test-id="timeline-note-body"], [data-selenium-test="timeline-card-body"]',
  listing: hubspotListing,
  isRecordUrl: (url) => dealIdFromUrl(url) !== undefined,
  recordFromPage: (url) => dealFromUrl(url),
  recordTitle: (doc) => textOf(doc.querySelector(SELECTORS.title)),
  stageControl: (doc) =>
    doc.querySelector(`${SELECTORS.highlightStageControl} button, ${SELECTORS.sidebarStageControl}`) ?? undefined,
  currentStage: currentStageOf,
  stageCommit(event, menu) {
    const target = eventTarget(event);
    if (!target || !isStageMenu(menu, target.ownerDocument)) return undefined;
    const option = activatedOption(event, SELECTORS.option);
    // Picking the stage the deal is already in saves nothing.
    if (!option || option.getAttribute('aria-selected') === 'true') return undefined;
    return optionLabel(option);
  },
};
