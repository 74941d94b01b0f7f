import { describe, expect, it } from 'vitest';
import { completeness } from '../../lib/completeness';
import type { FieldKind } from '../../lib/template';
import { completeSalesValues, salesToOnboarding, template } from './helpers';
import { fieldIssueText } from '../../components/words/checklist-words';
import type { FieldIssue } from '../../lib/completeness';

/** An issue as the panel shows it: what is wrong, in words. */
const worded = (issue: FieldIssue) => ({ fieldId: issue.fieldId, label: issue.label, problem: issue.problem, message: fieldIssueText(issue) });

const sales = salesToOnboarding();

/** A one-field template of this kind; required unless said otherwise. */
function single(kind: FieldKind, extra: Record<string, unknown> = {}) {
  return template({ fields: [{ id: 'answer', label: 'Answer', kind, required: true, ...extra }] });
}

describe('required fields', () => {
  it('counts 0 of 6 on an empty handoff and lists every required field as empty', () => {
    const result = completeness(sales, {});
    expect(result).toMatchObject({ required: 6, filled: 0, complete: false, warnings: [] });
    expect(result.missing.map((issue) => [issue.label, issue.problem])).toEqual([
      ['Client goals', 'empty'],
      ['Scope and deliverables', 'empty'],
      ['Promised timeline', 'empty'],
      ['Objections and risks', 'empty'],
      ['Decision maker', 'empty'],
      ['Next owner', 'empty'],
    ]);
    expect(fieldIssueText(result.missing[5]!)).toBe('Next owner is empty');
  });

  it('is complete when every required field is filled, Special terms left empty', () => {
    expect(completeness(sales, completeSalesValues())).toEqual({
      required: 6,
      filled: 6,
      missing: [],
      warnings: [],
      complete: true,
    });
  });

  it('counts 5 of 6 while Next owner is empty', () => {
    const result = completeness(sales, { ...completeSalesValues(), nextOwner: '' });
    expect(result).toMatchObject({ required: 6, filled: 5, complete: false });
    expect(result.missing.map((issue) => issue.fieldId)).toEqual(['nextOwner']);
  });

  it('treats spaces, tabs and line breaks alone as empty', () => {
    const result = completeness(sales, { ...completeSalesValues(), clientGoals: '  \n\t ' });
    expect(result.missing.map(worded)).toEqual([
      { fieldId: 'clientGoals', label: 'Client goals', problem: 'empty', message: 'Client goals is empty' },
    ]);
  });
});

describe('requiredWhen', () => {
  const discount = template({
    fields: [
      { id: 'tier', label: 'Tier', kind: 'select', options: ['Standard', 'Custom'], required: true },
      { id: 'customTerms', label: 'Custom terms', kind: 'longText', requiredWhen: { field: 'tier', equals: 'Custom' } },
      { id: 'discounted', label: 'Discount given', kind: 'checkbox' },
      { id: 'discountReason', label: 'Discount reason', kind: 'text', requiredWhen: { field: 'discounted', equals: 'true' } },
    ],
  });

  it('leaves the dependent field optional while the other field holds another value', () => {
    expect(completeness(discount, { tier: 'Standard' })).toMatchObject({ required: 1, filled: 1, complete: true });
  });

  it('makes a field required once another field equals the value', () => {
    const result = completeness(discount, { tier: 'Custom' });
    expect(result).toMatchObject({ required: 2, filled: 1, complete: false });
    expect(result.missing.map((issue) => issue.label)).toEqual(['Custom terms']);
  });

  it('makes a field required once a checkbox is ticked ("true")', () => {
    const unticked = completeness(discount, { tier: 'Standard', discounted: 'false' });
    expect(unticked.complete).toBe(true);
    const ticked = completeness(discount, { tier: 'Standard', discounted: 'true' });
    expect(ticked.missing.map((issue) => issue.label)).toEqual(['Discount reason']);
    expect(completeness(discount, { tier: 'Standard', discounted: 'true', discountReason: 'Pilot' }).complete).toBe(true);
  });
});

describe('values that do not fit their field count as missing', () => {
  it.each([
    ['email', 'dana at example', 'Answer: expected an email address'],
    ['url', 'example.com/brief', 'Answer: expected a web address starting with https://'],
    ['url', 'javascript:alert(1)', 'Answer: expected a web address starting with https://'],
    ['number', 'twelve', 'Answer: expected a number'],
    ['date', '15/03/2026', 'Answer: expected a date'],
    ['date', '2026-13-01', 'Answer: expected a date'],
  ] as const)('%s "%s"', (kind, value, message) => {
    const result = completeness(single(kind), { answer: value });
    expect(result).toMatchObject({ required: 1, filled: 0, complete: false });
    expect(result.missing.map(worded)).toEqual([{ fieldId: 'answer', label: 'Answer', problem: 'invalid', message }]);
  });

  // Date.parse rolls "2026-02-30" over to 2 March: a day that does not exist must not pass.
  it('date "2026-02-30" (no such day)', () => {
    expect(completeness(single('date'), { answer: '2026-02-30' }).missing[0]?.problem).toBe('invalid');
  });

  it('a select value that is not one of the options', () => {
    const result = completeness(single('select', { options: ['Standard', 'Custom'] }), { answer: 'Gold' });
    expect(fieldIssueText(result.missing[0]!)).toBe('Answer: expected one of the listed options');
  });

  it.each([
    ['email', 'dana@example.com'],
    ['url', 'https://example.com/brief?x=1'],
    ['number', '-12.5'],
    ['date', '2026-02-28'],
    ['date', '2028-02-29'],
    ['text', 'anything at all'],
    ['longText', 'line one\nline two'],
    ['checkbox', 'true'],
  ] as const)('accepts %s "%s"', (kind, value) => {
    expect(completeness(single(kind), { answer: value }).complete).toBe(true);
  });

  it('accepts a select value with stray spaces around it', () => {
    expect(completeness(single('select', { options: ['Custom'] }), { answer: ' Custom ' }).complete).toBe(true);
  });

  it('treats an unticked required checkbox as empty', () => {
    expect(completeness(single('checkbox'), { answer: 'false' }).missing[0]?.problem).toBe('empty');
  });

  it('flags a value over the field limit as too long, naming length and limit', () => {
    const result = completeness(single('text', { maxLength: 5 }), { answer: 'abcdef' });
    expect(result.missing.map(worded)).toEqual([
      { fieldId: 'answer', label: 'Answer', problem: 'tooLong', message: 'Answer is 6 characters; the limit is 5' },
    ]);
  });

  it('accepts a value exactly at the limit', () => {
    expect(completeness(single('text', { maxLength: 5 }), { answer: 'abcde' }).complete).toBe(true);
  });
});

describe('optional fields', () => {
  it('report problems as warnings that never block', () => {
    const checked = template({
      fields: [
        { id: 'name', label: 'Name', kind: 'text', required: true },
        { id: 'site', label: 'Website', kind: 'url' },
        { id: 'note', label: 'Note', kind: 'text', maxLength: 3 },
      ],
    });
    const result = completeness(checked, { name: 'Acme', site: 'acme dot com', note: 'too long' });
    expect(result).toMatchObject({ required: 1, filled: 1, missing: [], complete: true });
    expect(result.warnings.map((issue) => [issue.label, issue.problem])).toEqual([
      ['Website', 'invalid'],
      ['Note', 'tooLong'],
    ]);
  });

  it('left empty raise nothing', () => {
    expect(completeness(sales, completeSalesValues()).warnings).toEqual([]);
  });
});

describe('Next owner names one person', () => {
  it.each(['Dana Smith', 'dana@example.com', 'Anderson Brandt', 'Sandy'])('accepts "%s"', (owner) => {
    expect(completeness(sales, { ...completeSalesValues(), nextOwner: owner }).complete).toBe(true);
  });

  it.each(['Ann and Bob', 'ann AND bob', 'Ann & Bob', 'ann@x.com, bob@y.com', 'Ann; Bob', 'Ann / Bob', 'Ann+Bob'])(
    'rejects the list "%s"',
    (owner) => {
      const result = completeness(sales, { ...completeSalesValues(), nextOwner: owner });
      expect(result.missing.map(worded)).toEqual([
        { fieldId: 'nextOwner', label: 'Next owner', problem: 'invalid', message: 'Next owner: name one person, not a list' },
      ]);
    },
  );
});
