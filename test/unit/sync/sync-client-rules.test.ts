import { describe, expect, it } from 'vitest';
import { renderBrief } from '../../../lib/brief';
import { applyPulledField } from '../../../lib/sync/apply-change';
import { parseServerAddress } from '../../../lib/sync/connection';
import { linkedRecords } from '../../../lib/sync/linked-records';
import { briefChanges, completenessChange, fieldChange } from '../../../lib/sync/local-changes';
import { ChangeSchema, type SyncedChange } from '../../../lib/sync/schemas';
import { syncStatusLine } from '../../../lib/sync/status-line';
import { mergeBriefs, readSyncedBriefs } from '../../../lib/sync/synced-briefs';
import { completeSalesValues, dealRef, salesToOnboarding } from '../helpers';

const handoff = { host: 'hubspot', objectType: 'deal', recordId: '1001', templateId: 'sales-to-onboarding' } as const;
const stamp = (id: string) => ({ id, clientAt: 0 });

function pulled(seq: number, by: string, options: Partial<SyncedChange> = {}): SyncedChange {
  return { seq, by, serverAt: seq, change: { kind: 'field', id: `change-${seq}-xx`, clientAt: 0, handoff, fieldId: 'goals', value: `v${seq}`, baseSeq: 0 }, ...options };
}
const view = { knownSeq: 0, pending: false, ownQueued: false, mine: false };

describe('the team server address', () => {
  it.each([
    ['baton.example.com', 'https://baton.example.com'],
    ['https://baton.example.com/some/path', 'https://baton.example.com'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000'],
  ])('%s is taken as %s', (typed, origin) => {
    expect(parseServerAddress(typed)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'Enter the team server address'],
    ['http://baton.example.com', 'Plain http:// is allowed only for localhost'],
    ['http://192.168.1.5:8787', 'Plain http:// is allowed only for localhost'],
    ['ftp://baton.example.com', 'start with https://'],
    ['https://user:secret@baton.example.com', 'Leave the user name and password out'],
    ['https://exa mple.com', 'is not a web address'],
  ])('%j is refused in words', (typed, words) => {
    const parsed = parseServerAddress(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(words);
  });
});

describe('a pulled field change meets this device', () => {
  it('a teammate’s newer value becomes the draft and is logged', () => {
    expect(applyPulledField(pulled(5, 'ana@x.test'), { ...view, knownSeq: 3 })).toEqual({ setValue: true, logRevision: true, seq: 5 });
  });

  it('does not replace what this device typed and has not sent yet, but still logs it', () => {
    expect(applyPulledField(pulled(5, 'ana@x.test'), { ...view, pending: true })).toEqual({ setValue: false, logRevision: true, seq: 5 });
  });

  it('the value that lost a conflict is logged on the winner’s device too, without becoming the draft', () => {
    // This device wrote seq 7 after the teammate's seq 6 that it had not seen.
    expect(applyPulledField(pulled(6, 'ana@x.test'), { ...view, knownSeq: 7, mine: false })).toEqual({ setValue: false, logRevision: true, seq: undefined });
  });

  it('an own change coming back is only an acknowledgement', () => {
    expect(applyPulledField(pulled(8, 'me@x.test'), { ...view, knownSeq: 3, ownQueued: true, mine: true })).toEqual({ setValue: false, logRevision: false, seq: 8 });
    expect(applyPulledField(pulled(8, 'me@x.test'), { ...view, knownSeq: 8, mine: true })).toEqual({ setValue: false, logRevision: false, seq: undefined });
  });

  it('an own change from another of the member’s devices is taken like a teammate’s', () => {
    expect(applyPulledField(pulled(9, 'me@x.test'), { ...view, knownSeq: 8, mine: true })).toEqual({ setValue: true, logRevision: true, seq: 9 });
  });
});

describe('changes a local edit queues', () => {
  it('a field change carries the last server sequence seen and parses as the server expects', () => {
    const change = fieldChange({ ref: dealRef('1001'), templateId: 'sales-to-onboarding', fieldId: 'scope', value: 'Two trainings', recordTitle: 'Acme' }, 12, stamp('change-aaaaaaaa'));
    expect(change).toMatchObject({ kind: 'field', baseSeq: 12, handoff, value: 'Two trainings', recordTitle: 'Acme' });
    expect(ChangeSchema.safeParse(change).success).toBe(true);
  });

  it('completeness crossing over says ready or draft, and nothing once the brief went out', () => {
    expect(completenessChange(handoff, false, true, false, stamp('change-bbbbbbbb'))).toMatchObject({ kind: 'state', to: 'ready' });
    expect(completenessChange(handoff, true, false, false, stamp('change-cccccccc'))).toMatchObject({ kind: 'state', to: 'draft' });
    expect(completenessChange(handoff, false, false, false, stamp('change-dddddddd'))).toBeUndefined();
    expect(completenessChange(handoff, true, false, true, stamp('change-eeeeeeee'))).toBeUndefined();
  });

  it('sending a brief says ready first, then sent', () => {
    const changes = briefChanges(handoff, 'the brief', [stamp('change-ffffffff'), stamp('change-gggggggg')]);
    expect(changes.map((change) => change.kind)).toEqual(['state', 'briefSent']);
    expect(changes.every((change) => ChangeSchema.safeParse(change).success)).toBe(true);
  });
});

describe('the panel’s sync line', () => {
  it.each([
    ['synced', 0, 0, { kind: 'synced' }],
    ['synced', 2, 0, { kind: 'syncing', waiting: 2 }],
    ['syncing', 0, 0, { kind: 'syncing', waiting: 0 }],
    ['offline', 3, 0, { kind: 'offline', waiting: 3 }],
    ['offline', 3, 1, { kind: 'refused', refused: 1 }],
    ['revoked', 3, 1, { kind: 'revoked' }],
  ] as const)('%s with %i waiting and %i refused', (phase, waiting, refused, line) => {
    expect(syncStatusLine(phase, waiting, refused)).toEqual(line);
  });
});

describe('records a handoff links to', () => {
  it('reads host-app record links out of typed text, once each', () => {
    const refs = linkedRecords([
      'Onboarding task: https://app.clickup.com/t/86abc123 (kickoff) and again https://app.clickup.com/t/86abc123',
      'See https://app.hubspot.com/contacts/123/record/0-3/555 and https://example.com/t/86abc123, http://app.clickup.com/t/insecure1',
    ]);
    expect(refs).toEqual([
      { host: 'clickup', objectType: 'task', recordId: '86abc123' },
      { host: 'hubspot', objectType: 'deal', recordId: '555' },
    ]);
  });
});

describe('briefs that came through the server', () => {
  const template = salesToOnboarding();
  const text = renderBrief({ template, values: completeSalesValues(), record: dealRef('1001'), at: new Date(Date.UTC(2026, 10, 26, 14, 3)) });
  const synced = { id: 'change-brief-1', handoff, brief: text, by: 'rep@x.test', serverAt: 0, linked: [] };

  it('are read like notes, signed with the sender’s account when the brief is unsigned', () => {
    const [brief] = readSyncedBriefs([synced], [template], Date.UTC(2026, 10, 27));
    expect(brief).toMatchObject({ templateId: 'sales-to-onboarding', by: 'rep@x.test', complete: true, record: dealRef('1001') });
  });

  it('are left out when dated in the future, like notes', () => {
    expect(readSyncedBriefs([synced], [template], Date.UTC(2026, 10, 25))).toEqual([]);
  });

  it('count once when the same brief is also in the record’s notes', () => {
    const [brief] = readSyncedBriefs([synced], [template], Date.UTC(2026, 10, 27));
    expect(mergeBriefs([brief!], [brief!])).toHaveLength(1);
  });
});
