import { describe, expect, it } from 'vitest';
import { completeness, type FieldIssue } from '../../lib/completeness';
import { gateDecision } from '../../lib/gate';
import { checklistStatus } from '../../lib/checklist-status';
import { DEFAULT_MIN_LENGTH, qualityFlags } from '../../lib/quality';
import { fieldIssueText } from '../../components/words/checklist-words';
import type { QualityCheck } from '../../lib/template';
import { completeSalesValues, salesToOnboarding, template } from './helpers';

const field = (checks: QualityCheck[], extra: { minLength?: number; blocking?: boolean } = {}) => ({ quality: { checks, ...extra } });
const flagged = (checks: QualityCheck[], value: string, members?: string[]) => qualityFlags(field(checks), value, { members }).map((flag) => flag.check);

describe('placeholder answers are flagged, real ones are not', () => {
  it.each(['TBD', 'tbd.', ' TBC ', 'n/a', 'N/A', 'na', '?', '???', 'soon', 'Soon!', 'ASAP', 'asap', 'the usual', 'The usual.', 'as usual', 'none', '-', 'see notes', 'Live by TBD', 'Jane (tbc)'])(
    '"%s" is a placeholder',
    (value) => expect(flagged(['placeholder'], value)).toEqual(['placeholder']),
  );
  it.each(['Live by 15 March', 'Cut onboarding from 6 weeks to 2', 'Standard plan plus 3 custom reports', 'No custom work, as agreed', 'Soon after kickoff on 3 March'])(
    '"%s" is an answer',
    (value) => expect(flagged(['placeholder'], value)).toEqual([]),
  );
});

describe('a timeline needs a date or a duration', () => {
  it.each([
    'Live by 15 March', 'live by march', '2026-03-15', 'go-live 15/03', 'by 3/15/2026', '15.03.2026', 'Q2', 'end of Q3',
    'within 6 weeks', 'two sprints', 'in a few weeks', '30 business days', 'next week', 'next month', 'next quarter',
    'this Friday', 'end of month', 'kickoff tomorrow', 'during 2027',
  ])('"%s" has one', (value) => expect(flagged(['date'], value)).toEqual([]));
  it.each(['soon', 'ASAP', 'as soon as possible', 'the usual', 'later', 'when IT is ready', 'TBD', 'quickly'])(
    '"%s" has none',
    (value) => expect(flagged(['date'], value)).toEqual(['date']),
  );
});

describe('a next owner is one person: a name or an email', () => {
  it.each(['dana@example.com', 'Dana Scott', "Dana O'Neil", 'J. Doe', 'José Álvarez', 'dana'])('"%s" is a person', (value) =>
    expect(flagged(['person'], value)).toEqual([]),
  );
  it.each(['the team', 'Sales', 'onboarding team', 'someone from CS', 'TBD', '?', 'the usual', 'call 555 0100', 'Dana, Lee', 'ok', 'OK.', 'okay', 'yes', 'done', 'fine', 'sure', 'k'])('"%s" is not', (value) =>
    expect(flagged(['person'], value)).toEqual(['person']),
  );
  it('with the team’s members known, a name or email that is not one of them is flagged as not a member', () => {
    const members = ['dana@example.com', 'lee@example.com'];
    expect(flagged(['person'], 'Dana@Example.com', members)).toEqual([]);
    expect(qualityFlags(field(['person']), 'pat@example.com', { members })).toEqual([{ check: 'person', notMember: true }]);
  });
});

describe('short answers', () => {
  it('flags answers under the default 10 characters, or under the template’s minLength', () => {
    expect(flagged(['short'], 'Q2')).toEqual(['short']);
    expect(flagged(['short'], 'Live by 15 March')).toEqual([]);
    expect(qualityFlags(field(['short'], { minLength: 40 }), 'Live by 15 March').map((flag) => flag.check)).toEqual(['short']);
  });
  it('never flags an empty answer (that is completeness’ job) nor a field without checks', () => {
    expect(flagged(['short', 'placeholder', 'date', 'person'], '   ')).toEqual([]);
    expect(qualityFlags({}, 'TBD')).toEqual([]);
  });
  it('reports every check that finds something, in the template’s order', () => {
    expect(flagged(['short', 'placeholder', 'date'], 'TBD')).toEqual(['short', 'placeholder', 'date']);
  });
});

describe('flags block only where the template says blocking', () => {
  const vague = { ...completeSalesValues(), timeline: 'TBD' };
  const gated = (fields: object) => {
    const tmpl = template({ fields: [{ id: 'timeline', label: 'Promised timeline', kind: 'text', required: true, ...fields }] });
    return completeness(tmpl, { timeline: 'soon' });
  };

  it('a vague answer still completes the default template (its checks are not blocking)', () => {
    const sales = salesToOnboarding();
    expect(sales.fields.find((item) => item.id === 'timeline')?.quality?.checks).toContain('date');
    expect(completeness(sales, vague).complete).toBe(true);
  });
  it('a blocking check makes the required field missing, with the reason', () => {
    const result = gated({ quality: { checks: ['placeholder', 'date'], blocking: true } });
    expect(result.complete).toBe(false);
    const issue: FieldIssue = { fieldId: 'timeline', label: 'Promised timeline', problem: 'vague', flags: [{ check: 'placeholder' }, { check: 'date' }], minLength: DEFAULT_MIN_LENGTH };
    expect(result.missing).toEqual([issue]);
    expect(fieldIssueText(issue)).toBe('Promised timeline: A placeholder, not an answer yet. No date or duration in it (e.g. “live by 15 March”, “within 6 weeks”).');
  });
  it('a blocking check blocks the gated move', () => {
    const tmpl = template({ fields: [{ id: 'timeline', label: 'Promised timeline', kind: 'text', required: true, quality: { checks: ['date'], blocking: true } }] });
    const ref = { host: 'hubspot' as const, objectType: 'deal', recordId: '1' };
    const status = checklistStatus({ template: tmpl, values: { timeline: 'soon' } } as never, ref);
    expect(gateDecision([status], 'Closed won').kind).toBe('block');
  });
  it('the same checks without blocking leave the field complete', () => {
    expect(gated({ quality: { checks: ['placeholder', 'date'] } }).complete).toBe(true);
  });
});
