import { afterEach, describe, expect, it } from 'vitest';
import { key, stageCommitted } from './events';
import { queryDeep } from '../../../lib/hosts/dom';
import { opportunityFromUrl, salesforce } from '../../../lib/hosts/salesforce';

// URL shapes and markup from /work/shared/host-apps.md (Salesforce Lightning), laid out like
// test/fixtures/salesforce (cached views, LWC hosts with or without open shadow roots).

describe('Salesforce opportunity records', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view', '0065g00000AbCdE'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006Dn000004EvLQ/view', '006Dn000004EvLQ'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view/', '0065g00000AbCdE'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view?ws=%2Flightning', '0065g00000AbCdE'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view', '0065g00000AbCdE'],
    ['https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view', '0065g00000AbCdE'],
    ['https://acme--uat.sandbox.my.salesforce.com/lightning/r/Opportunity/006Dn000004EvLQ/view', '006Dn000004EvLQ'],
  ])('%s is opportunity %s', (url, recordId) => {
    expect(opportunityFromUrl(new URL(url))).toEqual({ host: 'salesforce', objectType: 'opportunity', recordId });
    expect(salesforce.isRecordUrl(new URL(url))).toBe(true);
  });

  it('keys the 15- and 18-character ids of one record to the same draft', () => {
    const short = opportunityFromUrl(new URL('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view'));
    const long = opportunityFromUrl(new URL('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view'));
    expect(short?.recordId).toBe('0065g00000AbCdE');
    expect(long).toEqual(short);
  });
});

describe('Salesforce pages that are not an opportunity record', () => {
  it.each([
    ['an account', 'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view'],
    ['a lead', 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEAAZ/view'],
    ['an account id under Opportunity', 'https://acme.lightning.force.com/lightning/r/Opportunity/0015g00000AbCdEAAZ/view'],
    ['the opportunity list', 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent'],
    ['the opportunity home', 'https://acme.lightning.force.com/lightning/o/Opportunity/home'],
    ['a related list', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/related/OpportunityLineItems/view'],
    ['a 14-character id', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCd/view'],
    ['a 16-character id', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEA/view'],
    ['a 17-character id', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAA/view'],
    ['a 19-character id', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZA/view'],
    ['an id with a symbol', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCd_/view'],
    ['Classic', 'https://acme.my.salesforce.com/0065g00000AbCdE'],
    ['setup', 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home'],
  ])('%s', (_page, url) => {
    expect(opportunityFromUrl(new URL(url))).toBeUndefined();
    expect(salesforce.isRecordUrl(new URL(url))).toBe(false);
  });

  it.each([
    'https://acme.lightning.force.com.evil.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
    'https://acme.my.salesforce.com.evil.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
    'https://evillightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
    'https://acme.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
    'https://evil.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
    'https://evil.com/https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
  ])('another host: %s', (url) => {
    expect(opportunityFromUrl(new URL(url))).toBeUndefined();
  });
});

const STAGES = ['Prospecting', 'Qualification', 'Value Proposition', 'Negotiation/Review', 'Closed'];

interface View {
  /** The record's stage; `selected` is the step the user clicked (the Path only selects). */
  current: string;
  selected?: string;
  /** The Stage combobox's value while the details card is in inline edit. */
  draft?: string;
  active?: boolean;
  path?: boolean;
  stageField?: boolean;
}

function pathHtml({ current, selected = current }: View): string {
  // A closed opportunity's closed step names its closed stage.
  const stages = STAGES.map((stage) => (stage === 'Closed' && current.startsWith('Closed ') ? current : stage));
  const at = stages.indexOf(current);
  const steps = stages.map((stage, i) => {
    const state = i < at ? 'complete' : i === at ? 'current' : 'incomplete';
    return `<li class="slds-path__item slds-is-${state}${stage === selected ? ' slds-is-active' : ''}" role="tab" data-name="${stage}">
      <a class="slds-path__link" role="option" aria-selected="${stage === selected}" data-tab-name="${stage}" title="${stage}">
        <span class="slds-path__stage"><span class="slds-assistive-text">Stage</span></span>
        <span class="slds-path__title">${stage}</span></a></li>`;
  });
  return `<div class="runtime_sales_pathassistantPathAssistant"><article class="slds-card"><div class="slds-path">
    <div role="listbox" aria-label="Path Header"><ul class="slds-path__nav">${steps.join('')}</ul></div>
    <div class="slds-path__action"><span class="slds-path__stage-name">Stage: ${selected}</span>
      <button class="slds-button slds-button_brand slds-path__mark-complete stepAction ${selected === current ? 'current' : 'active'} uiButton">
        <span class="label bBody">Mark</span></button></div>
  </div></article></div>`;
}

function detailsHtml({ current, draft }: View): string {
  if (draft === undefined) {
    return `<records-record-layout-item field-label="Stage"><span class="test-id__field-value">${current}</span>
      <button class="inline-edit-trigger test-id__inline-edit-trigger" title="Edit Stage"></button></records-record-layout-item>`;
  }
  return `<records-record-layout-item field-label="Stage"><lightning-combobox>
      <button role="combobox" aria-label="Stage" aria-haspopup="listbox" data-value="${draft}">${draft}</button>
    </lightning-combobox></records-record-layout-item>
    <records-form-footer><button name="CancelEdit">Cancel</button><button name="SaveEdit">Save</button></records-form-footer>`;
}

/** Fills an LWC host: its open shadow root (native LWC) or its light DOM (synthetic shadow). */
function fill(host: Element, html: string, shadow: boolean): void {
  if (shadow) host.attachShadow({ mode: 'open' }).innerHTML = html;
  else host.innerHTML = html;
}

/** An LWC host: `html` and `children` in its open shadow root (native LWC) or light DOM (synthetic). */
function lwc(tag: string, html: string, shadow: boolean, ...children: Element[]): Element {
  const host = document.createElement(tag);
  fill(host, html, shadow);
  (host.shadowRoot ?? host).append(...children);
  return host;
}

/** The current generation's modal: an Aura panel, light DOM at body level, its dialog a div. */
function mountAuraModal(fields: Element[], footer: string): ParentNode {
  const container = document.body.appendChild(document.createElement('div'));
  container.className = 'DESKTOP uiContainerManager';
  container.innerHTML = `<div class="uiModal forceModal open active"><div class="panel slds-modal slds-fade-in-open" role="dialog" aria-modal="true">
      <div class="modal-container slds-modal__container"><div class="modal-header"><h2>Modal</h2></div><div class="modal-body"></div>
      <div class="modal-footer"><div class="forceModalActionContainer">${footer}</div></div></div></div></div>`;
  find(container, '.modal-body').append(...fields);
  return container;
}

const auraButton = (title: string) =>
  `<button class="slds-button uiButton forceActionButton" title="${title}"><span class="label bBody">${title}</span></button>`;
const closedStageSelect = (chosen: string) =>
  `<select class="slds-select stepAction required-field">${['Closed Won', 'Closed Lost']
    .map((stage) => `<option value="${stage}"${stage === chosen ? ' selected' : ''}>${stage}</option>`)
    .join('')}</select>`;
/** A lightning-combobox as the record form draws it; `label` is the field's label in the org's language. */
const combobox = (label: string, value: string) =>
  `<lightning-combobox><label>${label}</label><button role="combobox" aria-label="${label}" data-value="${value}"><span>${value}</span></button></lightning-combobox>`;
/** The Stage picklist's own widget (the current app), in an LWC record form. */
const stageWidget = (value: string, shadow: boolean, label = 'Stage') => lwc('sfa-input-stage-name', combobox(label, value), shadow);
const recordForm = (shadow: boolean, ...fields: Element[]) => lwc('records-modal-lwc-detail-panel-wrapper', '<input name="NextStep">', shadow, ...fields);

/** Page views in DOM order, cached ones hidden the way Lightning hides them; returns the active one. */
function mountViews(views: View[], shadow: boolean): Element {
  const cached = '<div class="windowViewMode-maximized oneContent" aria-hidden="true"></div>';
  const active = '<div class="windowViewMode-maximized oneContent active"></div>';
  document.body.innerHTML = `<div class="lafSinglePaneWindowManager">${views.map((view) => (view.active === false ? cached : active)).join('')}</div>`;
  const elements = [...document.querySelectorAll('.oneContent')];
  views.forEach((view, i) => {
    const element = elements[i];
    if (!element) return;
    if (view.path !== false) fill(element.appendChild(document.createElement('runtime_sales_pathassistant-path-assistant')), pathHtml(view), shadow);
    if (view.stageField !== false) fill(element.appendChild(document.createElement('records-lwc-detail-panel')), detailsHtml(view), shadow);
  });
  return find(document, '.oneContent.active');
}

/** The body-level "Select Closed Stage" modal; `stageSelect: false` makes it some other dialog. */
function mountModal(chosen: string, shadow: boolean, stageSelect = true): ParentNode {
  const select = `<select class="slds-select stepAction required-field" name="StageName">${['Closed Won', 'Closed Lost']
    .map((stage) => `<option value="${stage}"${stage === chosen ? ' selected' : ''}>${stage}</option>`)
    .join('')}</select>`;
  const host = document.body.appendChild(document.createElement('lightning-overlay-container'));
  fill(host, `<section role="dialog" aria-modal="true" class="slds-modal slds-fade-in-open">
      <h2>Close This Opportunity</h2>${stageSelect ? select : '<input name="Subject">'}
      <footer><button title="Cancel">Cancel</button><button title="Save">Save</button></footer>
    </section><div class="slds-backdrop"></div>`, shadow);
  return host.shadowRoot ?? host;
}

function find(root: ParentNode, selector: string): Element {
  const element = queryDeep(root, selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

/** Browsers show a window listener the outermost shadow host as target; happy-dom does not. */
function retargeted(event: Event): Event {
  let node = event.target as Node;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  Object.defineProperty(event, 'target', { value: node, writable: true, configurable: true });
  return event;
}

const commitOf = (target: Element, event?: Event) => stageCommitted(salesforce, target, event, { adjust: retargeted });

afterEach(() => {
  document.body.innerHTML = '';
});

describe.each([
  ['in the light DOM (synthetic shadow)', false],
  ['inside open shadow roots (native LWC)', true],
])('Salesforce stage commits %s', (_mode, shadow) => {
  describe('the Path button', () => {
    it('"Mark Stage as Complete" moves to the step after the current one', () => {
      const view = mountViews([{ current: 'Qualification' }], shadow);
      expect(commitOf(find(view, 'button.slds-path__mark-complete .label'))).toBe('Value Proposition');
    });

    it('"Mark as Current Stage" moves to the selected step', () => {
      const view = mountViews([{ current: 'Prospecting', selected: 'Negotiation/Review' }], shadow);
      expect(commitOf(find(view, 'button.slds-path__mark-complete'))).toBe('Negotiation/Review');
    });

    it('reads the move from the steps, not from the button’s modifier class', () => {
      const complete = mountViews([{ current: 'Qualification' }], shadow);
      find(complete, 'button.slds-path__mark-complete').classList.remove('current');
      expect(commitOf(find(complete, 'button.slds-path__mark-complete'))).toBe('Value Proposition');
      const chosen = mountViews([{ current: 'Prospecting', selected: 'Negotiation/Review' }], shadow);
      find(chosen, 'button.slds-path__mark-complete').classList.replace('active', 'current');
      expect(commitOf(find(chosen, 'button.slds-path__mark-complete'))).toBe('Negotiation/Review');
    });

    it('commits on Enter and Space too, not on other keys', () => {
      const view = mountViews([{ current: 'Qualification' }], shadow);
      const button = find(view, 'button.slds-path__mark-complete');
      expect(commitOf(button, key('Enter'))).toBe('Value Proposition');
      expect(commitOf(button, key(' '))).toBe('Value Proposition');
      expect(commitOf(button, key('Tab'))).toBeUndefined();
    });

    it('"Select Closed Stage" only opens the modal', () => {
      const view = mountViews([{ current: 'Qualification', selected: 'Closed' }], shadow);
      expect(commitOf(find(view, 'button.slds-path__mark-complete'))).toBeUndefined();
    });

    it('"Mark Stage as Complete" on the last open step only opens the modal', () => {
      const view = mountViews([{ current: 'Negotiation/Review' }], shadow);
      expect(commitOf(find(view, 'button.slds-path__mark-complete'))).toBeUndefined();
    });

    it('the button of a closed opportunity only opens the modal', () => {
      const view = mountViews([{ current: 'Closed' }], shadow);
      expect(commitOf(find(view, 'button.slds-path__mark-complete'))).toBeUndefined();
    });

    it('clicking a step only selects it', () => {
      const view = mountViews([{ current: 'Qualification' }], shadow);
      expect(commitOf(find(view, 'li[data-name="Value Proposition"] .slds-path__title'))).toBeUndefined();
    });
  });

  describe('the closed-stage modal', () => {
    it.each(['Closed Won', 'Closed Lost'])('Save commits %s', (stage) => {
      mountViews([{ current: 'Negotiation/Review', selected: 'Closed' }], shadow);
      expect(commitOf(find(mountModal(stage, shadow), 'button[title="Save"]'))).toBe(stage);
    });

    it('Cancel commits nothing', () => {
      mountViews([{ current: 'Negotiation/Review', selected: 'Closed' }], shadow);
      expect(commitOf(find(mountModal('Closed Won', shadow), 'button[title="Cancel"]'))).toBeUndefined();
    });

    it('Save in another dialog is not a stage change', () => {
      mountViews([{ current: 'Negotiation/Review' }], shadow);
      expect(commitOf(find(mountModal('Closed Won', shadow, false), 'button[title="Save"]'))).toBeUndefined();
    });

    it('Save in the record’s Edit modal commits the Stage it holds, unless unchanged', () => {
      mountViews([{ current: 'Negotiation/Review' }], shadow);
      const editModal = (value: string) => {
        document.querySelector('lightning-overlay-container')?.remove();
        const host = document.body.appendChild(document.createElement('lightning-overlay-container'));
        fill(host, `<section role="dialog" aria-modal="true" class="slds-modal"><h2>Edit Acme</h2>
            <button role="combobox" aria-label="Stage" data-value="${value}">${value}</button>
            <footer><button title="Save">Save</button></footer></section>`, shadow);
        return host.shadowRoot ?? host;
      };
      expect(commitOf(find(editModal('Closed Won'), 'button[title="Save"]'))).toBe('Closed Won');
      expect(commitOf(find(editModal('Negotiation/Review'), 'button[title="Save"]'))).toBeUndefined();
    });
  });

  describe('the current Aura modals (div[role=dialog])', () => {
    it.each(['Closed Won', 'Closed Lost'])('Save of "Select Closed Stage" commits %s, clicked on its label', (stage) => {
      mountViews([{ current: 'Negotiation/Review', selected: 'Closed' }], shadow);
      const modal = mountAuraModal([lwc('div', closedStageSelect(stage), false)], auraButton('Cancel') + auraButton('Save'));
      expect(commitOf(find(modal, 'button[title="Save"] .label'))).toBe(stage);
      expect(commitOf(find(modal, 'button[title="Save"]'), key('Enter'))).toBe(stage);
      expect(commitOf(find(modal, 'button[title="Save"]'), key(' '))).toBe(stage);
      expect(commitOf(find(modal, 'button[title="Cancel"]'))).toBeUndefined();
    });

    it('a Save whose title is translated still commits from the modal’s footer; Cancel does not', () => {
      mountViews([{ current: 'Negotiation/Review', selected: 'Closed' }], shadow);
      const modal = mountAuraModal([lwc('div', closedStageSelect('Closed Won'), false)], auraButton('Cancel') + auraButton('Speichern'));
      expect(commitOf(find(modal, 'button[title="Speichern"]'))).toBe('Closed Won');
      expect(commitOf(find(modal, 'button[title="Cancel"]'))).toBeUndefined();
      expect(commitOf(find(modal, '.modal-header h2'))).toBeUndefined();
    });

    it('re-saving the closed stage the record already has commits nothing', () => {
      mountViews([{ current: 'Closed Won' }], shadow);
      const modal = mountAuraModal([lwc('div', closedStageSelect('Closed Won'), false)], auraButton('Save'));
      expect(commitOf(find(modal, 'button[title="Save"]'))).toBeUndefined();
    });

    it('Done of "Edit Dependencies" commits the Stage chosen there, not the dependent picklist', () => {
      mountViews([{ current: 'Negotiation/Review', selected: 'Closed' }], shadow);
      const reason = lwc('div', combobox('Loss Reason', 'Price'), shadow);
      const modal = mountAuraModal([reason, stageWidget('Closed Won', shadow)], '<button class="slds-button">Cancel</button><button class="slds-button slds-button_brand">Done</button>');
      const done = find(modal, 'button.slds-button_brand');
      expect(commitOf(done)).toBe('Closed Won');
      expect(commitOf(done, key('Enter'))).toBe('Closed Won');
      expect(commitOf(find(modal, 'button.slds-button:not(.slds-button_brand)'))).toBeUndefined();
    });

    it('Done elsewhere, or in a modal without a Stage field, is not a stage change', () => {
      mountViews([{ current: 'Negotiation/Review' }], shadow);
      const modal = mountAuraModal([lwc('div', combobox('Loss Reason', 'Price'), shadow)], '<button>Done</button>');
      expect(commitOf(find(modal, 'button'))).toBeUndefined();
      const outside = document.body.appendChild(document.createElement('button'));
      outside.textContent = 'Done';
      expect(commitOf(outside)).toBeUndefined();
    });

    it.each([
      ['in English', 'Stage'],
      ['translated', 'Phase'],
    ])('SaveEdit of the record’s Edit modal commits the Stage widget’s value, its label %s', (_label, label) => {
      mountViews([{ current: 'Negotiation/Review' }], shadow);
      const saveEdit = '<button name="CancelEdit">Cancel</button><button name="SaveEdit">Save</button>';
      const changed = mountAuraModal([recordForm(shadow, stageWidget('Closed Won', shadow, label))], saveEdit);
      expect(commitOf(find(changed, 'button[name="SaveEdit"]'))).toBe('Closed Won');
      expect(commitOf(find(changed, 'button[name="SaveEdit"]'), key('Enter'))).toBe('Closed Won');
      expect(commitOf(find(changed, 'button[name="CancelEdit"]'))).toBeUndefined();
      document.querySelector('.uiContainerManager')?.remove();
      const unchanged = mountAuraModal([recordForm(shadow, stageWidget('Negotiation/Review', shadow, label))], saveEdit);
      expect(commitOf(find(unchanged, 'button[name="SaveEdit"]'))).toBeUndefined();
    });

    it('finds the Stage combobox of older orgs, labelled "Stage, <value>" or an input', () => {
      mountViews([{ current: 'Prospecting' }], shadow);
      const older = mountAuraModal([recordForm(shadow, lwc('div', combobox('Stage, Closed Won', 'Closed Won'), shadow))], '<button name="SaveEdit">Save</button>');
      expect(commitOf(find(older, 'button[name="SaveEdit"]'))).toBe('Closed Won');
      document.querySelector('.uiContainerManager')?.remove();
      const input = lwc('sfa-input-stage-name', '<lightning-combobox><input role="combobox" class="slds-input" readonly></lightning-combobox>', shadow);
      (queryDeep(input.shadowRoot ?? input, 'input') as HTMLInputElement).value = 'Closed Won';
      const oldest = mountAuraModal([recordForm(shadow, input)], '<button name="SaveEdit">Save</button>');
      expect(commitOf(find(oldest, 'button[name="SaveEdit"]'))).toBe('Closed Won');
    });

    it('without a Path to compare with, the Stage held counts as a move (fails closed)', () => {
      mountViews([{ current: 'Closed Won', path: false }], shadow);
      const modal = mountAuraModal([recordForm(shadow, stageWidget('Closed Won', shadow))], '<button name="SaveEdit">Save</button>');
      expect(commitOf(find(modal, 'button[name="SaveEdit"]'))).toBe('Closed Won');
    });

    it('Enter in a single-line field submits the Edit modal like SaveEdit; not in a textarea, not when unchanged', () => {
      mountViews([{ current: 'Qualification' }], shadow);
      const form = recordForm(shadow, stageWidget('Closed Won', shadow));
      form.append(document.createElement('textarea'));
      const modal = mountAuraModal([form], '<button name="SaveEdit">Save</button>');
      expect(commitOf(find(modal, 'input[name="NextStep"]'), key('Enter'))).toBe('Closed Won');
      expect(commitOf(find(modal, 'input[name="NextStep"]'), key('a'))).toBeUndefined();
      expect(commitOf(find(modal, 'textarea'), key('Enter'))).toBeUndefined();
      document.querySelector('.uiContainerManager')?.remove();
      const same = mountAuraModal([recordForm(shadow, stageWidget('Qualification', shadow))], '');
      expect(commitOf(find(same, 'input[name="NextStep"]'), key('Enter'))).toBeUndefined();
    });
  });

  describe('inline edit of Stage', () => {
    it('SaveEdit commits the stage chosen in the combobox', () => {
      const view = mountViews([{ current: 'Qualification', draft: 'Closed Won' }], shadow);
      expect(commitOf(find(view, 'button[name="SaveEdit"]'))).toBe('Closed Won');
    });

    it('SaveEdit with the stage unchanged commits nothing', () => {
      const view = mountViews([{ current: 'Qualification', draft: 'Qualification' }], shadow);
      expect(commitOf(find(view, 'button[name="SaveEdit"]'))).toBeUndefined();
    });

    it('CancelEdit commits nothing', () => {
      const view = mountViews([{ current: 'Qualification', draft: 'Closed Won' }], shadow);
      expect(commitOf(find(view, 'button[name="CancelEdit"]'))).toBeUndefined();
    });

    it('finds a translated Stage field by its widget', () => {
      const view = mountViews([{ current: 'Qualification', stageField: false }], shadow);
      view.append(lwc('records-lwc-detail-panel', '<button name="SaveEdit">Save</button>', shadow, stageWidget('Closed Won', shadow, 'Phase')));
      expect(commitOf(find(view, 'button[name="SaveEdit"]'))).toBe('Closed Won');
    });

    it('Enter in a single-line field of the active view submits the inline edit; the global search does not', () => {
      const view = mountViews([{ current: 'Qualification', draft: 'Closed Won' }], shadow);
      view.append(lwc('records-lwc-detail-panel', '<input name="NextStep">', shadow));
      expect(commitOf(find(view, 'input[name="NextStep"]'), key('Enter'))).toBe('Closed Won');
      const search = document.body.insertBefore(document.createElement('input'), document.body.firstChild);
      expect(commitOf(search, key('Enter'))).toBeUndefined();
    });

    it('reads the active view, not a cached view of another opportunity', () => {
      const cached = { current: 'Prospecting', draft: 'Closed Won', active: false };
      const unchanged = mountViews([cached, { current: 'Qualification', draft: 'Qualification' }], shadow);
      expect(commitOf(find(unchanged, 'button[name="SaveEdit"]'))).toBeUndefined();
      const changed = mountViews([{ ...cached, draft: 'Prospecting' }, { current: 'Qualification', draft: 'Closed Lost' }], shadow);
      expect(commitOf(find(changed, 'button[name="SaveEdit"]'))).toBe('Closed Lost');
    });
  });

  describe('hasStageControl', () => {
    it('is true with the Path or the Stage field in the active view', () => {
      mountViews([{ current: 'Qualification' }], shadow);
      expect(Boolean(salesforce.stageControl(document))).toBe(true);
      mountViews([{ current: 'Qualification', path: false }], shadow);
      expect(Boolean(salesforce.stageControl(document))).toBe(true);
      mountViews([{ current: 'Qualification', stageField: false }], shadow);
      expect(Boolean(salesforce.stageControl(document))).toBe(true);
    });

    it('is false when only a cached view has them', () => {
      mountViews([{ current: 'Qualification', active: false }, { current: 'Qualification', path: false, stageField: false }], shadow);
      expect(Boolean(salesforce.stageControl(document))).toBe(false);
    });
  });
});
