import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter } from './adapter';
import { hostLabel } from '../host-text';
import { activatedButton, textOf } from './dom';

// Facts from shared/host-apps.md (Pipedrive): [V] seen in working extensions' code.

export const PIPEDRIVE_MATCHES = ['https://*.pipedrive.com/*'];

const SELECTORS = {
  /** One button per stage; the current one has aria-selected="true" [V]. Older UI: cui4-. */
  stage: 'button.cui5-stage-selector__stage, button.cui4-stage-selector__stage',
  /** "Won" moves the deal into the won state: the gated stage on Pipedrive [V]. */
  won: '[data-testid="won-button"]',
  /** The deal's name in the header (guess: no public evidence; document.title is the fallback). */
  title: '[data-testid="header-title"]',
};

/** A deal page's document.title is "<deal> - Deals" [V: scripts read it so]. */
const DEAL_TITLE_SUFFIX = / - Deals$/;

function dealTitle(doc: Document): string | undefined {
  const fromHeader = textOf(doc.querySelector(SELECTORS.title));
  if (fromHeader) return fromHeader;
  // Any other title (the app's name while it loads, another page's) names no deal.
  return DEAL_TITLE_SUFFIX.test(doc.title) ? hostLabel(doc.title.replace(DEAL_TITLE_SUFFIX, '')) : undefined;
}

export const WON_STAGE = 'Won';

/** The stage button's visible text may carry a days-in-stage prefix, "3 T · Contact Made". */
const DAYS_IN_STAGE_PREFIX = /^\s*\d+\s*\S{1,3}\s*·\s*/;

const DEAL_PATH = /^\/deal\/(\d+)\/?$/;

const LISTING = {
  /** Board tile, the react-dnd drag source [V]. */
  tile: '[data-test="pipeline-deal-tile"][data-test-deal-id]',
  /** List: a grid row holding a deal link (the row markup is a guess). */
  row: '[role="row"]:has(a[href^="/deal/"])',
  /** A link to the deal, its title on a tile [V]. */
  dealLink: 'a[href^="/deal/"]',
  /** Stage column [V]; its name is the column heading (guess). */
  column: '[data-test^="stage-"][data-test-stage-index]',
  columnName: 'h2',
  /** Won zone shown at the foot of the board while dragging (guess). */
  wonZone: '[data-test="drop-zone-won"]',
};

function dealIdOf(item: Element): string | undefined {
  const href = item.getAttribute('data-test-deal-id') ?? item.querySelector(LISTING.dealLink)?.getAttribute('href');
  return href?.match(/(\d+)\/?$/)?.[1];
}

export const pipedriveListing: ListingAdapter = {
  isListingUrl: (url) => /^[a-z0-9-]+\.pipedrive\.com$/.test(url.hostname) && /^\/(pipeline\/|deals\/list)/.test(url.pathname),
  objectType: 'deal',
  itemSelector: `${LISTING.tile}, ${LISTING.row}`,
  itemRecordId: dealIdOf,
  badgeSlot: (item) => item.querySelector(LISTING.dealLink)?.parentElement ?? item,
  recycledAttributes: ['data-test-deal-id', 'href'],
  board: {
    draggable: LISTING.tile,
    draggedRecordId: dealIdOf,
    dropTarget: `${LISTING.column}, ${LISTING.wonZone}`,
    dropTargetStage: (target) => (target.matches(LISTING.wonZone) ? WON_STAGE : textOf(target.querySelector(LISTING.columnName))),
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** The stage bar's current stage, named by its aria-label [V]. Older UI: cui4-. */
  selected: 'button.cui5-stage-selector__stage[aria-selected="true"], button.cui4-stage-selector__stage[aria-selected="true"]',
  /** A won deal shows a status badge instead of the Won button (guess: test id and attribute). */
  wonBadge: '[data-testid="deal-status-badge"][data-status="won"]',
  /** List: the row's stage and status cells, named by the API fields (guess: the list markup is unconfirmed). */
  row: '[role="row"]',
  stageCell: '[role="gridcell"][data-field="stage_id"]',
  statusCell: '[role="gridcell"][data-field="status"]',
};

function itemStageOf(item: Element): string | undefined {
  // Board: the stage column the tile sits in, named by its heading (LISTING).
  const column = item.closest(LISTING.column);
  if (column) return textOf(column.querySelector(LISTING.columnName));
  const row = item.closest(SHOWN_STAGE.row);
  if (textOf(row?.querySelector(SHOWN_STAGE.statusCell))?.toLowerCase() === 'won') return WON_STAGE;
  return textOf(row?.querySelector(SHOWN_STAGE.stageCell));
}

/** Won is a state beside the stage bar, and the gated stage on Pipedrive: it wins. */
function currentStageOf(doc: Document): string | undefined {
  if (doc.querySelector(SHOWN_STAGE.wonBadge)) return WON_STAGE;
  const selected = doc.querySelector(SHOWN_STAGE.selected);
  return selected ? stageLabel(selected) : undefined;
}

export function dealFromUrl(url: URL): RecordRef | undefined {
  if (!/^[a-z0-9-]+\.pipedrive\.com$/.test(url.hostname)) return undefined;
  const id = DEAL_PATH.exec(url.pathname)?.[1];
  return id ? { host: 'pipedrive', objectType: 'deal', recordId: id } : undefined;
}

function stageLabel(button: Element): string | undefined {
  const label = hostLabel(button.getAttribute('aria-label')) ?? textOf(button)?.replace(DAYS_IN_STAGE_PREFIX, '');
  return label?.trim() || undefined;
}

/** Note bodies: where briefs and receipts are read, and what Draft from notes reads (evidence at `notes` below). */
const NOTE_BODIES = '[data-testid="note-content"], [data-testid="history-note"]';

export const pipedrive: HostAdapter = {
  host: 'pipedrive',
  matches: PIPEDRIVE_MATCHES,
  stageControlName: 'the deal stage bar and the Won button',
  composer: {
    /** The deal's notes composer (guess); no generic [contenteditable]: it could be anything. */
    editor: ['[contenteditable="true"][role="textbox"][aria-label="Activity note"]', 'textarea[aria-label="Note"]'],
    /** Existing notes are the `notes` below; nothing else known. */
    never: [],
  },
  /** Note bodies in the deal's history (guess). */
  notes: NOTE_BODIES,
  /** The same note bodies (guess). */
  notesText: NOTE_BODIES,
  listing: pipedriveListing,
  isRecordUrl: (url) => dealFromUrl(url) !== undefined,
  recordFromPage: (url) => dealFromUrl(url),
  recordTitle: dealTitle,
  stageControl: (doc) => doc.querySelector(`${SELECTORS.stage}, ${SELECTORS.won}`) ?? undefined,
  currentStage: currentStageOf,
  stageCommit(event) {
    if (activatedButton(event, SELECTORS.won)) return WON_STAGE;
    const stage = activatedButton(event, SELECTORS.stage);
    // Clicking the stage the deal is already in changes nothing.
    if (!stage || stage.getAttribute('aria-selected') === 'true') return undefined;
    return stageLabel(stage);
  },
};
