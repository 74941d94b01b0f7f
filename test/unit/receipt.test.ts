import { describe, expect, it } from 'vitest';
import { looksLikeBrief, parseBrief, renderBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import { looksLikeReceipt, parseReceipt, renderReceipt, type ReceiptInput } from '../../lib/receipt';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

const at = new Date('2026-11-27T09:12:30Z');
const signedAt = Date.parse('2026-11-27T09:12:00Z');

function receipt(overrides: Partial<ReceiptInput> = {}): string {
  return renderReceipt({
    template: salesToOnboarding(),
    record: dealRef(),
    decision: 'accepted',
    by: 'Dana Kim',
    checked: ['I have read the brief', 'Kickoff scheduled'],
    at,
    ...overrides,
  });
}

const sentBack = () => receipt({ decision: 'sentBack', checked: [], reason: 'Scope is unclear.\nWhich trainings?' });

describe('renderReceipt', () => {
  it('writes an acceptance with what the next owner checked', () => {
    expect(receipt()).toBe(
      [
        'Handoff accepted · Sales → Onboarding',
        'Accepted by Dana Kim on 2026-11-27 09:12 UTC. Checked: I have read the brief; Kickoff scheduled.',
        'Baton receipt · sales-to-onboarding v1 · hubspot deal 1001 · accepted',
      ].join('\n'),
    );
  });

  it('writes a send-back with its reason', () => {
    expect(sentBack()).toBe(
      [
        'Handoff sent back · Sales → Onboarding',
        'Sent back by Dana Kim on 2026-11-27 09:12 UTC.',
        'Reason: Scope is unclear.',
        'Which trainings?',
        'Baton receipt · sales-to-onboarding v1 · hubspot deal 1001 · sent back',
      ].join('\n'),
    );
  });

  it('writes no reason line for an acceptance', () => {
    expect(receipt({ reason: 'ignored' })).not.toContain('Reason:');
  });
});

describe('parseReceipt', () => {
  it('reads back an acceptance: decision, who and when to the minute', () => {
    expect(parseReceipt(receipt())).toEqual({
      templateId: 'sales-to-onboarding',
      record: dealRef(),
      answer: { decision: 'accepted', by: 'Dana Kim', at: signedAt, reason: undefined },
    });
  });

  it('reads back a send-back with its reason', () => {
    expect(parseReceipt(sentBack())?.answer).toEqual({
      decision: 'sentBack',
      by: 'Dana Kim',
      at: signedAt,
      reason: 'Scope is unclear.\nWhich trainings?',
    });
  });

  it.each([
    ['an acceptance', receipt],
    ['a send-back', sentBack],
  ])('reads %s whose line breaks the host collapsed', (_, render) => {
    const answer = parseReceipt(render())!.answer;
    const collapsed = parseReceipt(render().replace(/\n/g, ' '));
    expect(collapsed?.answer).toEqual({ ...answer, reason: answer.reason?.replace('\n', ' ') });
  });

  it('still reads the decision and reason when the signature line is lost, with no time', () => {
    const lines = sentBack().split('\n');
    const parsed = parseReceipt([lines[0], ...lines.slice(2)].join('\n'));
    expect(parsed?.answer).toEqual({ decision: 'sentBack', by: undefined, at: 0, reason: 'Scope is unclear.\nWhich trainings?' });
  });

  it('tells a receipt from a brief', () => {
    const brief = renderBrief({ template: salesToOnboarding(), values: completeSalesValues(), record: dealRef(), at });
    expect(looksLikeReceipt(receipt())).toBe(true);
    expect(looksLikeBrief(receipt())).toBe(false);
    expect(parseBrief(receipt(), defaultTemplates())).toBeUndefined();
    expect(looksLikeReceipt(brief)).toBe(false);
    expect(parseReceipt(brief)).toBeUndefined();
  });

  it('finds no receipt in an ordinary note', () => {
    expect(parseReceipt('Handoff accepted by Dana, see the Baton receipt tomorrow')).toBeUndefined();
  });
});
