import { describe, expect, it } from 'vitest';
import { PullQuerySchema, PushedChangeSchema, PushRequestSchema, SyncedChangeSchema } from '../../../lib/sync/schemas';

const handoff = { host: 'hubspot', objectType: 'deal', recordId: '1001', templateId: 'sales-to-onboarding' };

describe('push and pull requests', () => {
  it('accepts each kind of change', () => {
    const changes = [
      { kind: 'field', id: 'c-000001', handoff, fieldId: 'goals', value: 'Grow', baseSeq: 0, clientAt: 1 },
      { kind: 'state', id: 'c-000002', handoff, to: 'ready', clientAt: 1 },
      { kind: 'briefSent', id: 'c-000003', handoff, brief: 'Handoff', clientAt: 1 },
      { kind: 'receipt', id: 'c-000004', handoff, answer: { decision: 'sentBack', reason: 'No owner', at: 1 }, checked: [], clientAt: 1 },
      { kind: 'templateChoice', id: 'c-000005', ref: { host: 'hubspot', objectType: 'deal', recordId: '1001' }, templateId: 'sales-to-onboarding', clientAt: 1 },
      { kind: 'move', id: 'c-000006', ref: { host: 'hubspot', objectType: 'deal', recordId: '1001' }, stage: 'Closed won', outcome: 'blocked', clientAt: 1 },
    ];
    expect(PushRequestSchema.safeParse({ changes }).success).toBe(true);
  });

  it.each([
    ['no changes', { changes: [] }],
    ['the same id twice', { changes: [0, 1].map(() => ({ kind: 'state', id: 'same-id-1', handoff, to: 'ready', clientAt: 1 })) }],
    ['a send-back without a reason', { changes: [{ kind: 'receipt', id: 'c-000004', handoff, answer: { decision: 'sentBack', at: 1 }, checked: [], clientAt: 1 }] }],
    ['a record id with a slash', { changes: [{ kind: 'state', id: 'c-000002', handoff: { ...handoff, recordId: '1/2' }, to: 'ready', clientAt: 1 }] }],
    ['an unknown kind', { changes: [{ kind: 'delete', id: 'c-000002', handoff, clientAt: 1 }] }],
    ['a value past the hard limit', { changes: [{ kind: 'field', id: 'c-000001', handoff, fieldId: 'goals', value: 'x'.repeat(50_001), baseSeq: 0, clientAt: 1 }] }],
  ])('refuses %s', (_name, body) => {
    expect(PushRequestSchema.safeParse(body).success).toBe(false);
  });

  it('bounds a pushed receipt to the items a template can ask, yet still reads one the server stored before the bound', () => {
    const receipt = { kind: 'receipt', id: 'c-000004', handoff, answer: { decision: 'accepted', at: 1 }, checked: Array.from({ length: 25 }, (_, index) => `item ${index}`), clientAt: 1 };
    expect(PushedChangeSchema.safeParse(receipt).success).toBe(false);
    expect(SyncedChangeSchema.safeParse({ seq: 1, by: 'a@x.test', serverAt: 1, change: receipt }).success).toBe(true);
  });

  it('reads the pull cursor from the query string', () => {
    expect(PullQuerySchema.parse({ cursor: '42' })).toEqual({ cursor: 42, limit: 200 });
    expect(PullQuerySchema.safeParse({ cursor: '-1' }).success).toBe(false);
    expect(PullQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
  });
});
