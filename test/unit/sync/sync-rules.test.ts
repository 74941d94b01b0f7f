import { describe, expect, it } from 'vitest';
import { decideChange } from '../../../lib/sync/decide-change';
import { applyFieldWrite } from '../../../lib/sync/field-merge';
import { nextHandoffState } from '../../../lib/sync/handoff-transitions';
import { may, ROLES } from '../../../lib/sync/roles';
import type { Change } from '../../../lib/sync/schemas';

const handoff = { host: 'hubspot', objectType: 'deal', recordId: '1001', templateId: 'sales-to-onboarding' } as const;
const HOUR = 3_600_000;

function fieldChange(id: string, value: string, baseSeq: number, clientAt: number): Change {
  return { kind: 'field', id, handoff, fieldId: 'goals', value, baseSeq, clientAt };
}

describe('per-field last writer wins by server order', () => {
  it('a write the server accepts later wins, whatever the clocks of the writers say', () => {
    // Ana's laptop runs five hours fast and writes first; Ben's runs five hours slow and writes second.
    const first = decideChange(fieldChange('change-ana-1', 'Ana', 0, Date.now() + 5 * HOUR), { state: 'draft', seq: 1, actor: { email: 'ana@x.test', role: 'member' }, facts: {} });
    if (first.status !== 'applied' || !first.field) throw new Error('first write refused');
    const second = decideChange(fieldChange('change-ben-1', 'Ben', 0, Date.now() - 5 * HOUR), {
      state: 'draft',
      seq: 2,
      actor: { email: 'ben@x.test', role: 'member' }, facts: {},
      field: first.field.next,
    });
    expect(second).toMatchObject({ status: 'applied', field: { next: { value: 'Ben', seq: 2 } } });
  });

  it('keeps the value a conflicting write replaced, flagged as overwritten', () => {
    const outcome = applyFieldWrite({ value: 'Ana', seq: 5, by: 'ana@x.test' }, { value: 'Ben', baseSeq: 3, by: 'ben@x.test' }, 6);
    expect(outcome).toEqual({
      next: { value: 'Ben', seq: 6, by: 'ben@x.test' },
      oldValue: 'Ana',
      overwritten: { value: 'Ana', seq: 5, by: 'ana@x.test' },
    });
  });

  it('an edit of the value its writer saw is no conflict, though the old value is logged', () => {
    const outcome = applyFieldWrite({ value: 'Ana', seq: 5, by: 'ana@x.test' }, { value: 'Ana and Ben', baseSeq: 5, by: 'ben@x.test' }, 6);
    expect(outcome.oldValue).toBe('Ana');
    expect(outcome.overwritten).toBeUndefined();
  });

  it('refuses a sequence that is not after the current one', () => {
    expect(() => applyFieldWrite({ value: 'a', seq: 7, by: 'a@x.test' }, { value: 'b', baseSeq: 7, by: 'b@x.test' }, 7)).toThrow(/not after/);
  });
});

describe('retried pushes', () => {
  it('a change whose id the server already holds is a duplicate and changes nothing', () => {
    const decision = decideChange({ kind: 'briefSent', id: 'brief-0001', handoff, brief: 'text', clientAt: 0 }, { storedSeq: 4, state: 'sent', seq: 9, actor: { email: 'a@x.test', role: 'member' }, facts: {} });
    expect(decision).toEqual({ status: 'duplicate', seq: 4 });
  });
});

describe('handoff state machine', () => {
  it.each([
    ['draft', { kind: 'state', to: 'ready' }, 'ready'],
    ['ready', { kind: 'state', to: 'draft' }, 'draft'],
    ['ready', { kind: 'briefSent' }, 'sent'],
    ['sent', { kind: 'briefSent' }, 'sent'],
    ['sentBack', { kind: 'briefSent' }, 'sent'],
    ['sent', { kind: 'receipt', decision: 'accepted' }, 'accepted'],
    ['sent', { kind: 'receipt', decision: 'sentBack' }, 'sentBack'],
  ] as const)('%s → %j → %s', (from, event, to) => {
    expect(nextHandoffState(from, event)).toEqual({ ok: true, state: to });
  });

  it.each([
    ['draft', { kind: 'briefSent' }, /incomplete/],
    ['draft', { kind: 'receipt', decision: 'accepted' }, /only a sent handoff/],
    ['ready', { kind: 'receipt', decision: 'sentBack' }, /only a sent handoff/],
    ['sentBack', { kind: 'receipt', decision: 'accepted' }, /only a sent handoff/],
    ['sent', { kind: 'state', to: 'draft' }, /cannot go back/],
    ['accepted', { kind: 'briefSent' }, /closed/],
    ['accepted', { kind: 'receipt', decision: 'sentBack' }, /closed/],
  ] as const)('refuses %s → %j', (from, event, reason) => {
    const transition = nextHandoffState(from, event);
    expect(transition.ok).toBe(false);
    expect(!transition.ok && transition.reason).toMatch(reason);
  });

  it('a refused receipt is refused as a change, with the reason', () => {
    const receipt: Change = { kind: 'receipt', id: 'receipt-01', handoff, answer: { decision: 'accepted', at: 0 }, checked: [], clientAt: 0 };
    expect(decideChange(receipt, { state: 'draft', seq: 3, actor: { email: 'a@x.test', role: 'member' }, facts: {} })).toMatchObject({ status: 'refused', reason: expect.stringMatching(/only a sent handoff/) });
  });
});

describe('roles', () => {
  it('members sync, leads also see the team view, admins also manage members and templates', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, (['sync', 'teamView', 'manageMembers', 'manageTemplates'] as const).filter((action) => may(role, action))]));
    expect(table).toEqual({
      member: ['sync'],
      lead: ['sync', 'teamView'],
      admin: ['sync', 'teamView', 'manageMembers', 'manageTemplates'],
    });
  });
});
