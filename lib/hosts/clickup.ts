import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter } from './adapter';
import { activatedButton, activatedOption, closestDeep, textOf } from './dom';

// Facts from shared/host-apps.md (ClickUp): [V] seen in working extensions' code.

/** app.clickup.com; white-label domains are added by the user and registered at run time. */
export const CLICKUP_MATCHES = ['https://app.clickup.com/*'];

const SELECTORS = {
  /** The task modal, which names the task's id [V]. */
  taskView: 'div[role="dialog"][data-task-id]',
  /** The status trigger; its list renders in the CDK overlay, outside the task view [V]. */
  statusTrigger: '[data-test="status-button__status-dropdown"]',
  /** The open status list, its items and their labels [V]. */
  statusList: '[data-test="status-list__container"]',
  statusItem: 'cu3-combo-box-item',
  statusLabel: '.menu-item-label',
  /** One click sets the task to its "complete" status [V]. */
  checkmark: 'button[data-test="status-button__checkmark"]',
  /** The task's name in the task view (guess). */
  title: '[data-test="task-title__title-overlay"]',
  /** The task view's id label, e.g. "ONB-42" (guess). */
  customIdLabel: '[data-test="task-view-task-label__taskid-button"]',
};

export const COMPLETE_STATUS = 'complete';

/** /t/{taskId}: the id itself. /t/{workspaceId}/{CUSTOM-ID}: only the task view knows the id. */
const TASK_PATH = /^\/t\/([a-z0-9]+)\/?$/;
const CUSTOM_ID_PATH = /^\/t\/\d+\/[A-Za-z][A-Za-z0-9]*-\d+\/?$/;

const LISTING = {
  /**
   * Board card, current markup [V, Corrections]: `li.cdk-drag.board-group__task-list-item[data-id]`;
   * matched without [data-id] too, so a card that does not say its task is marked, not skipped.
   */
  card: '.board-group__task-list-item',
  /** Board card, older markup [P]: an Angular CDK drag holding a link to its task. */
  olderCard: '.cdk-drag:has(a[href*="/t/"])',
  /** The card's name link [V, Corrections]: `a.board-task__name-link[data-test="board-task__name-link__<name>"]`. */
  cardNameLink: 'a.board-task__name-link, a[data-test^="board-task__name-link__"]',
  /** Any link to a task: /t/{id} or /t/{workspaceId}/{CUSTOM-ID} (custom ids occur on boards too [V]). */
  taskLink: 'a[href*="/t/"]',
  /** While dragging, the CDK draws clones of the card: never badged. */
  dragCopies: '.cdk-drag-preview, .cdk-drag-placeholder, .cdk-drag-dragging',
  /** List row [V]. */
  row: 'cu-task-row[data-id]',
  rowLink: 'a[data-test="task-row-main__link"]',
  /** Older board column: a CDK drop list naming its status (unconfirmed: [P] only). */
  olderColumn: '.cdk-drop-list[data-status]',
  /**
   * Current board column: whatever holds one status header label [P, a 2026 page object:
   * `.cu-status-group-header__label` in the column's `cu-status-group` ancestor]. Read by
   * containment, not by the wrapper's class, which that source does not pin down.
   */
  column: ':has(.cu-status-group-header__label)',
  columnLabel: '.cu-status-group-header__label',
  /** A column's task list [P]: `ul.board-group__task-list[data-test="board-group__task-list__<n>"]`, a CDK drop list. */
  taskList: '.board-group__task-list, .cdk-drop-list',
};

/** A task id as ClickUp writes it in /t/{id} and data-id: lowercase letters and digits. */
const TASK_ID = /^[a-z0-9]+$/;

/** The task an item shows: its data-id, else a /t/{id} link. A custom-id link alone does not say. */
function taskIdOf(item: Element): string | undefined {
  const dataId = item.getAttribute('data-id');
  if (dataId && TASK_ID.test(dataId)) return dataId;
  const link = item.querySelector(LISTING.cardNameLink) ?? item.querySelector(LISTING.taskLink);
  const href = link?.getAttribute('href');
  return href ? TASK_PATH.exec(new URL(href, 'https://app.clickup.com').pathname)?.[1] : undefined;
}

/**
 * A column's status: the older markup's data-status, else its header label. Undefined when
 * unsure: a column that lost its label makes the nearest holder of a label some wider element
 * (the board), which holds other columns' lists and labels, and must not lend them its name.
 */
function columnStatus(column: Element): string | undefined {
  const named = column.getAttribute('data-status');
  if (named !== null) return named.trim() || undefined;
  const labels = column.querySelectorAll(LISTING.columnLabel);
  return labels.length === 1 && column.querySelectorAll(LISTING.taskList).length <= 1 ? textOf(labels[0]) : undefined;
}

const CARD = `${LISTING.card}, ${LISTING.olderCard}`;

export const clickupListing: ListingAdapter = {
  isListingUrl: (url) => /^\/\d+\/v\/[bl]\//.test(url.pathname),
  objectType: 'task',
  itemSelector: `${CARD}, ${LISTING.row}`,
  ignoreSelector: LISTING.dragCopies,
  itemRecordId: taskIdOf,
  badgeSlot: (item) =>
    (item.querySelector(LISTING.rowLink) ?? item.querySelector(LISTING.cardNameLink) ?? item.querySelector(LISTING.taskLink))?.parentElement ?? item,
  recycledAttributes: ['data-id', 'href'],
  board: {
    draggable: CARD,
    draggedRecordId: taskIdOf,
    /** The CDK drops wherever its placeholder is, also when released outside every list. */
    dropIndicator: '.cdk-drag-placeholder',
    dropTarget: `${LISTING.olderColumn}, ${LISTING.column}`,
    dropTargetStage: columnStatus,
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
  composer: {
    /** The task's comment box (guess). Never a generic [contenteditable]: that is the description [V]. */
    editor: ['[data-test="comment-bar__editor"]', 'cu-comment-bar [contenteditable="true"]'],
    /** The task description, a Quill .ql-editor [V, Corrections], in its component (guess). */
    never: ['cu-task-description', '[data-test^="task-description"]'],
  },
  /** Comment bodies of the task (guess). */
  notes: '[data-test="comment__text"]',
  /**
   * Comment bodies (guess) and the task description, a Quill .ql-editor [V, Corrections] inside
   * its component (guess): the description often holds the call notes.
   */
  notesText: '[data-test="comment__text"], cu-task-description .ql-editor, [data-test^="task-description"] .ql-editor',
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
