import type { RecordRef } from '../record';
import type { HostAdapter, ListingAdapter } from './adapter';
import { activatedButton, closestDeep, eventTarget, queryDeep, textOf } from './dom';

// Facts from shared/host-apps.md (Salesforce Lightning and its "Corrections"): [V] captured DOM,
// SLDS blueprints, live-probed page objects; [P] one source; (guess) inference.

export const SALESFORCE_MATCHES = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];

const SELECTORS = {
  /** Several page views stay in the DOM; only the active one is the user's [V]. */
  activeView: ['.windowViewMode-maximized.active', '.windowViewMode-normal.active'],
  /** The Path's commit button [V]; its steps [V]: the selected one has slds-is-active and an aria-selected link [V]. */
  pathButton: 'button.slds-path__mark-complete',
  pathStep: 'li.slds-path__item',
  currentStep: 'li.slds-path__item.slds-is-current',
  selectedStep: 'li.slds-path__item.slds-is-active',
  stepLink: 'a.slds-path__link',
  selectedLink: 'a.slds-path__link[aria-selected="true"]',
  /**
   * Modals, any tag: the current Aura panel is div.panel.slds-modal[role=dialog] inside
   * div.uiModal.forceModal, LWC's is section[role=dialog] [V, Corrections]. Both are appended to
   * body, outside the page views.
   */
  dialog: '[role="dialog"]',
  /**
   * Buttons that commit what a stage modal holds: Save of the "Select Closed Stage" modal [V]
   * (in Aura footers button.uiButton.forceActionButton[title="Save"] [V, Corrections]), and
   * SaveEdit of the record's Edit modal [V, Corrections].
   */
  dialogCommit: 'button[title="Save"], button[name="SaveEdit"]',
  /** "Edit Dependencies" commits with Done, known only by its text, //button[text()='Done'] [V, Corrections]. */
  dialogDoneText: 'Done',
  /**
   * Button titles and texts are translated, so any other button in a stage modal's footer counts
   * as its commit too (fail closed), unless it is known to dismiss the modal. Footers: Aura
   * div.modal-footer [V, Corrections], SLDS .slds-modal__footer [V, blueprint]. Dismiss: the
   * SLDS close button [V, blueprint]; Cancel's title and name, and its text (guess, English).
   */
  dialogFooter: '.modal-footer, .slds-modal__footer',
  dialogDismiss: 'button[title="Cancel"], button[name="CancelEdit"], button.slds-modal__close',
  dialogDismissText: 'Cancel',
  /** Inline edit: the pencil [V], then the record form's SaveEdit commits the Stage field [V]. */
  inlineEditTrigger: 'button.inline-edit-trigger[title="Edit Stage"]',
  saveEdit: 'button[name="SaveEdit"]',
  /** "Select Closed Stage" modal: its stage select (Closed Won / Closed Lost) [V]. */
  closedStageSelect: 'select.stepAction.required-field',
  /**
   * The Stage picklist's own widget, whatever the field's label or language [V, Corrections; page
   * objects also show its older lightning-combobox with an input[role=combobox] [P]]. Its
   * combobox sits in the widget's shadow root under native LWC, so it is looked up in two steps.
   */
  stageWidget: 'sfa-input-stage-name',
  stageWidgetCombobox: '[role="combobox"]',
  /** The Stage combobox by its label: "Stage" [V], or "Stage, <value>" in older orgs [V, Corrections]. English only. */
  stageCombobox: '[role="combobox"][aria-label="Stage"], [role="combobox"][aria-label^="Stage, "]',
  /** Single-line fields of a record form: Enter there may submit the form like its Save button (guess). */
  formTextField: 'input:not([type]), input[type="text"], input[type="number"], input[type="email"], input[type="tel"], input[type="url"], input[type="date"]',
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

/**
 * What a click on the Path button commits: "Mark as Current Stage" moves to the selected step,
 * "Mark Stage as Complete" (the current step selected) to the next one. Read from the steps'
 * states rather than the button's modifier class or text, which may differ or be translated.
 */
function pathButtonTarget(button: Element): string | undefined {
  const path = closestDeep(button, '.slds-path') ?? button.getRootNode();
  const steps = [...(path as ParentNode).querySelectorAll(SELECTORS.pathStep)];
  const current = steps.findIndex((step) => step.matches(SELECTORS.currentStep));
  const selected = steps.find((step) => step.matches(SELECTORS.selectedStep) || step.querySelector(SELECTORS.selectedLink));
  const target = selected && selected !== steps[current] ? selected : current >= 0 ? steps[current + 1] : undefined;
  const label = stepLabel(target);
  // The closed step only opens the "Select Closed Stage" (or "Edit Dependencies") modal; the
  // modal's Save or Done is what commits.
  return label && !CLOSED_PLACEHOLDER.test(label) ? label : undefined;
}

/** A stage as the host holds it (API value) and as it shows it (label). */
interface StageChoice {
  value?: string;
  label?: string;
}

/** The Stage field inside a modal or a page view: the closed-stage select, the Stage widget, or the combobox labelled Stage. */
function stageChoiceIn(container: ParentNode): StageChoice | undefined {
  const select = queryDeep(container, SELECTORS.closedStageSelect) as HTMLSelectElement | undefined;
  if (select) return { value: select.value, label: textOf(select.selectedOptions[0]) };
  const combobox = stageWidgetCombobox(container) ?? queryDeep(container, SELECTORS.stageCombobox);
  if (!combobox) return undefined;
  // The button holds the API value in data-value and shows the label; the older input holds the label as its value.
  const value = combobox.getAttribute('data-value') ?? undefined;
  const label = combobox instanceof HTMLInputElement ? combobox.value.trim() || undefined : textOf(combobox);
  return { value, label };
}

function stageWidgetCombobox(container: ParentNode): Element | undefined {
  const widget = queryDeep(container, SELECTORS.stageWidget);
  if (!widget) return undefined;
  return queryDeep(widget, SELECTORS.stageWidgetCombobox) ?? (widget.shadowRoot ? queryDeep(widget.shadowRoot, SELECTORS.stageWidgetCombobox) : undefined);
}

/**
 * The stage a form commits, unless it is the record's current one (then the save changes other
 * fields only). Compared by API value and by label, against the active view's Path; without a
 * Path the current stage is unknown and the choice counts as a move (fail closed).
 * The gate reads the label on screen.
 */
function changedStage(choice: StageChoice | undefined, doc: Document): string | undefined {
  if (!choice) return undefined;
  const current = queryDeep(activeView(doc), SELECTORS.currentStep);
  const held = [current?.getAttribute('data-name'), stepLabel(current)].filter((known): known is string => Boolean(known));
  if ([choice.value, choice.label].some((chosen) => chosen !== undefined && held.includes(chosen))) return undefined;
  return choice.label ?? choice.value;
}

/** Save, SaveEdit, Done or another footer button activated inside a modal: the modal it may commit. */
function committedDialog(event: Event): Element | undefined {
  const button = activatedButton(event, 'button');
  const dialog = button && closestDeep(button, SELECTORS.dialog);
  if (!button || !dialog) return undefined;
  if (button.matches(SELECTORS.dialogCommit) || textOf(button) === SELECTORS.dialogDoneText) return dialog;
  const dismisses = button.matches(SELECTORS.dialogDismiss) || textOf(button) === SELECTORS.dialogDismissText;
  return closestDeep(button, SELECTORS.dialogFooter) && !dismisses ? dialog : undefined;
}

/**
 * Enter in a single-line field of a form (a modal, or the active view in inline edit) may submit
 * it like Save. Fields elsewhere (the global search) submit no record form.
 */
function submittedByEnter(event: Event): ParentNode | undefined {
  const target = eventTarget(event);
  if ((event as KeyboardEvent).key !== 'Enter' || !target?.matches(SELECTORS.formTextField)) return undefined;
  const dialog = closestDeep(target, SELECTORS.dialog);
  if (dialog) return dialog;
  const view = activeView(target.ownerDocument);
  return view instanceof Element && closestDeep(target, SELECTORS.activeView.join(', ')) === view ? view : undefined;
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

/** A kanban column's stage. The header also shows the count, "Closed Won (24)": its title holds the bare stage [V]. */
function columnStage(column: Element): string | undefined {
  const header = column.querySelector(LISTING.columnName);
  return header?.getAttribute('title') ?? textOf(header);
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
    dropTargetStage: columnStage,
  },
  itemStage: (item) => itemStageOf(item),
};

// ---- Safety net: the stage a page shows (lib/unverified.ts) --------------------------------

const SHOWN_STAGE = {
  /** The Path's current step [V]; a closed opportunity's step is also won or lost [V, SLDS blueprint]. */
  pathSteps: ['li.slds-path__item.slds-is-current', 'li.slds-path__item.slds-is-won', 'li.slds-path__item.slds-is-lost'],
  /** List: the row's Stage cell; lightning-datatable labels cells by column (guess). */
  row: 'tr',
  stageCell: 'td[data-label="Stage"]',
};

function itemStageOf(item: Element): string | undefined {
  // Kanban: the stage of the column the card sits in.
  const column = item.closest(LISTING.column);
  if (column) return columnStage(column);
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

/** Note bodies: where briefs and receipts are read, and what Draft from notes reads (evidence at `notes` below). */
const NOTE_BODIES = '.cuf-feedBodyText, .feedBodyInner';

export const salesforce: HostAdapter = {
  /**
   * Chatter [V, Corrections]: the publisher shows a button; its click creates the Quill editor.
   * English labels only: in a translated org Insert finds nothing and copies instead.
   */
  composer: {
    open: ['button[title="Share an update..."]'],
    editor: ['.slds-rich-text-editor__textarea div.ql-editor[data-placeholder="Share an update..."]'],
    /** Posts in the feed [V]. */
    never: ['.cuf-feedBodyText'],
  },
  /** Chatter post bodies [V]: .feedBodyInner sits inside .cuf-feedBodyText; a post is read once. */
  notes: NOTE_BODIES,
  /** The same Chatter post bodies [V]; the reader takes the outer one of the nested pair. */
  notesText: NOTE_BODIES,
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
    const target = eventTarget(event);
    if (!target) return undefined;
    const pathButton = activatedButton(event, SELECTORS.pathButton);
    if (pathButton) return pathButtonTarget(pathButton);
    const doc = target.ownerDocument;
    const dialog = committedDialog(event);
    if (dialog) return changedStage(stageChoiceIn(dialog), doc);
    // Inline edit: SaveEdit of the record form in the active view.
    const form = activatedButton(event, SELECTORS.saveEdit) ? activeView(doc) : submittedByEnter(event);
    return form ? changedStage(stageChoiceIn(form), doc) : undefined;
  },
};
