import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter } from './adapter';
import { activatedButton, closestDeep, eventTarget, queryDeep, textOf } from './dom';

// Facts from shared/host-apps.md (Salesforce Lightning): [V] captured DOM and SLDS blueprints.

export const SALESFORCE_MATCHES = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];

const SELECTORS = {
  /** Several page views stay in the DOM; only the active one is the user's [V]. */
  activeView: ['.windowViewMode-maximized.active', '.windowViewMode-normal.active'],
  /** The Path's commit button: "Mark Stage as Complete" (.current) or "Mark as Current Stage" (.active) [V]. */
  pathButton: 'button.slds-path__mark-complete',
  pathStep: 'li.slds-path__item',
  currentStep: 'li.slds-path__item.slds-is-current',
  selectedStep: 'li.slds-path__item.slds-is-active',
  stepLink: 'a.slds-path__link',
  /** "Select Closed Stage" modal: the stage select and Save [V]. */
  closedStageSelect: 'select.stepAction.required-field',
  dialog: 'section[role="dialog"]',
  dialogSave: 'button[title="Save"]',
  /** Inline edit of Stage: combobox, then the form's SaveEdit [V]. */
  inlineEditTrigger: 'button.inline-edit-trigger[title="Edit Stage"]',
  stageCombobox: 'button[role="combobox"][aria-label="Stage"]',
  saveEdit: 'button[name="SaveEdit"]',
  /** Record title in the highlights panel (guess from the LWC template). */
  title: 'slot[name="primaryField"] lightning-formatted-text',
};

/** The Path's closed step reads "Closed" until a closed stage is chosen in its modal. */
const CLOSED_PLACEHOLDER = /^closed$/i;

const OPPORTUNITY_PATH = /^\/lightning\/r\/Opportunity\/(006[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

/**
 * The opportunity a Lightning URL shows. An 18-character id is the 15-character one plus a
 * case checksum: both name the same record, so drafts are keyed by the first 15.
 */
export function opportunityFromUrl(url: URL): RecordRef | undefined {
  if (!/\.(lightning\.force|my\.salesforce)\.com$/.test(url.hostname)) return undefined;
  const id = OPPORTUNITY_PATH.exec(url.pathname)?.[1];
  return id ? { host: 'salesforce', objectType: 'opportunity', recordId: id.slice(0, 15) } : undefined;
}

/** The page view the user sees; cached views of other records are hidden beside it. */
function activeView(doc: Document): ParentNode {
  for (const selector of SELECTORS.activeView) {
    const view = [...doc.querySelectorAll(selector)].find((element) => element.getAttribute('aria-hidden') !== 'true');
    if (view) return view;
  }
  return doc;
}

function stepLabel(step: Element | undefined): string | undefined {
  if (!step) return undefined;
  return step.querySelector(SELECTORS.stepLink)?.getAttribute('title') ?? step.getAttribute('data-name') ?? undefined;
}

/** What a click on the Path button commits: "Mark as Current Stage" or "Mark Stage as Complete". */
function pathButtonTarget(button: Element): string | undefined {
  const path = closestDeep(button, '.slds-path') ?? button.getRootNode();
  const steps = [...(path as ParentNode).querySelectorAll(SELECTORS.pathStep)];
  const current = steps.findIndex((step) => step.matches(SELECTORS.currentStep));
  const target = button.classList.contains('current')
    ? current >= 0
      ? steps[current + 1]
      : undefined
    : steps.find((step) => step.matches(SELECTORS.selectedStep));
  const label = stepLabel(target);
  // The closed step only opens the "Select Closed Stage" modal; its Save is what commits.
  return label && !CLOSED_PLACEHOLDER.test(label) ? label : undefined;
}

/**
 * Save in a dialog: the "Select Closed Stage" modal commits its closed stage; the record's
 * Edit modal (outside the page views) commits its Stage combobox when that changed.
 */
function dialogSaveTarget(save: Element): string | undefined {
  const dialog = closestDeep(save, SELECTORS.dialog);
  const select = dialog?.querySelector<HTMLSelectElement>(SELECTORS.closedStageSelect);
  if (select) return textOf(select.selectedOptions[0]) ?? select.value;
  const combobox = dialog && queryDeep(dialog, SELECTORS.stageCombobox);
  return combobox ? changedStage(combobox, save.ownerDocument) : undefined;
}

/** SaveEdit commits a stage only when the Stage combobox holds another stage than the record's. */
function inlineEditTarget(save: Element): string | undefined {
  const combobox = queryDeep(activeView(save.ownerDocument), SELECTORS.stageCombobox);
  return combobox ? changedStage(combobox, save.ownerDocument) : undefined;
}

/** The stage a Stage combobox holds, unless it is the record's current one. */
function changedStage(combobox: Element, doc: Document): string | undefined {
  // Compared as API values (labels may be translated); the gate reads the label on screen.
  const chosen = combobox.getAttribute('data-value');
  const current = queryDeep(activeView(doc), SELECTORS.currentStep)?.getAttribute('data-name');
  if (chosen && chosen === current) return undefined;
  return textOf(combobox) ?? chosen ?? undefined;
}

const LISTING = {
  /** Kanban card: the record id is one of its class names [V]. */
  card: '.pipelineViewCard',
  cardName: '.primaryDisplayField',
  /** List display: the LWC datatable row [P]. */
  row: 'tr[data-row-key-value]',
  column: '.runtime_sales_pipelineboardPipelineViewColumn',
  columnName: '.stageHeaderLabel',
};

const OPPORTUNITY_ID = /^006[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

function opportunityIdOf(item: Element): string | undefined {
  const id = item.getAttribute('data-row-key-value') ?? [...item.classList].find((name) => OPPORTUNITY_ID.test(name));
  return id && OPPORTUNITY_ID.test(id) ? id.slice(0, 15) : undefined;
}

export const salesforceListing: ListingAdapter = {
  isListingUrl: (url) => /\.(lightning\.force|my\.salesforce)\.com$/.test(url.hostname) && /^\/lightning\/o\/Opportunity\/list/.test(url.pathname),
  objectType: 'opportunity',
  itemSelector: `${LISTING.card}, ${LISTING.row}`,
  itemRecordId: opportunityIdOf,
  badgeSlot: (item) => item.querySelector(LISTING.cardName) ?? item.querySelector('th, td') ?? item,
  recycledAttributes: ['data-row-key-value'],
  board: {
    draggable: LISTING.card,
    draggedRecordId: opportunityIdOf,
    dropTarget: LISTING.column,
    // The header also shows the count, "Closed Won (24)": its title holds the bare stage.
    dropTargetStage: (column) => {
      const header = column.querySelector(LISTING.columnName);
      return header?.getAttribute('title') ?? textOf(header);
    },
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** The Path's current step [V]; a closed opportunity's step is also won or lost [V, SLDS blueprint]. */
  pathSteps: ['li.slds-path__item.slds-is-current', 'li.slds-path__item.slds-is-won', 'li.slds-path__item.slds-is-lost'],
  /** Kanban: the card's column and its header [V]. */
  column: '.runtime_sales_pipelineboardPipelineViewColumn',
  columnName: '.stageHeaderLabel',
  /** List: the row's Stage cell; lightning-datatable labels cells by column (guess). */
  row: 'tr',
  stageCell: 'td[data-label="Stage"]',
};

function itemStageOf(item: Element): string | undefined {
  const column = item.closest(SHOWN_STAGE.column);
  if (column) {
    const header = column.querySelector(SHOWN_STAGE.columnName);
    return header?.getAttribute('title') ?? textOf(header);
  }
  return textOf(item.closest(SHOWN_STAGE.row)?.querySelector(SHOWN_STAGE.stageCell));
}

/** In the active view only: cached views of other records keep their own Paths. */
function currentStageOf(doc: Document): string | undefined {
  const view = activeView(doc);
  for (const selector of SHOWN_STAGE.pathSteps) {
    const label = stepLabel(queryDeep(view, selector));
    if (label && !CLOSED_PLACEHOLDER.test(label)) return label;
  }
  return undefined;
}

export const salesforce: HostAdapter = {
  /** Chatter publisher / activity composer (guess); in the active view, through shadow roots. */
  composers: ['.slds-rich-text-editor__textarea[contenteditable="true"]', '[contenteditable="true"][role="textbox"]', 'textarea[aria-label="Post"]'],
  /** Chatter feed item bodies (guess). */
  notes: '.feedBodyInner, .cuf-feedBodyText',
  listing: salesforceListing,
  host: 'salesforce',
  matches: SALESFORCE_MATCHES,
  stageControlName: 'the opportunity Path or the Stage field',
  isRecordUrl: (url) => opportunityFromUrl(url) !== undefined,
  recordFromPage: (url) => opportunityFromUrl(url),
  recordTitle(doc) {
    return textOf(queryDeep(activeView(doc), SELECTORS.title)) ?? (doc.title.replace(/\s*\|\s*Salesforce\s*$/, '') || undefined);
  },
  stageControl(doc) {
    return queryDeep(activeView(doc), `${SELECTORS.pathButton}, ${SELECTORS.inlineEditTrigger}`);
  },
  currentStage: currentStageOf,
  stageCommit(event) {
    if (!eventTarget(event)) return undefined;
    const pathButton = activatedButton(event, SELECTORS.pathButton);
    if (pathButton) return pathButtonTarget(pathButton);
    const save = activatedButton(event, SELECTORS.dialogSave);
    if (save && closestDeep(save, SELECTORS.dialog)) return dialogSaveTarget(save);
    const saveEdit = activatedButton(event, SELECTORS.saveEdit);
    return saveEdit ? inlineEditTarget(saveEdit) : undefined;
  },
};
