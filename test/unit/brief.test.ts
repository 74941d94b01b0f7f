import { describe, expect, it } from 'vitest';
import { renderBrief, type BriefInput } from '../../lib/brief';
import { completeSalesValues, dealRef, salesToOnboarding, template } from './helpers';

const at = new Date('2026-11-25T15:03:42+01:00');

function brief(overrides: Partial<BriefInput> = {}): string {
  return renderBrief({ template: salesToOnboarding(), values: completeSalesValues(), record: dealRef(), at, ...overrides });
}

describe('renderBrief', () => {
  it('writes a plain-text brief in template order', () => {
    const text = brief({ recordTitle: 'Acme — 50 seats', handedOffBy: 'sam@example.com' });
    expect(text).toBe(
      [
        'Handoff brief · Sales → Onboarding',
        'Record: Acme — 50 seats',
        '',
        'Client goals: Cut onboarding time in half',
        'Scope and deliverables: CRM setup and two trainings',
        'Promised timeline: Live by 15 March',
        'Objections and risks: Worried about data migration',
        'Decision maker: Rita Ng, COO',
        'Next owner: dana@example.com',
        'Special terms: (none)',
        '',
        'Next owner: dana@example.com',
        'Handed off by sam@example.com on 2026-11-25 14:03 UTC',
        '-- baton sales-to-onboarding@1 hubspot/deal/1001 6/6',
      ].join('\n'),
    );
  });

  it('keeps the lines of a multi-line value, whatever line endings it came with', () => {
    const text = brief({ values: { ...completeSalesValues(), scope: 'Setup\r\nTraining\rSupport\n' } });
    expect(text).toContain('Scope and deliverables: Setup\nTraining\nSupport\nPromised timeline:');
  });

  it('writes "(none)" for empty fields and counts what is missing in the last line', () => {
    const text = brief({ values: { clientGoals: 'Faster onboarding', nextOwner: '   ' } });
    expect(text).toContain('Scope and deliverables: (none)\n');
    expect(text).toContain('Next owner: (none)\n');
    expect(text.split('\n').at(-1)).toBe('-- baton sales-to-onboarding@1 hubspot/deal/1001 1/6');
  });

  it('leaves out the record, the next owner and the sender when unknown', () => {
    const lines = brief({ values: {} }).split('\n');
    expect(lines.filter((line) => line.startsWith('Next owner:'))).toEqual(['Next owner: (none)']);
    expect(lines.some((line) => line.startsWith('Record:'))).toBe(false);
    expect(lines.at(-2)).toBe('Handed off on 2026-11-25 14:03 UTC');
  });

  it('writes a checkbox as yes or no', () => {
    const confirmed = template({ fields: [{ id: 'signed', label: 'Contract signed', kind: 'checkbox' }] });
    const render = (signed?: string) =>
      renderBrief({ template: confirmed, values: signed === undefined ? {} : { signed }, record: dealRef(), at });
    expect(render('true')).toContain('Contract signed: yes\n');
    expect(render('false')).toContain('Contract signed: no\n');
    expect(render()).toContain('Contract signed: no\n');
  });

  it('puts names and titles on one line', () => {
    const text = brief({ recordTitle: 'Acme\n  renewal', handedOffBy: 'Sam\tLee', values: { ...completeSalesValues(), nextOwner: 'Dana\n Smith' } });
    expect(text).toContain('Record: Acme renewal\n');
    expect(text).toContain('\nNext owner: Dana Smith\nHanded off by Sam Lee on');
  });

  it('is plain text: no HTML or Markdown of its own', () => {
    expect(brief()).not.toMatch(/[<>*#`_]|\]\(/);
  });

  it('passes hostile text through as literal text', () => {
    const hostile = '<img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1))';
    const text = brief({ recordTitle: hostile, values: { ...completeSalesValues(), clientGoals: hostile } });
    expect(text).toContain(`Record: ${hostile}\n`);
    expect(text).toContain(`Client goals: ${hostile}\n`);
  });
});
