import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter } from './adapter';
import { activatedButton, activatedOption, closestDeep, textOf } from './dom';

// Facts from shared/host-apps.md (ClickUp): [V] seen in working extensions' code.

/** app.clickup.com; white-label domains are added by the user and registered at run time. */
export const CLICKUP_MATCHES = ['https://app.clickup.com/*'];

const SELECTORS = {
  taskView: 'div[role="dialog"][data-task-id]',
  /** The status trigger; its list renders in the CDK overlay, outside the task view [V]. */
  statusTrigger: '[data-test="status-button__status-dropdown"]',
  statusList: '[data-test="status-list__container"]',
  statusItem: 'cu3-combo-box-item',
  statusLabel: '.menu-item-label',
  /** One click sets the task to its "complete" status [V]. */
  checkmark: 'button[data-test="status-button__checkmark"]',
  title: '[data-test="task-title__title-overlay"]',
  /** The task view's id label, e.g. "ONB-42" (guess). */
  customIdLabel: '[data-test="task-view-task-label__taskid-button"]',
};

export const COMPLETE_STATUS = 'complete';

/** /t/{taskId}: the id itself. /t/{workspaceId}/{CUSTOM-ID}: only the task view knows the id. */
const TASK_PATH = /^\/t\/([a-z0-9]+)\/?$/;
const CUSTOM_ID_PATH = /^\/t\/\d+\/[A-Za-z][A-Za-z0-9]*-\d+\/?$/;

const LISTING = {
  /** Board card (Angular CDK drag) with its name link to /t/{id} [P]. */
  card: '.cdk-drag:has(a[href^="/t/"])',
  cardLink: 'a[href^="/t/"]',
  /** While dragging, the CDK draws clones of the card: never badged. */
  dragCopies: '.cdk-drag-preview, .cdk-drag-placeholder, .cdk-drag-dragging',
  /** List row [V]. */
  row: 'cu-task-row[data-id]',
  rowLink: 'a[data-test="task-row-main__link"]',
  column: '.cdk-drop-list[data-status]',
};

function taskIdOf(item: Element): string | undefined {
  return item.getAttribute('data-id') ?? item.querySelector(LISTING.cardLink)?.getAttribute('href')?.match(/\/t\/([a-z0-9]+)\/?$/)?.[1];
}

export const clickupListing: ListingAdapter = {
  isListingUrl: (url) => /^\/\d+\/v\/[bl]\//.test(url.pathname),
  objectType: 'task',
  itemSelector: `${LISTING.card}, ${LISTING.row}`,
  ignoreSelector: LISTING.dragCopies,
  itemRecordId: taskIdOf,
  badgeSlot: (item) => (item.querySelector(LISTING.rowLink) ?? item.querySelector(LISTING.cardLink))?.parentElement ?? item,
  recycledAttributes: ['data-id', 'href'],
  board: {
    draggable: LISTING.card,
    draggedRecordId: taskIdOf,
    /** The CDK drops wherever its placeholder is, also when released outside every list. */
    dropIndicator: '.cdk-drag-placeholder',
    dropTarget: LISTING.column,
    dropTargetStage: (column) => column.getAttribute('data-status') ?? undefined,
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** The task view's status badge: its text is the current status [V]. */
  taskStatus: '[data-test="status-button-badge__body"]',
  /** Board: the card's status column (guess: `.cdk-drop-list[data-status]` is unconfirmed). */
  column: '.cdk-drop-list[data-status]',
  /** List: the row's status cell [V]. */
  rowStatus: 'cu-task-row-status',
};

function itemStageOf(item: Element): string | undefined {
  const status = item.closest(SHOWN_STAGE.column)?.getAttribute('data-status');
  return status ?? textOf(item.querySelector(SHOWN_STAGE.rowStatus));
}

/** Inside the task view: a list row's status cell behind it is another task's. */
function currentStageOf(doc: Document): string | undefined {
  return textOf(doc.querySelector(`${SELECTORS.taskView} ${SHOWN_STAGE.taskStatus}`));
}

export function taskFromUrl(url: URL): RecordRef | undefined {
  const id = TASK_PATH.exec(url.pathname)?.[1];
  return id ? task(id) : undefined;
}

function task(recordId: string): RecordRef {
  return { host: 'clickup', objectType: 'task', recordId };
}

export const clickup: HostAdapter = {
  host: 'clickup',
  matches: CLICKUP_MATCHES,
  stageControlName: 'the task status control',
  /** The task's comment box (Quill editor; guess). */
  composers: ['[data-test="comment-bar__editor"]', 'div[role="dialog"][data-task-id] [contenteditable="true"]'],
  /** Comment bodies of the task (guess). */
  notes: '[data-test="comment__text"]',
  listing: clickupListing,
  isRecordUrl: (url) => TASK_PATH.test(url.pathname) || CUSTOM_ID_PATH.test(url.pathname),
  recordFromPage(url, doc) {
    const direct = taskFromUrl(url);
    if (direct) return direct;
    const view = doc.querySelector(SELECTORS.taskView);
    // Right after an SPA navigation the previous task's view is still drawn: take the view
    // only once it shows this URL's custom id (where it labels one at all).
    const label = textOf(view?.querySelector(SELECTORS.customIdLabel));
    const customId = url.pathname.split('/').filter(Boolean).at(-1);
    if (label && label !== customId) return undefined;
    const id = view?.getAttribute('data-task-id');
    return id && /^[a-z0-9]+$/.test(id) ? task(id) : undefined;
  },
  recordTitle: (doc) => textOf(doc.querySelector(`${SELECTORS.taskView} ${SELECTORS.title}`)),
  stageControl: (doc) => doc.querySelector(`${SELECTORS.statusTrigger}, ${SELECTORS.checkmark}`) ?? undefined,
  currentStage: currentStageOf,
  stageCommit(event) {
    if (activatedButton(event, SELECTORS.checkmark)) return COMPLETE_STATUS;
    const item = activatedOption(event, SELECTORS.statusItem);
    // Items of other combo boxes (assignees, priorities) live in the same overlay.
    if (!item || !closestDeep(item, SELECTORS.statusList) || item.getAttribute('aria-selected') === 'true') return undefined;
    return textOf(item.querySelector(SELECTORS.statusLabel)) ?? textOf(item);
  },
};
