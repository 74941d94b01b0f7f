import { describe, expect, it } from 'vitest';
import { looksLikeBrief, parseBrief, renderBrief, type BriefInput, type ParsedBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import type { FieldValues } from '../../lib/template';
import { completeSalesValues, dealRef, salesToOnboarding, template } from './helpers';

const at = new Date('2026-11-25T15:03:42+01:00'); // 14:03 UTC
const installed = defaultTemplates();

function brief(overrides: Partial<BriefInput> = {}): string {
  return renderBrief({
    template: salesToOnboarding(),
    values: completeSalesValues(),
    record: dealRef(),
    recordTitle: 'Acme — 50 seats',
    handedOffBy: 'Sam Lee',
    at,
    ...overrides,
  });
}

/** What parseBrief should read back from brief() with these values. */
function readBack(values: FieldValues): ParsedBrief {
  const template = salesToOnboarding();
  return {
    templateId: template.id,
    templateVersion: template.version,
    record: dealRef(),
    declared: { filled: 6, required: 6 },
    by: 'Sam Lee',
    at: new Date('2026-11-25T14:03:00Z'),
    nextOwner: values.nextOwner,
    fields: template.fields.map((field) => ({ fieldId: field.id, label: field.label, value: values[field.id] ?? '' })),
    readable: true,
    complete: true,
  };
}

function valueOf(parsed: ParsedBrief | undefined, fieldId: string): string | undefined {
  return parsed?.fields?.find((field) => field.fieldId === fieldId)?.value;
}

const labels = salesToOnboarding().fields.map((field) => field.label);

function relabel(text: string, change: (label: string) => string): string {
  return labels.reduce((result, label) => result.replace(`${label}:`, `${change(label)}:`), text);
}

/** A host that keeps the brief as HTML (a paragraph a line, bold labels, linked emails) and gives back its textContent. */
function asHtmlNoteText(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraph = (line: string) =>
    escape(line)
      .replace(/^([^:·]+:) /, '<b>$1</b>&nbsp;')
      .replace(/[\w.]+@[\w.]+\w/g, (email) => `<a href="mailto:${email}">${email}</a>`);
  const note = document.createElement('div');
  note.innerHTML = text.split('\n').map((line) => `<p>${paragraph(line)}</p>`).join('');
  return note.textContent ?? '';
}

describe('renderBrief', () => {
  it('writes a complete Sales → Onboarding brief as plain lines, fields in template order', () => {
    const text = brief({ values: { ...completeSalesValues(), scope: 'CRM setup\nTwo trainings' } });
    expect(text).toBe(
      [
        'Handoff brief · Sales → Onboarding',
        'Record: Acme — 50 seats',
        '',
        'Client goals: Cut onboarding time in half',
        'Scope and deliverables: CRM setup',
        'Two trainings',
        'Promised timeline: Live by 15 March',
        'Objections and risks: Worried about data migration',
        'Decision maker: Rita Ng, COO',
        'Next owner: dana@example.com',
        'Special terms: (none)',
        '',
        'Handed off by Sam Lee on 2026-11-25 14:03 UTC to dana@example.com.',
        'Baton · sales-to-onboarding v1 · hubspot deal 1001 · 6/6 required',
      ].join('\n'),
    );
  });

  it('keeps the lines of a multi-line value, whatever line endings it came with', () => {
    const text = brief({ values: { ...completeSalesValues(), scope: 'Setup\r\nTraining\rSupport\n' } });
    expect(text).toContain('\nScope and deliverables: Setup\nTraining\nSupport\nPromised timeline:');
  });

  it('counts what is still missing and signs off without sender, record or next owner when unknown', () => {
    const lines = brief({ values: { clientGoals: 'Faster onboarding' }, recordTitle: undefined, handedOffBy: undefined }).split('\n');
    expect(lines).toContain('Next owner: (none)');
    expect(lines.some((line) => line.startsWith('Record:'))).toBe(false);
    expect(lines.slice(-2)).toEqual([
      'Handed off on 2026-11-25 14:03 UTC.',
      'Baton · sales-to-onboarding v1 · hubspot deal 1001 · 1/6 required',
    ]);
  });

  it('writes a checkbox as yes or no', () => {
    const confirmed = template({ fields: [{ id: 'signed', label: 'Contract signed', kind: 'checkbox' }] });
    const line = (values: FieldValues) => renderBrief({ template: confirmed, values, record: dealRef(), at }).split('\n')[2];
    expect(line({ signed: 'true' })).toBe('Contract signed: yes');
    expect(line({ signed: 'false' })).toBe('Contract signed: no');
    expect(line({})).toBe('Contract signed: no');
  });

  it('adds no Markdown table or HTML of its own', () => {
    expect(brief()).not.toMatch(/[<>|*#`]|\]\(/);
  });

  it('writes hostile values as literal text', () => {
    const values = {
      ...completeSalesValues(),
      clientGoals: '<img src=x onerror=alert(1)>',
      scope: '**bold**',
      objections: 'Next owner: evil',
    };
    const lines = brief({ values }).split('\n');
    expect(lines).toContain('Client goals: <img src=x onerror=alert(1)>');
    expect(lines).toContain('Scope and deliverables: **bold**');
    expect(lines).toContain('Objections and risks: Next owner: evil');
    expect(lines).toContain('Next owner: dana@example.com');
  });
});

describe('parseBrief', () => {
  it('reads back every value, the template, the record, the count, the sender, the time and the next owner', () => {
    const values = { ...completeSalesValues(), scope: 'CRM setup\nTwo trainings' };
    expect(parseBrief(brief({ values }), installed)).toEqual(readBack(values));
  });

  it('reads a ticked checkbox as "true" and an unticked one as empty', () => {
    const confirmed = template({
      fields: [
        { id: 'signed', label: 'Contract signed', kind: 'checkbox', required: true },
        { id: 'paid', label: 'Deposit paid', kind: 'checkbox' },
      ],
    });
    const text = renderBrief({ template: confirmed, values: { signed: 'true', paid: 'false' }, record: dealRef(), at });
    const parsed = parseBrief(text, [confirmed]);
    expect(parsed?.fields?.map((field) => field.value)).toEqual(['true', '']);
    expect(parsed?.complete).toBe(true);
  });

  it('reads an incomplete brief as readable but not complete', () => {
    const parsed = parseBrief(brief({ values: { clientGoals: 'Faster onboarding' } }), installed);
    expect(parsed).toMatchObject({ declared: { filled: 1, required: 6 }, readable: true, complete: false, nextOwner: undefined });
    expect(valueOf(parsed, 'scope')).toBe('');
  });

  describe('reads the same values however the host re-renders the note', () => {
    const original = brief();
    const variants: [string, (text: string) => string][] = [
      ['line breaks collapsed to single spaces (one paragraph)', (text) => text.replace(/\n+/g, ' ')],
      ['paragraphs run together with no space (textContent)', (text) => text.replace(/\n/g, '')],
      ['lines joined by blank lines', (text) => text.split('\n').join('\n\n')],
      ['extra spaces and indented lines', (text) => text.replace(/ /g, '   ').replace(/^/gm, '  ')],
      ['no-break spaces', (text) => text.replace(/ /g, '\u00a0')],
      ['bold labels dropped to text, a no-break space after the colon', (text) => text.replace(/: /g, ':\u00a0')],
      ['an HTML note with bold labels and a linked email, read as textContent', asHtmlNoteText],
      ['CRLF line endings', (text) => text.replace(/\n/g, '\r\n')],
      ['labels in upper case', (text) => relabel(text, (label) => label.toUpperCase())],
      ['labels in lower case', (text) => relabel(text, (label) => label.toLowerCase())],
      ['middle dots turned into bullets', (text) => text.replace(/·/g, '•')],
      ['middle dots turned into hyphens', (text) => text.replace(/·/g, '-')],
    ];

    it.each(variants)('%s', (_, rerender) => {
      const text = rerender(original);
      expect(looksLikeBrief(text)).toBe(true);
      expect(parseBrief(text, installed)).toEqual(readBack(completeSalesValues()));
    });
  });

  it('reads a multi-line value on one line when the host collapsed its line breaks', () => {
    const text = brief({ values: { ...completeSalesValues(), scope: 'CRM setup\nTwo trainings' } }).replace(/\n/g, ' ');
    expect(valueOf(parseBrief(text, installed), 'scope')).toBe('CRM setup Two trainings');
  });

  // Hosts pad lines with spaces on either side of a line break.
  it('keeps the lines of a multi-line value when the host pads lines with trailing spaces', () => {
    const text = brief({ values: { ...completeSalesValues(), scope: 'CRM setup\nTwo trainings' } }).replace(/\n/g, '  \n');
    expect(valueOf(parseBrief(text, installed), 'scope')).toBe('CRM setup\nTwo trainings');
  });

  it('never reads a brief that lost a field label as complete', () => {
    const parsed = parseBrief(brief().replace('Promised timeline: ', ''), installed);
    expect(valueOf(parsed, 'timeline')).toBeUndefined();
    expect(parsed).toMatchObject({ declared: { filled: 6, required: 6 }, readable: false, complete: false });
  });

  it('reads the trailer but no fields of a brief whose template is not installed here', () => {
    const others = installed.filter((candidate) => candidate.id !== 'sales-to-onboarding');
    expect(parseBrief(brief(), others)).toMatchObject({
      templateId: 'sales-to-onboarding',
      record: dealRef(),
      fields: undefined,
      readable: false,
      complete: false,
    });
  });

  it('finds no brief in an ordinary note', () => {
    const note = 'Call with Rita: Next owner: Dana. Baton, please follow up · v1';
    expect(looksLikeBrief(note)).toBe(false);
    expect(parseBrief(note, installed)).toBeUndefined();
    expect(looksLikeBrief(brief())).toBe(true);
  });

  it('reads two notes independently of each other', () => {
    const delivery = installed.find((candidate) => candidate.id === 'onboarding-to-delivery')!;
    const task = { host: 'clickup', objectType: 'task', recordId: '86c1f2a' } as const;
    const deliveryText = renderBrief({
      template: delivery,
      values: { kickoffDate: '2026-12-01', successCriteria: 'Live in 2 weeks', stakeholders: 'Rita', openRisks: 'Data', deliveryOwner: 'Lee Park' },
      record: task,
      at,
    });
    const sales = parseBrief(brief(), installed);
    const onboarding = parseBrief(deliveryText, installed);
    expect(onboarding).toMatchObject({ templateId: 'onboarding-to-delivery', record: task, nextOwner: 'Lee Park', complete: true });
    expect(valueOf(onboarding, 'kickoffDate')).toBe('2026-12-01');
    expect(parseBrief(brief(), installed)).toEqual(sales);
  });

  it('reads back markup in a note as plain strings, running none of it', () => {
    const values = {
      ...completeSalesValues(),
      clientGoals: '<script>window.x=1</script>',
      scope: '<img src=x onerror=alert(1)>',
      timeline: '**bold**',
      objections: 'Next owner: evil',
    };
    expect(parseBrief(brief({ values }), installed)).toEqual(readBack(values));
    expect('x' in window).toBe(false);
  });

  it('known limit: a value holding the next field’s label text is split at that label', () => {
    const values = { ...completeSalesValues(), decisionMaker: 'Rita Ng. Next owner: evil' };
    const parsed = parseBrief(brief({ values }), installed);
    expect(valueOf(parsed, 'decisionMaker')).toBe('Rita Ng.');
    expect(valueOf(parsed, 'nextOwner')).toBe('evil\nNext owner: dana@example.com');
    expect(parsed?.nextOwner).toBe('dana@example.com');
  });

  // The sign-off is the last "Handed off by" of the text, not one a value mentions.
  it('keeps a value that mentions "Handed off by" and reads the sender from the sign-off', () => {
    const values = { ...completeSalesValues(), specialTerms: 'Handed off by marketing last week' };
    expect(parseBrief(brief({ values }), installed)).toEqual(readBack(values));
  });
});
