import { afterEach, describe, expect, it } from 'vitest';
import { find, key, stageCommitted } from './events';
import { dealFromUrl, pipedrive } from '../../../lib/hosts/pipedrive';

// URL shapes and markup from /work/shared/host-apps.md (Pipedrive).

describe('Pipedrive deal records', () => {
  it.each([
    ['https://acme.pipedrive.com/deal/17', '17'],
    ['https://acme.pipedrive.com/deal/17/', '17'],
    ['https://acme.pipedrive.com/deal/17?tab=notes', '17'],
    ['https://acme.pipedrive.com/deal/17#activity', '17'],
    ['https://acme-sales.pipedrive.com/deal/1234567', '1234567'],
    ['https://app.pipedrive.com/deal/17', '17'],
    ['https://ACME.Pipedrive.com/deal/17', '17'],
  ])('%s is deal %s', (url, recordId) => {
    expect(dealFromUrl(new URL(url))).toEqual({ host: 'pipedrive', objectType: 'deal', recordId });
    expect(pipedrive.isRecordUrl(new URL(url))).toBe(true);
  });
});

describe('Pipedrive pages that are not a deal record', () => {
  it.each([
    ['the deal list', 'https://acme.pipedrive.com/deals/list'],
    ['the pipeline board', 'https://acme.pipedrive.com/pipeline/1/user/everyone'],
    ['a person', 'https://acme.pipedrive.com/person/3'],
    ['an organization', 'https://acme.pipedrive.com/organization/5'],
    ['a lead', 'https://acme.pipedrive.com/leads/inbox/2f7a6c1e-1234-11ef-9abc-0242ac120002'],
    ['a deal id that is not a number', 'https://acme.pipedrive.com/deal/new'],
    ['no deal id', 'https://acme.pipedrive.com/deal/'],
    ['a deal path one level down', 'https://acme.pipedrive.com/x/deal/17'],
    ['a deal id in the query only', 'https://acme.pipedrive.com/deals/list?deal=17'],
  ])('%s', (_page, url) => {
    expect(dealFromUrl(new URL(url))).toBeUndefined();
    expect(pipedrive.isRecordUrl(new URL(url))).toBe(false);
  });

  it.each([
    'https://pipedrive.com.evil.com/deal/17',
    'https://acme.pipedrive.com.evil.com/deal/17',
    'https://acmepipedrive.com/deal/17',
    'https://evil.com/deal/17',
    'https://evil.com/https://acme.pipedrive.com/deal/17',
    'https://acme.pipedrive.com@evil.com/deal/17',
  ])('another host: %s', (url) => {
    expect(dealFromUrl(new URL(url))).toBeUndefined();
  });
});

/** The deal page's stage bar (current stage: Contact Made) and its Won/Lost buttons. */
function mountDealPage(): void {
  const stages = ['Qualified', 'Contact Made', 'Proposal Made', 'Negotiations Started'];
  document.body.innerHTML = `
    <h1 data-testid="header-title">Acme renewal</h1>
    <div data-testid="deal-actions"><button data-testid="won-button">Won</button><button data-testid="lost-button">Lost</button></div>
    <div class="cui5-stage-selector" role="tablist">${stages
      .map((stage, i) => `<button class="cui5-stage-selector__stage" aria-label="${stage}" aria-selected="${stage === 'Contact Made'}">
          <span>${i + 1} T · </span><span>${stage}</span></button>`)
      .join('')}</div>`;
}

const commitOf = (target: Element, event?: Event) => stageCommitted(pipedrive, target, event);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Pipedrive stage commits', () => {
  it('a stage button commits its stage name, without the days-in-stage prefix', () => {
    mountDealPage();
    expect(commitOf(find('[aria-label="Proposal Made"]'))).toBe('Proposal Made');
    expect(commitOf(find('[aria-label="Qualified"] span'))).toBe('Qualified');
  });

  it('reads the visible name when the button has no aria-label', () => {
    document.body.innerHTML = '<button class="cui5-stage-selector__stage">3 T · Proposal Made</button>';
    expect(commitOf(find('button'))).toBe('Proposal Made');
  });

  it('the stage the deal is in commits nothing', () => {
    mountDealPage();
    expect(commitOf(find('[aria-label="Contact Made"]'))).toBeUndefined();
  });

  it('Won commits "Won"', () => {
    mountDealPage();
    expect(commitOf(find('[data-testid="won-button"]'))).toBe('Won');
  });

  it('Enter or Space on a focused stage button commits; other keys do not', () => {
    mountDealPage();
    const button = find('[aria-label="Proposal Made"]');
    expect(commitOf(button, key('Enter'))).toBe('Proposal Made');
    expect(commitOf(button, key(' '))).toBe('Proposal Made');
    expect(commitOf(button, key('ArrowRight'))).toBeUndefined();
    expect(commitOf(button, key('a'))).toBeUndefined();
  });

  it('the older cui4 stage bar works the same', () => {
    document.body.innerHTML = '<button class="cui4-stage-selector__stage" aria-label="Proposal Made">Proposal Made</button>';
    expect(commitOf(find('button'))).toBe('Proposal Made');
  });

  it('clicks elsewhere on the deal page commit nothing', () => {
    mountDealPage();
    expect(commitOf(find('[data-testid="header-title"]'))).toBeUndefined();
    expect(commitOf(find('.cui5-stage-selector'))).toBeUndefined();
  });
});

describe('Pipedrive hasStageControl', () => {
  it('is true on a deal page with the stage bar', () => {
    mountDealPage();
    expect(Boolean(pipedrive.stageControl(document))).toBe(true);
  });

  it('is true with only the Won button', () => {
    document.body.innerHTML = '<button data-testid="won-button">Won</button>';
    expect(Boolean(pipedrive.stageControl(document))).toBe(true);
  });

  it('is false without either', () => {
    document.body.innerHTML = '<h1 data-testid="header-title">Acme renewal</h1><button>Lost</button>';
    expect(Boolean(pipedrive.stageControl(document))).toBe(false);
  });
});

describe('Pipedrive deal title', () => {
  afterEach(() => {
    document.title = '';
  });

  it('reads the deal name from document.title, "<deal> - Deals"', () => {
    document.body.innerHTML = '<h1 class="sc-1k2j3h-0 kQmZpR">Acme renewal</h1>';
    document.title = 'Acme - Annual plan - Deals';
    expect(pipedrive.recordTitle(document)).toBe('Acme - Annual plan');
  });

  it('names no deal while the title is not a deal’s', () => {
    document.title = 'Pipedrive';
    expect(pipedrive.recordTitle(document)).toBeUndefined();
    document.title = ' - Deals';
    expect(pipedrive.recordTitle(document)).toBeUndefined();
  });

  it('takes the header title first, where one is drawn (guess)', () => {
    document.body.innerHTML = '<h1 data-testid="header-title">Acme renewal</h1>';
    document.title = 'Pipedrive';
    expect(pipedrive.recordTitle(document)).toBe('Acme renewal');
  });
});
