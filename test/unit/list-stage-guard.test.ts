import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lifetime } from '../../components/page/lifetime';
import { guardListStages } from '../../components/page/board/list-stage-guard';
import type { RefusedMove } from '../../components/page/board/drag-support';
import { gateDecision, type ChecklistStatus } from '../../lib/gate';
import { hubspotListing } from '../../lib/hosts/hubspot';
import { click, find, key } from './hosts/events';

// A HubSpot list row's inline stage edit (host-apps.md, "Corrections"): options commit on click.

const INCOMPLETE: ChecklistStatus[] = [
  { templateId: 't', templateName: 'Sales → Onboarding', gateStages: 'closed won', required: 2, filled: 1, missing: [{ fieldId: 'owner', label: 'Next owner' }] },
];
const COMPLETE: ChecklistStatus[] = [{ ...INCOMPLETE[0]!, filled: 2, missing: [] }];

/** Rows of two deals, and the stage menu portalled to the end of the body, as HubSpot draws it. */
function mountList(): void {
  const row = (id: string) => `<tr data-test-id="row-${id}">
    <td data-column-index="0" data-table-external-id="cell-0-2-dealname-${id}">Deal ${id}</td>
    <td data-column-index="3" data-table-external-id="cell-0-5-hs_pipeline_stage-${id}"><span>Contract sent</span><button id="edit-${id}">Edit</button></td>
  </tr>`;
  document.body.innerHTML = `<table><tbody>${row('1001')}${row('1002')}</tbody></table>
    <button id="filter" aria-haspopup="listbox">Filter</button>
    <div role="listbox" aria-activedescendant="won" tabindex="0">
      <div role="option" id="sent" aria-selected="true"><i18n-string>Contract sent</i18n-string></div>
      <div role="option" id="won" aria-selected="false"><i18n-string>Closed won</i18n-string></div>
      <div role="option" id="lost" aria-selected="false"><i18n-string>Closed lost</i18n-string></div>
    </div>`;
}

describe('the list stage guard', () => {
  const checklists = new Map<string, ChecklistStatus[]>();
  const refused: RefusedMove[] = [];
  const reached: string[] = [];
  const decide = vi.fn((recordId: string, stage: string) => gateDecision(checklists.get(recordId), stage));
  const letThrough = vi.fn();
  let leaving: AbortController;
  const hostSees = (event: Event) => reached.push(`${event.type}:${(event.target as Element).id}`);

  beforeEach(() => {
    mountList();
    leaving = new AbortController();
    const lifetime = { isInvalid: false, addEventListener: (target: EventTarget, type: string, handler: EventListener, options: AddEventListenerOptions) => target.addEventListener(type, handler, options) };
    guardListStages(lifetime as unknown as Lifetime, { stageCell: hubspotListing.stageCell!, signal: leaving.signal, decide, onRefused: (move) => refused.push(move), onLetThrough: letThrough });
    // The host listens at its root, in the bubble phase (React).
    document.body.addEventListener('click', hostSees);
    document.body.addEventListener('keydown', hostSees);
  });
  afterEach(() => {
    leaving.abort();
    document.body.removeEventListener('click', hostSees);
    document.body.removeEventListener('keydown', hostSees);
    checklists.clear();
    refused.length = 0;
    reached.length = 0;
    decide.mockClear();
    letThrough.mockClear();
  });

  it('holds back Closed won for an incomplete deal: the page never sees the click, the dialog is asked for once', () => {
    checklists.set('1002', INCOMPLETE);
    find('#edit-1002').dispatchEvent(click());
    for (const type of ['pointerdown', 'mousedown', 'mouseup']) find('#won').dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
    find('#won').dispatchEvent(click());
    expect(reached).toEqual(['click:edit-1002']);
    expect(refused.map(({ recordId, stage, decision }) => ({ recordId, stage, kind: decision.kind }))).toEqual([{ recordId: '1002', stage: 'Closed won', kind: 'block' }]);
  });

  it('holds back Enter on the active option, the keyboard’s way to pick it', () => {
    checklists.set('1001', INCOMPLETE);
    find('#edit-1001').dispatchEvent(click());
    find('[role="listbox"]').dispatchEvent(key('Enter'));
    expect(reached).toEqual(['click:edit-1001']);
    expect(refused).toHaveLength(1);
  });

  it('fails closed while the deal’s checklist is unknown, whatever the stage', () => {
    find('#edit-1001').dispatchEvent(click());
    find('#lost').dispatchEvent(click());
    expect(refused.map((move) => move.decision)).toEqual([{ kind: 'block', stage: 'Closed lost', reason: 'unknown' }]);
  });

  it('lets a complete deal, or a stage that is not gated, through untouched', () => {
    checklists.set('1001', COMPLETE);
    checklists.set('1002', INCOMPLETE);
    find('#edit-1001').dispatchEvent(click());
    find('#won').dispatchEvent(click());
    find('#edit-1002').dispatchEvent(click());
    find('#lost').dispatchEvent(click());
    expect(reached).toEqual(['click:edit-1001', 'click:won', 'click:edit-1002', 'click:lost']);
    expect(refused).toEqual([]);
  });

  it('judges the deal whose cell opened the menu, not the one clicked before', () => {
    checklists.set('1001', COMPLETE);
    checklists.set('1002', INCOMPLETE);
    find('#edit-1001').dispatchEvent(click());
    find('#edit-1002').dispatchEvent(click());
    find('#won').dispatchEvent(click());
    expect(refused.map((move) => move.recordId)).toEqual(['1002']);
  });

  it('remembers the cell a press began in, when the host redraws it before the click lands', () => {
    checklists.set('1002', INCOMPLETE);
    find('#edit-1002').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, detail: 1 }));
    // The cell became an editor under the pointer: the click lands on the row.
    find('tr[data-test-id="row-1002"]').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    find('#won').dispatchEvent(click());
    expect(refused.map((move) => move.recordId)).toEqual(['1002']);
  });

  it('forgets the cell once the keyboard opens another menu', () => {
    checklists.set('1002', INCOMPLETE);
    find('#edit-1002').dispatchEvent(click());
    find('#filter').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 })); // Enter on the button
    find('#won').dispatchEvent(click());
    expect(refused).toEqual([]);
  });

  it('counts a menu opened without a click Baton saw, while the cell says it is expanded', () => {
    checklists.set('1002', INCOMPLETE);
    find('#edit-1002').setAttribute('aria-expanded', 'true');
    find('#won').dispatchEvent(click());
    expect(refused.map((move) => move.recordId)).toEqual(['1002']);
  });

  it('leaves other menus alone, and the stage the deal already has', () => {
    checklists.set('1002', INCOMPLETE);
    find('#filter').dispatchEvent(click());
    find('#won').dispatchEvent(click());
    find('#edit-1002').dispatchEvent(click());
    find('#sent').dispatchEvent(click());
    expect(refused).toEqual([]);
    expect(decide).not.toHaveBeenCalled();
  });

  it('makes the held-back move once the checklist is complete: opens the cell’s menu and picks the stage', async () => {
    checklists.set('1002', INCOMPLETE);
    find('#edit-1002').dispatchEvent(click());
    find('#won').dispatchEvent(click());
    checklists.set('1002', COMPLETE);
    reached.length = 0;
    await refused[0]!.redo();
    expect(reached).toEqual(['click:edit-1002', 'click:won']);
    // Reported by the board once the redo is made (listing-page.ts), not a second time here.
    expect(letThrough).not.toHaveBeenCalled();
  });

  it('stops guarding when the user leaves the list', () => {
    checklists.set('1002', INCOMPLETE);
    leaving.abort();
    find('#edit-1002').dispatchEvent(click());
    find('#won').dispatchEvent(click());
    expect(reached).toEqual(['click:edit-1002', 'click:won']);
  });
});
