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
  /** Popover options commit on click, no Save step [V]; rendered outside the card. A list's stage cell opens them too [V, Corrections]. */
  option: '[role="option"]',
  /** The deal's name: current UI first [V, Corrections], then the older highlight title [V]. */
  titles: ['[data-test-id="highlight-record-label"]', '[data-selenium-test="highlightTitle"]'],
};

/** Deal boards and lists [V]: `/contacts/{portal}/objects/0-3/views/{id|all}/board|list`. */
const DEAL_VIEWS = /^\/contacts\/\d+\/objects\/0-3\/views\/[^/]+\/(board|list)\/?$/;

// Boards and lists come in two generations of markup (host-apps.md, "HubSpot (deals)" and
// "Corrections"); both are recognised.
const LISTING = {
  /** Board card: react-beautiful-dnd's draggable wrapper, both generations [V]. One item per card. */
  cardWrapper: '[data-test-id="cdb-column-item"]',
  /** Older card inside the wrapper, with the deal id [V]. */
  legacyCard: '[data-test-id="cdb-card"][data-selenium-id]',
  /** Card titles: older, a link to the deal [V]; newer, text in nested spans, maybe no link [V, Corrections]. */
  cardTitle: '[data-test-id="board-card-section-title-link"], [data-test-id="cdbc-title"]',
  /** List row, newer: `row-<dealId>` [V, Corrections]. */
  row: 'tr[data-test-id^="row-"]',
  /** List name cell, older: `name-<dealId>` [P]; not in a newer row, which is the item there (one item a row). */
  legacyNameCell: 'tr:not([data-test-id^="row-"]) > td[data-table-external-id^="name-"]',
  /** Newer cells: `cell-<row>-<col>-<property>-<dealId>` [V, Corrections]. */
  cell: '[data-table-external-id^="cell-"]',
  /**
   * Where a newer row's badge goes: the deal name cell (property `dealname` [V], `name` seen
   * too [V]), else the first data column [V].
   */
  nameCell: 'td[data-table-external-id*="-dealname-"], td[data-table-external-id*="-name-"], td[data-column-index="0"]',
  /** A link to the deal, wherever the card or row has one: the id's fallback [V, Corrections]. */
  recordLink: 'a[href*="/record/0-3/"]',
  /** Board column, and its name: the stage a drop there commits [V]. */
  column: '[data-test-id="cdb-column"]',
  columnName: '[data-test-id="cdb-column-name"]',
  /** react-beautiful-dnd's draggable wrapper [V]. */
  draggable: '[data-test-id="cdb-column-item"][data-rbd-draggable-id]',
  /**
   * A list row's stage cell: inline edit whose options commit on click [V, Corrections].
   * `hs_pipeline_stage` is the property seen there [V]; `dealstage` there is a guess from the
   * deal's own stage property, which is [V] elsewhere (property-input-dealstage).
   */
  stageCell: 'td[data-table-external-id*="-hs_pipeline_stage-"], td[data-table-external-id*="-dealstage-"]',
  /** What opens the stage cell's options (guess: its edit button, else the cell's combobox). */
  stageCellOpener: 'button, [role="combobox"], [role="button"]',
};

const DEAL_ID = /^\d+$/;
const matched = (pattern: RegExp, text: string | null | undefined) => (text ? pattern.exec(text)?.[1] : undefined);

/** Where a card or row names its deal, most direct first; a link to the record as the fallback. */
const DEAL_ID_SOURCES: ((item: Element) => string | null | undefined)[] = [
  (item) => item.getAttribute('data-selenium-id'), // newer card wrapper
  (item) => item.querySelector(LISTING.legacyCard)?.getAttribute('data-selenium-id'), // older card
  (item) => matched(/^row-(\d+)$/, item.getAttribute('data-test-id')), // newer row
  (item) => matched(/^name-(\d+)$/, item.getAttribute('data-table-external-id')), // older name cell
  (item) => matched(/-(\d+)$/, item.querySelector(LISTING.cell)?.getAttribute('data-table-external-id')), // newer cell's trailing id
  (item) => matched(/\/record\/0-3\/(\d+)/, item.querySelector(LISTING.recordLink)?.getAttribute('href')),
];

function listedDealId(item: Element): string | undefined {
  for (const source of DEAL_ID_SOURCES) {
    const id = source(item);
    if (id && DEAL_ID.test(id)) return id;
  }
  return undefined;
}

/** A card's badge goes beside its title; a newer row's in its name cell (a table row holds only cells). */
function badgeSlot(item: Element): Element {
  const title = item.querySelector(LISTING.cardTitle);
  if (title) return title.parentElement ?? item;
  if (!item.matches(LISTING.row)) return item;
  return item.querySelector(LISTING.nameCell) ?? item.querySelector('td') ?? item;
}

export const hubspotListing: ListingAdapter = {
  isListingUrl: (url) => /^app(-[a-z]+\d+)?\.hubspot\.com$/.test(url.hostname) && DEAL_VIEWS.test(url.pathname),
  objectType: 'deal',
  itemSelector: `${LISTING.cardWrapper}, ${LISTING.row}, ${LISTING.legacyNameCell}`,
  itemRecordId: listedDealId,
  // A newer card's title is text, not a link; a card's text also holds its properties.
  itemTitle: (item) => textOf(item.querySelector(LISTING.cardTitle)),
  badgeSlot,
  recycledAttributes: ['data-table-external-id', 'data-selenium-id', 'data-test-id'],
  board: {
    draggable: LISTING.draggable,
    draggedRecordId: listedDealId,
    // No drop indicator: react-beautiful-dnd keeps a placeholder in the card's own list too.
    // It drops the card in the column under the card's centre.
    dropTarget: LISTING.column,
    dropTargetStage: (column) => textOf(column.querySelector(LISTING.columnName)),
  },
  stageCell: {
    cell: LISTING.stageCell,
    opener: LISTING.stageCellOpener,
    option: SELECTORS.option,
    recordId: (cell) => matched(/-(\d+)$/, cell.getAttribute('data-table-external-id')) ?? listedDealId(cell.closest(LISTING.row) ?? cell),
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** Board: the card's column and its name; list: the row, then its deal stage cell (both in LISTING). */
  row: 'tr, [role="row"]',
  /** Older lists: the cell named `dealstage-{id}` (guess, like the older `name-{id}` cell [P]). */
  stageCell: `${LISTING.stageCell}, td[data-table-external-id^="dealstage-"]`,
};

/** A list's stage cell reads "Stage (Pipeline)" [P]: the stage is before the pipeline. */
const PIPELINE_SUFFIX = /\s*\([^()]*\)$/;

function itemStageOf(item: Element): string | undefined {
  const column = item.closest(LISTING.column);
  if (column) return textOf(column.querySelector(LISTING.columnName));
  const cell = item.closest(SHOWN_STAGE.row)?.querySelector(SHOWN_STAGE.stageCell);
  return textOf(cell)?.replace(PIPELINE_SUFFIX, '') || undefined;
}

function currentStageOf(doc: Document): string | undefined {
  // Highlight card: the stage button's text is the current stage; else the "About this deal" form [V].
  return textOf(doc.querySelector(SELECTORS.highlightStageButton)) ?? textOf(doc.querySelector(SELECTORS.sidebarStageControl));
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

/** Note bodies: where briefs and receipts are read, and what Draft from notes reads (evidence at `notes` below). */
const NOTE_BODIES = '[data-test-id="timeline-note-event"] [data-test-id="rte-content"], [data-test-id="timeline-note-event"] [class*="SanitizedText"]';

export const hubspot: HostAdapter = {
  host: 'hubspot',
  matches: HUBSPOT_MATCHES,
  stageControlName: 'the deal stage control (highlight card or "About this deal")',
  composer: {
    /** The new note's editor in the middle pane (guess: no public source shows it). */
    editor: ['[data-test-id="middle-pane"] [contenteditable="true"][role="textbox"]', '[data-test-id="middle-pane"] textarea'],
    /** Existing timeline notes edit in place (ProseMirror) [V, Corrections]; so do comments on them [V]. */
    never: ['[data-test-id="timeline-note-event"]', '[data-test-id^="comment-"]'],
  },
  /**
   * Timeline note bodies, both generations [V, Corrections]: the editable ProseMirror surface,
   * or the click-to-edit preview's SanitizedText. Comments on a note use that class too [V]:
   * they are read as notes of their own (they count only if they name this record).
   */
  notes: NOTE_BODIES,
  /** The same timeline note bodies [V, Corrections]; emails and calls in the timeline have no public evidence yet. */
  notesText: NOTE_BODIES,
  listing: hubspotListing,
  isRecordUrl: (url) => dealIdFromUrl(url) !== undefined,
  recordFromPage: (url) => dealFromUrl(url),
  recordTitle: (doc) => SELECTORS.titles.map((selector) => textOf(doc.querySelector(selector))).find((title) => title !== undefined),
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
