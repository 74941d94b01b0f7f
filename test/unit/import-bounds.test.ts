import { describe, expect, it } from 'vitest';
import { parseHandoffDocument } from '../../lib/handoff-import';
import { parseTemplate } from '../../lib/template-json';
import shipped from '../../lib/templates/sales-to-onboarding.json';

// A crafted file of many small wrong entries once overflowed the stack inside validation
// ("Maximum call stack size exceeded") instead of listing what is wrong.

const MANY = 20_000;
const small = () => Array.from({ length: MANY }, (_, index) => ({ n: index }));

function errorsOf(result: { ok: true } | { ok: false; errors: string[] }): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

const header = { format: 'baton-handoffs', version: 1, exportedAt: '2026-01-01T00:00:00Z' };

describe('an import of 20,000 small wrong entries', () => {
  it('lists the first problems of a handoffs file and says how many entries went unchecked', () => {
    const errors = errorsOf(parseHandoffDocument({ ...header, handoffs: small(), revisions: [] }));
    expect(errors.length).toBeLessThanOrEqual(22);
    expect(errors[0]).toMatch(/^handoffs\[0\]\./);
    expect(errors.at(-1)).toMatch(/^handoffs\[\d+\] to handoffs\[19999\] were not checked: checking stops after 20 problems$/);
  });

  it('refuses a handoffs file with more entries than an import takes, naming the limit', () => {
    const errors = errorsOf(parseHandoffDocument({ ...header, handoffs: [], revisions: Array.from({ length: 50_001 }, () => ({})) }));
    expect(errors).toEqual(['revisions: the file holds 50001 entries; an import takes at most 50000']);
  });

  it('refuses a handoff whose values hold more fields than any template has', () => {
    const values = Object.fromEntries(Array.from({ length: MANY }, (_, index) => [`f${index}`, 1]));
    const errors = errorsOf(parseHandoffDocument({ ...header, handoffs: [{ values }], revisions: [] }));
    expect(errors).toContain('handoffs[0].values: holds 20000 fields; a handoff has at most 200');
  });

  it('refuses a template whose lists are too long, before checking their entries', () => {
    for (const list of ['fields', 'appliesTo', 'receipt']) {
      const errors = errorsOf(parseTemplate({ ...shipped, [list]: small() }));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^${list}: the template holds 20000 entries; at most \\d+ are allowed$`));
    }
    const options = errorsOf(parseTemplate({ ...shipped, fields: [{ id: 'a', label: 'A', kind: 'select', options: small() }] }));
    expect(options).toEqual(['fields[0].options: the template holds 20000 entries; at most 100 are allowed']);
  });

  it('lists at most 20 problems of a template and says how many more there are', () => {
    const fields = Array.from({ length: 60 }, () => ({ id: '1', label: '', kind: 'nope' }));
    const errors = errorsOf(parseTemplate({ ...shipped, fields }));
    expect(errors).toHaveLength(21);
    expect(errors.at(-1)).toMatch(/^…and \d+ more problems$/);
  });
});
