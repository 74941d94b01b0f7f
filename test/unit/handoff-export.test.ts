import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, handoffRow, handoffRows, toCsv, toExportDocument } from '../../lib/handoff-export';
import { parseHandoffFile } from '../../lib/handoff-import';
import type { Revision, StoredHandoff } from '../../lib/stored';
import { completeSalesValues, dealRef, salesToOnboarding, template } from './helpers';

const T0 = Date.UTC(2026, 10, 26, 9, 30);
const sales = salesToOnboarding();

function handoff(recordId: string, values: Record<string, string>, overrides: Partial<StoredHandoff> = {}): StoredHandoff {
  return {
    ...dealRef(recordId),
    templateId: sales.id,
    templateVersion: 1,
    values,
    typedAt: Object.fromEntries(Object.keys(values).map((field) => [field, T0])),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** RFC 4180 records back into cells, the way a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('the handoffs page rows', () => {
  it('says how complete a handoff is, where it stands and who owns the next stage', () => {
    const row = handoffRow(handoff('1001', { clientGoals: 'Grow', scope: 'CRM', nextOwner: ' dana@example.com ' }), sales);
    expect(row).toMatchObject({
      hostName: 'HubSpot',
      record: '1001',
      templateName: 'Sales → Onboarding',
      completeness: '3 of 6 required',
      stateLabel: 'draft',
      nextOwner: 'dana@example.com',
    });
  });

  it('shows a complete, sent-back handoff by its title and answer', () => {
    const answered = handoff('1002', completeSalesValues(), { recordTitle: 'Acme renewal', sentAt: T0, answer: { decision: 'sentBack', at: T0, reason: 'No scope' } });
    expect(handoffRow(answered, sales)).toMatchObject({ record: 'Acme renewal', completeness: '6 of 6 required', stateLabel: 'sent back' });
  });

  it('names a template that is not installed by its id', () => {
    const row = handoffRow(handoff('1003', { notes: 'x' }, { templateId: 'legacy' }), undefined);
    expect(row).toMatchObject({ templateName: 'legacy', completeness: 'template not installed', progress: undefined, nextOwner: '' });
  });
});

describe('CSV export', () => {
  it('quotes cells holding commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('')).toBe('');
  });

  it('turns a value a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","click")')).toBe(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('dana@example.com')).toBe('dana@example.com');
  });

  it('writes one row per handoff with the fixed columns, then one column per template field', () => {
    const rows = handoffRows([handoff('1001', { ...completeSalesValues(), objections: '=cmd|calc', scope: 'CRM, "all" of it' })], [sales]);
    const [header, line, ...rest] = parseCsv(toCsv(rows));
    expect(rest).toEqual([]);
    expect(header!.slice(0, 11)).toEqual([
      'host', 'objectType', 'recordId', 'record title', 'record url', 'template id', 'template name', 'state', 'completeness', 'next owner', 'updatedAt',
    ]);
    expect(header!.slice(11)).toEqual(sales.fields.map((field) => `${field.label} [sales-to-onboarding:${field.id}]`));
    const cells = Object.fromEntries(header!.map((name, index) => [name, line![index]]));
    expect(cells).toMatchObject({
      host: 'hubspot',
      recordId: '1001',
      'template name': 'Sales → Onboarding',
      state: 'ready',
      completeness: '6 of 6 required',
      'next owner': 'dana@example.com',
      updatedAt: '2026-11-26T09:30:00.000Z',
      'Objections and risks [sales-to-onboarding:objections]': "'=cmd|calc",
      'Scope and deliverables [sales-to-onboarding:scope]': 'CRM, "all" of it',
    });
  });

  it('keeps two templates apart, and lists fields of a template that is not installed by id', () => {
    const notes = template({ id: 'account-notes', name: 'Account notes', fields: [{ id: 'notes', label: 'Notes', kind: 'longText' }] });
    const rows = handoffRows(
      [
        handoff('1001', { clientGoals: 'Grow' }),
        handoff('1001', { notes: 'Call Fridays' }, { templateId: 'account-notes' }),
        handoff('1002', { oldField: 'kept' }, { templateId: 'legacy' }),
      ],
      [sales, notes],
    );
    const [header, goals, accountNotes, legacy] = parseCsv(toCsv(rows));
    const column = (name: string) => header!.indexOf(name);
    expect(header!.slice(11, 12)).toEqual(['Notes [account-notes:notes]']);
    expect(header).toContain('oldField [legacy:oldField]');
    expect(goals![column('Client goals [sales-to-onboarding:clientGoals]')]).toBe('Grow');
    expect(goals![column('Notes [account-notes:notes]')]).toBe('');
    expect(accountNotes![column('Notes [account-notes:notes]')]).toBe('Call Fridays');
    expect(legacy![column('oldField [legacy:oldField]')]).toBe('kept');
    expect(legacy![column('completeness')]).toBe('template not installed');
  });

  it('ends every line with CRLF', () => {
    const csv = toCsv(handoffRows([handoff('1001', { clientGoals: 'Grow' })], [sales]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });
});

describe('JSON export', () => {
  const revision: Revision = { ...dealRef('1001'), id: 7, templateId: sales.id, field: 'clientGoals', oldValue: '', newValue: 'Grow', startedAt: T0, at: T0 };

  it('is a versioned document that reads back as the same handoffs and log', () => {
    const handoffs = [handoff('1001', { clientGoals: 'Grow' }, { recordTitle: 'Acme', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-3/1001' })];
    const document = toExportDocument(handoffs, [revision], new Date(T0));
    expect(document).toMatchObject({ format: 'baton-handoffs', version: 1, exportedAt: '2026-11-26T09:30:00.000Z' });
    const parsed = parseHandoffFile(JSON.stringify(document));
    expect(parsed).toEqual({ ok: true, document });
  });

  it('leaves out the local ids of log entries: the importing store numbers its own', () => {
    const document = toExportDocument([], [revision], new Date(T0));
    expect(document.revisions[0]).not.toHaveProperty('id');
  });

  it('names files by the local day', () => {
    expect(exportFileName('json', new Date(2026, 10, 26, 23, 59))).toBe('baton-handoffs-2026-11-26.json');
    expect(exportFileName('csv', new Date(2027, 0, 5))).toBe('baton-handoffs-2027-01-05.csv');
  });
});
