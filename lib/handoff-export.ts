import { completeness } from './completeness';
import { handoffState, STATE_LABELS, type HandoffState } from './handoff-state';
import { EXPORT_FORMAT, EXPORT_VERSION, handoffId, type HandoffDocument } from './handoff-import';
import { ownEntry } from './own-key';
import { HOST_NAMES } from './record';
import type { Revision, StoredHandoff } from './stored';
import type { Template } from './template';

// The handoffs page's rows, and its two export formats. Everything here is a pure function
// of what the store holds, so the page, the CSV and the tests agree on every column.


/** One row of the handoffs page and of the CSV. */
export interface HandoffRow {
  id: string;
  handoff: StoredHandoff;
  template: Template | undefined;
  hostName: string;
  /** The record's title in its app, or its id when the title was never read. */
  record: string;
  templateName: string;
  /** Required fields filled and required; undefined when the template is not installed. */
  progress: { filled: number; required: number } | undefined;
  completeness: string;
  state: HandoffState;
  stateLabel: string;
  /** The value of the template's owner field. */
  nextOwner: string;
}

export function handoffRows(handoffs: StoredHandoff[], templates: Template[]): HandoffRow[] {
  const byId = new Map(templates.map((template) => [template.id, template]));
  return handoffs.map((handoff) => handoffRow(handoff, byId.get(handoff.templateId)));
}

export function handoffRow(handoff: StoredHandoff, template: Template | undefined): HandoffRow {
  const state = handoffState(handoff, template);
  const progress = template ? completeness(template, handoff.values) : undefined;
  return {
    id: handoffId(handoff),
    handoff,
    template,
    hostName: HOST_NAMES[handoff.host],
    record: handoff.recordTitle ?? handoff.recordId,
    templateName: template?.name ?? handoff.templateId,
    progress: progress && { filled: progress.filled, required: progress.required },
    completeness: progress ? `${progress.filled} of ${progress.required} required` : 'template not installed',
    state,
    stateLabel: STATE_LABELS[state],
    nextOwner: (template?.ownerField && ownEntry(handoff.values, template.ownerField)?.trim()) || '',
  };
}

const FIXED_COLUMNS: [header: string, cell: (row: HandoffRow) => string][] = [
  ['host', (row) => row.handoff.host],
  ['objectType', (row) => row.handoff.objectType],
  ['recordId', (row) => row.handoff.recordId],
  ['record title', (row) => row.handoff.recordTitle ?? ''],
  ['record url', (row) => row.handoff.recordUrl ?? ''],
  ['template id', (row) => row.handoff.templateId],
  ['template name', (row) => row.templateName],
  ['state', (row) => row.stateLabel],
  ['completeness', (row) => row.completeness],
  ['next owner', (row) => row.nextOwner],
  ['updatedAt', (row) => new Date(row.handoff.updatedAt).toISOString()],
];

interface FieldColumn {
  templateId: string;
  fieldId: string;
  header: string;
}

/**
 * One line per handoff (RFC 4180: CRLF line ends, quoted where needed). After the fixed
 * columns comes one column per field of every template present, headed
 * `Label [templateId:fieldId]`: labels for people, the ids so two templates that both ask
 * for "Notes" stay two columns. A handoff fills only its own template's columns.
 */
export function toCsv(rows: HandoffRow[]): string {
  const fields = fieldColumns(rows);
  const header = [...FIXED_COLUMNS.map(([name]) => name), ...fields.map((column) => column.header)];
  const lines = rows.map((row) => [
    ...FIXED_COLUMNS.map(([, cell]) => cell(row)),
    ...fields.map((column) => (column.templateId === row.handoff.templateId ? (ownEntry(row.handoff.values, column.fieldId) ?? '') : '')),
  ]);
  return csvTable([header, ...lines]);
}

/** Lines of cells as CSV text (RFC 4180, CRLF line ends, each cell made safe by csvCell). */
export function csvTable(lines: string[][]): string {
  return lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

/** Each template's fields in template order, then values of fields it no longer has. */
function fieldColumns(rows: HandoffRow[]): FieldColumn[] {
  const byTemplate = new Map<string, { template: Template | undefined; stored: Set<string> }>();
  for (const row of rows) {
    const entry = byTemplate.get(row.handoff.templateId) ?? { template: row.template, stored: new Set<string>() };
    for (const fieldId of Object.keys(row.handoff.values)) entry.stored.add(fieldId);
    byTemplate.set(row.handoff.templateId, entry);
  }
  return [...byTemplate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([templateId, { template, stored }]) => {
      const known = template?.fields ?? [];
      const extra = [...stored].filter((fieldId) => !known.some((field) => field.id === fieldId)).sort();
      return [...known.map((field) => ({ id: field.id, label: field.label })), ...extra.map((id) => ({ id, label: id }))].map((field) => ({
        templateId,
        fieldId: field.id,
        header: `${field.label} [${templateId}:${field.id}]`,
      }));
    });
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a
 * formula (OWASP "CSV injection"): such cells get a leading apostrophe, which shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The JSON export: the drafts as stored, and their change logs without this store's ids. */
export function toExportDocument(handoffs: StoredHandoff[], revisions: Revision[], exportedAt: Date): HandoffDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    handoffs,
    revisions: revisions.map(({ id: _localId, ...revision }) => revision),
  };
}

/** "baton-handoffs-2026-11-26.json", dated in the user's own time zone. */
export function exportFileName(extension: 'json' | 'csv', date: Date, name = 'baton-handoffs'): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `${name}-${day}.${extension}`;
}
