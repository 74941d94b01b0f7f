import { describe, expect, it } from 'vitest';
import { badgeView } from '../../components/page/board/badge-view';
import { checklistStatus } from '../../lib/checklist-status';
import type { ChecklistStatus } from '../../lib/gate';
import { handoffState } from '../../lib/handoff-state';
import type { RecordStatus } from '../../lib/message-schemas';
import { packStatuses, unpackStatuses } from '../../lib/status-batch';
import type { StoredHandoff } from '../../lib/stored';
import { toolbarBadge } from '../../components/page/toolbar-badge';
import { toolbarTitle } from '../../entrypoints/background/toolbar';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

// What boards, lists, the toolbar and the handoffs page say of records, from their statuses.

const checklists = (values: Record<string, string>): ChecklistStatus[] => [checklistStatus({ template: salesToOnboarding(), values }, dealRef())];
const status = (recordId: string, values: Record<string, string>, started = Object.keys(values).length > 0): RecordStatus => ({
  ref: dealRef(recordId),
  started,
  asOf: 1,
  checklists: checklists(values),
});

describe('card and row badges', () => {
  it('say "Ready" with a check mark state when every required field is filled', () => {
    expect(badgeView(status('1', completeSalesValues()))).toMatchObject({ state: 'complete', text: 'Ready', label: 'Handoff checklist complete' });
  });

  it('say "N of M" and list what is missing in the tooltip', () => {
    const view = badgeView(status('1', { clientGoals: 'Grow', decisionMaker: 'Rita' }));
    expect(view).toMatchObject({ state: 'partial', text: '2 of 6', label: 'Handoff checklist: 2 of 6 required filled' });
    expect(view.tooltip).toBe('Missing: Scope and deliverables, Promised timeline, Objections and risks, Next owner');
  });

  it('tell a record nobody has started from one that is partly filled', () => {
    expect(badgeView(status('1', {}, false))).toMatchObject({ state: 'not-started', text: 'Not started' });
  });

  it('show nothing for a record no template applies to, and "loading" before the status arrives', () => {
    expect(badgeView({ started: false, checklists: [] }).text).toBe('');
    expect(badgeView(undefined).state).toBe('loading');
  });
});

describe('the toolbar icon', () => {
  it('shows a record’s filled/required', () => {
    expect(toolbarBadge([{ status: status('1', { clientGoals: 'Grow' }) }], false)).toMatchObject({ text: '1/6', complete: false });
  });

  it('counts a board’s records that are not ready, and says nothing when all are', () => {
    const records = [status('1', {}), status('2', completeSalesValues()), status('3', { scope: 'x' })].map((each) => ({ status: each }));
    const badge = toolbarBadge(records, true);
    expect(badge).toMatchObject({ text: '2', summary: { kind: 'listing', open: 2 } });
    expect(toolbarTitle(badge.summary)).toBe('Baton: 2 records on this page not ready to hand off');
    expect(toolbarBadge([{ status: status('2', completeSalesValues()) }], true)).toMatchObject({ text: '', complete: true });
  });
});

describe('a board’s statuses in one batch', () => {
  it('send each distinct checklist set once and give every record back its own', () => {
    const statuses = [status('1', {}, false), status('2', {}, false), status('3', completeSalesValues()), status('4', {}, false)];
    const batch = packStatuses(statuses);
    expect(batch.checklistSets).toHaveLength(2);
    expect(batch.records.map((record) => record.set)).toEqual([0, 0, 1, 0]);
    expect(unpackStatuses(batch)).toEqual(statuses);
  });
});

describe('handoff states', () => {
  const handoff = (change: Partial<StoredHandoff>): StoredHandoff => ({
    ...dealRef(),
    templateId: 'sales-to-onboarding',
    templateVersion: 1,
    values: {},
    typedAt: {},
    createdAt: 1,
    updatedAt: 1,
    ...change,
  });

  it('go draft, ready, sent, then the next owner’s answer', () => {
    const template = salesToOnboarding();
    expect(handoffState(handoff({ values: { clientGoals: 'x' } }), template)).toBe('draft');
    expect(handoffState(handoff({ values: completeSalesValues() }), template)).toBe('ready');
    expect(handoffState(handoff({ values: completeSalesValues(), sentAt: 5 }), template)).toBe('sent');
    expect(handoffState(handoff({ sentAt: 5, answer: { decision: 'accepted', at: 6 } }), template)).toBe('accepted');
    expect(handoffState(handoff({ sentAt: 5, answer: { decision: 'sentBack', at: 6, reason: 'No date' } }), template)).toBe('sentBack');
  });

  it('count as draft when the template is not installed', () => {
    expect(handoffState(handoff({ values: completeSalesValues() }), undefined)).toBe('draft');
  });
});
