import { afterEach, describe, expect, it } from 'vitest';
import { clickup, clickupListing } from '../../../lib/hosts/clickup';
import { hubspot, hubspotListing } from '../../../lib/hosts/hubspot';
import { pipedrive, pipedriveListing } from '../../../lib/hosts/pipedrive';
import { salesforce, salesforceListing } from '../../../lib/hosts/salesforce';

// The safety net's readers: the stage a record page or a card/row shows, whatever put it
// there. Markup from /work/shared/host-apps.md, as in the fixtures.

const draw = (html: string) => {
  document.body.innerHTML = html;
  return document;
};
const item = (selector: string) => document.querySelector(selector)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('currentStage', () => {
  it('HubSpot: the highlight card’s stage button, next to the pipeline button', () => {
    draw(`<div data-test-id="highlight-property-item-dealstage"><span>Stage:</span><button>Sales Pipeline</button>
      <button><i18n-string data-key="x">Closed won</i18n-string><span aria-hidden="true"></span></button></div>`);
    expect(hubspot.currentStage(document)).toBe('Closed won');
  });

  it('HubSpot: the sidebar form where no highlight card is drawn', () => {
    draw(`<button data-selenium-test="property-input-dealstage"> Contract sent </button>`);
    expect(hubspot.currentStage(document)).toBe('Contract sent');
  });

  it('Salesforce: the current Path step of the active view, not of a cached one', () => {
    const path = (stage: string, extra = '') =>
      `<ul class="slds-path__nav"><li class="slds-path__item slds-is-complete"><a class="slds-path__link" title="Prospecting"></a></li>
        <li class="slds-path__item slds-is-current${extra}" data-name="${stage}"><a class="slds-path__link" title="${stage}"></a></li></ul>`;
    draw(`<div class="windowViewMode-maximized" aria-hidden="true">${path('Qualification')}</div>
      <div class="windowViewMode-maximized active">${path('Closed Won', ' slds-is-won')}</div>`);
    expect(salesforce.currentStage(document)).toBe('Closed Won');
  });

  it('Pipedrive: the selected stage’s aria-label, without the days-in-stage prefix; Won once won', () => {
    draw(`<button class="cui5-stage-selector__stage" aria-selected="false" aria-label="Qualified">2 T · Qualified</button>
      <button class="cui5-stage-selector__stage" aria-selected="true" aria-label="Demo Scheduled">0 T · Demo Scheduled</button>`);
    expect(pipedrive.currentStage(document)).toBe('Demo Scheduled');
    document.body.insertAdjacentHTML('afterbegin', '<span data-testid="deal-status-badge" data-status="won">WON</span>');
    expect(pipedrive.currentStage(document)).toBe('Won');
  });

  it('ClickUp: the status badge of the task view, not a list row behind it', () => {
    draw(`<cu-task-row data-id="868a6h2pq"><cu-task-row-status><span>to do</span></cu-task-row-status></cu-task-row>
      <div role="dialog" data-task-id="868a6h2pq"><div data-test="status-button-badge__body">onboarding</div></div>`);
    expect(clickup.currentStage(document)).toBe('onboarding');
  });

  it('is undefined while no stage is drawn', () => {
    draw('<main></main>');
    for (const adapter of [hubspot, salesforce, pipedrive, clickup]) expect(adapter.currentStage(document)).toBeUndefined();
  });
});

describe('itemStage', () => {
  it('HubSpot: a card’s column, a list row’s stage cell without its pipeline', () => {
    draw(`<div data-test-id="cdb-column"><span data-test-id="cdb-column-name"><i18n-string>Closed won</i18n-string></span>
        <div data-test-id="cdb-card" data-selenium-id="1003"></div></div>
      <table><tr data-test-id="row-1001"><td data-table-external-id="name-1001" id="name"></td>
        <td data-table-external-id="dealstage-1001">Contract sent (Sales Pipeline)</td></tr>
      <tr data-test-id="row-7"><td data-table-external-id="cell-0-2-dealname-7" id="newer"></td>
        <td data-table-external-id="cell-0-5-dealstage-7">Closed won (Sales Pipeline)</td></tr></table>`);
    expect(hubspotListing.itemStage(item('[data-selenium-id="1003"]'))).toBe('Closed won');
    expect(hubspotListing.itemStage(item('#name'))).toBe('Contract sent');
    expect(hubspotListing.itemStage(item('#newer'))).toBe('Closed won');
  });

  it('Salesforce: a kanban card’s column title, a datatable row’s Stage cell', () => {
    draw(`<div class="runtime_sales_pipelineboardPipelineViewColumn"><span class="stageHeaderLabel" title="Closed Won">Closed Won (3)</span>
        <div class="0065g00000AbCdEAAZ pipelineViewCard"></div></div>
      <table><tr data-row-key-value="0065g00000XyZaBAAV"><th id="row"></th><td data-label="Stage">Qualification</td></tr></table>`);
    expect(salesforceListing.itemStage(item('.pipelineViewCard'))).toBe('Closed Won');
    expect(salesforceListing.itemStage(item('#row'))).toBe('Qualification');
  });

  it('Pipedrive: a tile’s stage column, a list row’s stage, Won for a won row', () => {
    draw(`<div data-test="stage-3" data-test-stage-index="2"><h2>Demo Scheduled</h2>
        <div data-test="pipeline-deal-tile" data-test-deal-id="17"></div></div>
      <div role="row" id="open"><div role="gridcell" data-field="stage_id">Qualified</div><div role="gridcell" data-field="status">open</div></div>
      <div role="row" id="won"><div role="gridcell" data-field="stage_id">Qualified</div><div role="gridcell" data-field="status">won</div></div>`);
    expect(pipedriveListing.itemStage(item('[data-test-deal-id="17"]'))).toBe('Demo Scheduled');
    expect(pipedriveListing.itemStage(item('#open'))).toBe('Qualified');
    expect(pipedriveListing.itemStage(item('#won'))).toBe('Won');
  });

  it('ClickUp: a card’s status column, a list row’s status cell', () => {
    draw(`<div class="cdk-drop-list" data-status="onboarding"><div class="cdk-drag" id="card"><a href="/t/868a6h2pq">Globex</a></div></div>
      <cu-task-row data-id="868a6gkvn" id="row"><cu-task-row-status><span>sales handoff</span></cu-task-row-status></cu-task-row>`);
    expect(clickupListing.itemStage(item('#card'))).toBe('onboarding');
    expect(clickupListing.itemStage(item('#row'))).toBe('sales handoff');
  });
});
