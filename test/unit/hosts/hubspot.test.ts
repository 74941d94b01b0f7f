import { afterEach, describe, expect, it } from 'vitest';
import { find, stageCommitted } from './events';
import type { MenuTracker } from '../../../lib/hosts/adapter';
import { dealFromUrl, dealIdFromUrl, hubspot } from '../../../lib/hosts/hubspot';

// URL shapes from /work/shared/host-apps.md (HubSpot).

describe('HubSpot deal records', () => {
  it.each([
    ['https://app.hubspot.com/contacts/123456/record/0-3/9876543210', '9876543210'],
    ['https://app-eu1.hubspot.com/contacts/25000111/record/0-3/1001', '1001'],
    ['https://app-na2.hubspot.com/contacts/25000111/record/0-3/1001', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001/', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001?tab=activity', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001#notes', '1001'],
    // Sub-views of the record (a tab, a saved view) still show the same deal.
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001/view/1', '1001'],
    ['https://APP.HubSpot.com/contacts/123456/record/0-3/1001', '1001'],
    // Legacy deal URL.
    ['https://app.hubspot.com/contacts/123456/deal/1001/', '1001'],
    ['https://app-eu1.hubspot.com/contacts/123456/deal/1001', '1001'],
  ])('%s is deal %s', (url, dealId) => {
    expect(dealIdFromUrl(new URL(url))).toBe(dealId);
    expect(dealFromUrl(new URL(url))).toEqual({ host: 'hubspot', objectType: 'deal', recordId: dealId });
  });
});

describe('HubSpot pages that are not a deal record', () => {
  it.each([
    ['a contact', 'https://app.hubspot.com/contacts/123456/record/0-1/1001'],
    ['a company', 'https://app.hubspot.com/contacts/123456/record/0-2/1001'],
    ['a ticket', 'https://app.hubspot.com/contacts/123456/record/0-5/1001'],
    ['a custom object', 'https://app.hubspot.com/contacts/123456/record/2-123/1001'],
    ['the deal board', 'https://app.hubspot.com/contacts/1/objects/0-3/views/all/board'],
    ['the deal list', 'https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list?pipeline=default'],
    ['settings', 'https://app.hubspot.com/settings/123456/objects/deals'],
    ['reports', 'https://app.hubspot.com/reports-dashboard/123456/view/1001'],
    ['a deal id that is not a number', 'https://app.hubspot.com/contacts/123456/record/0-3/new'],
    ['a record path one level down', 'https://app.hubspot.com/x/contacts/123456/record/0-3/1001'],
    ['a deal id in the query only', 'https://app.hubspot.com/contacts/123456?record=0-3/1001'],
  ])('%s', (_page, url) => {
    expect(dealFromUrl(new URL(url))).toBeUndefined();
  });

  it.each([
    'https://evil-hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.hubspot.com.evil.com/contacts/123456/record/0-3/1001',
    'https://hubspot.com/contacts/123456/record/0-3/1001',
    'https://www.hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.evilhubspot.com/contacts/123456/record/0-3/1001',
    'https://evil.com/https://app.hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.hubspot.com@evil.com/contacts/123456/record/0-3/1001',
  ])('another host: %s', (url) => {
    expect(dealFromUrl(new URL(url))).toBeUndefined();
  });
});

/**
 * The highlight card's stage item (pipeline button, then the stage button), the "About this
 * deal" stage button, and an open popover portalled to the end of the body.
 */
function mountDealWithPopover(options: string[]): void {
  const i18n = (text: string) => `<i18n-string data-key="x">${text}</i18n-string>`;
  document.body.innerHTML = `
    <div data-card-type="OBJECT_HIGHLIGHT"><div data-test-id="highlight-property-item-dealstage">
      <span>Stage:</span>
      <button id="pipeline-button" aria-haspopup="listbox">${i18n('Sales Pipeline')}</button>
      <button id="stage-button" aria-haspopup="listbox">${i18n('Contract sent')}</button>
    </div></div>
    <div><button data-selenium-test="property-input-dealstage" aria-haspopup="listbox">${i18n('Contract sent')}</button></div>
    <button id="actions-button" aria-haspopup="menu">Actions</button>
    <div class="popover"><div role="listbox" tabindex="0" aria-activedescendant="option-1">${options
      .map((label, i) => `<div role="option" id="option-${i}" data-option-text="true" aria-selected="false">${i18n(label)}</div>`)
      .join('')}</div></div>`;
}

/** The menu as the guard remembers it: opened by the control the user clicked last. */
const openedBy = (selector: string): MenuTracker => ({ openedBy: find(selector) });

const commitOf = (target: Element, menu: MenuTracker, event?: Event) => stageCommitted(hubspot, target, event, { menu });

const STAGE_OPTIONS = ['Contract sent', 'Closed won', 'Closed lost'];

describe('HubSpot stage commits', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['the highlight card', '#stage-button'],
    ['"About this deal"', '[data-selenium-test="property-input-dealstage"]'],
  ])('an option of the stage menu opened from %s commits its label', (_control, trigger) => {
    mountDealWithPopover(STAGE_OPTIONS);
    expect(commitOf(find('#option-1'), openedBy(trigger))).toBe('Closed won');
    expect(commitOf(find('#option-2 i18n-string'), openedBy(trigger))).toBe('Closed lost');
  });

  it('Enter or Space on the listbox commits the active option; arrows do not', () => {
    mountDealWithPopover(STAGE_OPTIONS);
    const listbox = find('[role="listbox"]');
    const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true });
    expect(commitOf(listbox, openedBy('#stage-button'), key('Enter'))).toBe('Closed won');
    expect(commitOf(listbox, openedBy('#stage-button'), key(' '))).toBe('Closed won');
    expect(commitOf(listbox, openedBy('#stage-button'), key('ArrowDown'))).toBeUndefined();
  });

  it('options of a menu the stage control did not open commit nothing', () => {
    mountDealWithPopover(STAGE_OPTIONS);
    expect(commitOf(find('#option-1'), openedBy('#actions-button'))).toBeUndefined();
    expect(commitOf(find('#option-1'), { openedBy: undefined })).toBeUndefined();
  });

  it('counts an option of a stage menu opened without a click (keyboard, script) while the stage control is expanded', () => {
    mountDealWithPopover(STAGE_OPTIONS);
    find('#stage-button').setAttribute('aria-expanded', 'true');
    expect(commitOf(find('#option-1'), { openedBy: undefined })).toBe('Closed won');
    find('#stage-button').setAttribute('aria-expanded', 'false');
    expect(commitOf(find('#option-1'), { openedBy: undefined })).toBeUndefined();
  });

  it('opening the stage menu commits nothing', () => {
    mountDealWithPopover(STAGE_OPTIONS);
    expect(commitOf(find('#stage-button'), openedBy('#stage-button'))).toBeUndefined();
  });

  // The pipeline button sits inside the same highlight-property-item-dealstage item as the
  // stage button (host-apps.md): its popover must not be taken for the stage menu.
  it('options of the pipeline popover, opened beside the stage button, commit nothing', () => {
    mountDealWithPopover(['Sales Pipeline', 'Onboarding Pipeline']);
    expect(commitOf(find('#option-1'), openedBy('#pipeline-button'))).toBeUndefined();
  });
});

describe('HubSpot hasStageControl', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is true with the highlight card stage item or the "About this deal" stage button', () => {
    mountDealWithPopover(STAGE_OPTIONS);
    expect(Boolean(hubspot.stageControl(document))).toBe(true);
    document.body.innerHTML = '<button data-selenium-test="property-input-dealstage">Contract sent</button>';
    expect(Boolean(hubspot.stageControl(document))).toBe(true);
  });

  it('is false without a stage button', () => {
    document.body.innerHTML = `<div data-test-id="highlight-property-item-dealstage"><span>Stage: Contract sent</span></div>
      <div data-selenium-test="property-input-dealstage">Contract sent</div>`;
    expect(Boolean(hubspot.stageControl(document))).toBe(false);
  });
});

describe('HubSpot deal title', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['the current UI', '<h1 data-test-id="highlight-record-label"><span>Acme Corp</span></h1>'],
    ['the older UI', '<h1 data-selenium-test="highlightTitle">Acme Corp</h1>'],
    ['both, the current one first', '<h1 data-selenium-test="highlightTitle">Stale</h1><h1 data-test-id="highlight-record-label">Acme Corp</h1>'],
  ])('is read from %s', (_ui, markup) => {
    document.body.innerHTML = markup;
    expect(hubspot.recordTitle(document)).toBe('Acme Corp');
  });
});

// Boards and lists in both generations (host-apps.md, "HubSpot (deals)" and "Corrections").
const listing = hubspot.listing!;
const items = () => [...document.querySelectorAll(listing.itemSelector)];

const OLDER_CARD = `<div data-test-id="cdb-column-item" data-rbd-draggable-id="1001">
  <div data-test-id="cdb-card" data-selenium-id="1001">
    <a data-test-id="board-card-section-title-link" href="/contacts/4455/record/0-3/1001">Acme</a><div>Amount: $1</div>
  </div></div>`;
const NEWER_CARD = `<div data-test-id="cdb-column-item" data-selenium-id="1002" data-rbd-draggable-id="1002">
  <div data-test-id="cdbc-card">
    <div data-test-id="cdbc-title"><span><span>Globex</span></span></div>
    <div data-test-id="cdbc-property-0"><span data-test-id="cdbc-property-label">Amount</span><span data-test-id="cdbc-property-value">$1</span></div>
  </div></div>`;
const NEWER_ROW = `<table><tbody><tr data-test-id="row-6602561637">
  <td><input type="checkbox"></td>
  <td data-column-index="0" data-table-external-id="cell-0-2-dealname-6602561637"><a href="/contacts/1/record/0-3/6602561637">Acme</a></td>
  <td data-column-index="3" data-table-external-id="cell-0-5-hs_pipeline_stage-6602561637"><button>Edit</button>Contract sent</td>
</tr></tbody></table>`;
const OLDER_ROW = `<table><tbody><tr role="row">
  <td data-column-index="0" data-table-external-id="name-1003"><a href="/contacts/1/record/0-3/1003">Initech</a></td>
</tr></tbody></table>`;

describe('HubSpot board cards and list rows', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds one item per card in either generation, with its deal and the drag guard’s deal', () => {
    document.body.innerHTML = OLDER_CARD + NEWER_CARD;
    expect(items().map((item) => listing.itemRecordId(item))).toEqual(['1001', '1002']);
    const draggables = [...document.querySelectorAll(listing.board!.draggable)];
    expect(draggables.map((element) => listing.board!.draggedRecordId(element))).toEqual(['1001', '1002']);
  });

  it('badges a card beside its title: the older card, or the newer cdbc-card', () => {
    document.body.innerHTML = OLDER_CARD + NEWER_CARD;
    const [older, newer] = items();
    expect(listing.badgeSlot(older!).getAttribute('data-test-id')).toBe('cdb-card');
    expect(listing.badgeSlot(newer!).getAttribute('data-test-id')).toBe('cdbc-card');
  });

  it('names a card by its title, not by all its text; a row has none of its own (its link names it)', () => {
    document.body.innerHTML = OLDER_CARD + NEWER_CARD + NEWER_ROW;
    expect(items().map((item) => listing.itemTitle?.(item))).toEqual(['Acme', 'Globex', undefined]);
  });

  it('reads a newer card’s deal from a link to the record when the wrapper names none', () => {
    document.body.innerHTML = `<div data-test-id="cdb-column-item"><div data-test-id="cdbc-card">
      <a href="/contacts/4455/record/0-3/1007?tab=x"><span data-test-id="cdbc-title">Wayne</span></a></div></div>
      <div data-test-id="cdb-column-item" data-selenium-id="not-a-deal"><a href="/contacts/4455/record/0-3/1008">Tyrell</a></div>`;
    expect(items().map((item) => listing.itemRecordId(item))).toEqual(['1007', '1008']);
  });

  it('finds no deal in a card that names none: nothing is badged for a guess', () => {
    document.body.innerHTML = '<div data-test-id="cdb-column-item"><div data-test-id="cdbc-card">Untitled</div></div>';
    expect(listing.itemRecordId(items()[0]!)).toBeUndefined();
  });

  it('finds one item per row in either generation and badges it in the name cell', () => {
    document.body.innerHTML = NEWER_ROW + OLDER_ROW;
    const found = items();
    expect(found.map((item) => listing.itemRecordId(item))).toEqual(['6602561637', '1003']);
    expect(found.map((item) => listing.badgeSlot(item).getAttribute('data-table-external-id'))).toEqual(['cell-0-2-dealname-6602561637', 'name-1003']);
  });

  it('takes a row as the item, not its older-style name cell, when a row carries both', () => {
    document.body.innerHTML = '<table><tbody><tr data-test-id="row-1003"><td data-table-external-id="name-1003">Initech</td></tr></tbody></table>';
    expect(items().map((item) => item.localName)).toEqual(['tr']);
    expect(listing.badgeSlot(items()[0]!).getAttribute('data-table-external-id')).toBe('name-1003');
  });

  it('reads a row’s deal from the trailing digits of its cells when the row names none', () => {
    document.body.innerHTML = NEWER_ROW.replace('data-test-id="row-6602561637"', 'data-test-id="row-x"');
    expect(listing.itemRecordId(items()[0]!)).toBe('6602561637');
  });

  it('knows a row’s stage cell, by either stage property, and its deal', () => {
    document.body.innerHTML = NEWER_ROW + NEWER_ROW.replaceAll('6602561637', '42').replace('hs_pipeline_stage', 'dealstage');
    const cells = [...document.querySelectorAll(listing.stageCell!.cell)];
    expect(cells.map((cell) => listing.stageCell!.recordId(cell))).toEqual(['6602561637', '42']);
    expect(cells[0]!.querySelector(listing.stageCell!.opener)?.textContent).toBe('Edit');
  });
});
