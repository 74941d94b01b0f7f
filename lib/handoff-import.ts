import * as z from 'zod/mini';
import { ownEntry } from './own-key';
import { recordLabel, type RecordRef } from './record';
import { RevisionSchema, StoredHandoffSchema, type Answer, type Revision, type StoredHandoff } from './stored';
import type { Template } from './template';
import { atMost, checkEntries, issueLines, listedProblems } from './import-limits';

// The handoffs page's file format, and how a file is merged into the local store. Merging
// follows the rule saveFieldValue keeps between tabs: per field, the newest typed value wins.

export const EXPORT_FORMAT = 'baton-handoffs';
export const EXPORT_VERSION = 1;
/** A year of a busy team's drafts is a few MB; anything past this is not an export of ours. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** About as many entries as MAX_IMPORT_BYTES can hold (the smallest valid entry is ~200 bytes). */
export const MAX_IMPORT_ENTRIES = 50_000;

export const HandoffDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  handoffs: z.array(StoredHandoffSchema),
  revisions: z.array(RevisionSchema),
});
export type HandoffDocument = z.infer<typeof HandoffDocumentSchema>;

const entryList = atMost(MAX_IMPORT_ENTRIES, (count) => `the file holds ${count} entries; an import takes at most ${MAX_IMPORT_ENTRIES}`);

/** The document with its entries not yet read: they are checked one at a time. */
const DocumentOutlineSchema = z.object({
  ...z.pick(HandoffDocumentSchema, { format: true, version: true, exportedAt: true }).shape,
  handoffs: z.array(z.unknown()).check(entryList),
  revisions: z.array(z.unknown()).check(entryList),
});

/** One handoff's identity as text: its record and its template. */
export function handoffId(handoff: RecordRef & { templateId: string }): string {
  return `${recordLabel(handoff)}/${handoff.templateId}`;
}

export type HandoffParseResult = { ok: true; document: HandoffDocument } | { ok: false; errors: string[] };

export function tooBigMessage(bytes: number): string {
  const mb = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;
  return `the file is ${mb(bytes)}; a handoffs export is at most ${mb(MAX_IMPORT_BYTES)}`;
}

/** Reads an export from the text of a file; every error names the path and the problem. */
export function parseHandoffFile(text: string): HandoffParseResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return failed([tooBigMessage(bytes)]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return failed([`not valid JSON: ${(error as Error).message}`]);
  }
  return parseHandoffDocument(raw);
}

export function parseHandoffDocument(raw: unknown): HandoffParseResult {
  // Format and version first: a template or a future export gets one clear sentence, not
  // a list of every field our version would expect.
  const header = headerProblem(raw);
  if (header) return failed([header]);
  const outline = DocumentOutlineSchema.safeParse(raw);
  if (!outline.success) return failed(issueLines(outline.error.issues));
  const problems: string[] = [];
  const handoffs = checkEntries('handoffs', StoredHandoffSchema, outline.data.handoffs, problems);
  const revisions = checkEntries('revisions', RevisionSchema, outline.data.revisions, problems);
  const unchecked = [handoffs.unchecked, revisions.unchecked].filter((note) => note !== undefined);
  if (problems.length > 0) return failed(problems, unchecked);
  const duplicates = duplicateHandoffs(handoffs.entries);
  if (duplicates.length > 0) return failed(duplicates);
  return { ok: true, document: { ...outline.data, handoffs: handoffs.entries, revisions: revisions.entries } };
}

function failed(problems: string[], notes: string[] = []): HandoffParseResult {
  return { ok: false, errors: [...listedProblems(problems), ...notes] };
}

function headerProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `expected a Baton handoffs export: a JSON object with "format": "${EXPORT_FORMAT}"`;
  }
  const { format, version } = raw as Record<string, unknown>;
  if (format !== EXPORT_FORMAT) {
    return `format: expected "${EXPORT_FORMAT}", found ${shown(format)}: this is not a Baton handoffs export`;
  }
  if (version !== EXPORT_VERSION) {
    return `version: this Baton reads version ${EXPORT_VERSION} of the handoffs export; the file is version ${shown(version)}`;
  }
  return undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Two entries for one record and template would each claim to be the draft. */
function duplicateHandoffs(handoffs: StoredHandoff[]): string[] {
  const first = new Map<string, number>();
  return handoffs.flatMap((handoff, index) => {
    const id = handoffId(handoff);
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return [];
    }
    return [`handoffs[${index}]: the same record and template as handoffs[${earlier}]`];
  });
}

/** What the local store holds of the records a file touches. */
export interface LocalHandoffs {
  handoffs: StoredHandoff[];
  revisions: Revision[];
  templates: Template[];
}

export interface FieldMerge {
  fieldId: string;
  /** The template's label, or the field id when the template is not installed. */
  label: string;
  local: string | undefined;
  imported: string;
}

export type MetadataName = 'record title' | 'record link' | 'sent time' | 'answer';

export interface PlannedHandoff {
  id: string;
  status: 'new' | 'updated' | 'unchanged';
  /** What will be stored: the local draft with the file's newer parts. */
  handoff: StoredHandoff;
  templateName: string;
  templateInstalled: boolean;
  /** Fields whose imported value is newer (or new here): applied. */
  updatedFields: FieldMerge[];
  /** Fields whose local value is newer: kept. */
  keptFields: FieldMerge[];
  unchangedFields: number;
  /** Metadata taken from the file because it is newer there. */
  metadata: MetadataName[];
}

export interface ImportPlan {
  /** The file, so the plan can be checked again against the store when it is applied. */
  incoming: HandoffDocument;
  handoffs: PlannedHandoff[];
  /** Revisions not yet in the local log, without local ids. */
  newRevisions: Revision[];
  duplicateRevisions: number;
  /** Templates the file's handoffs use that are not installed here. */
  missingTemplates: string[];
}

/** What importing `incoming` would change, field by field. Never overwrites a newer local value. */
export function planImport(local: LocalHandoffs, incoming: HandoffDocument, now = Date.now()): ImportPlan {
  const templates = new Map(local.templates.map((template) => [template.id, template]));
  const stored = new Map(local.handoffs.map((handoff) => [handoffId(handoff), handoff]));
  const handoffs = incoming.handoffs.map((imported) => {
    const handoff = notLaterThan(imported, now);
    const template = templates.get(handoff.templateId);
    const current = stored.get(handoffId(handoff));
    return current ? mergeHandoff(current, handoff, template) : newHandoff(handoff, template);
  });
  const missingTemplates = [...new Set(incoming.handoffs.map((handoff) => handoff.templateId))].filter((id) => !templates.has(id));
  return { incoming, handoffs, ...newRevisions(local.revisions, incoming.revisions), missingTemplates };
}

/** The handoffs a plan writes: new ones and those with newer imported parts. */
export function handoffsToWrite(plan: ImportPlan): StoredHandoff[] {
  return plan.handoffs.filter((planned) => planned.status !== 'unchanged').map((planned) => planned.handoff);
}

export interface PlanCounts {
  newHandoffs: number;
  updatedHandoffs: number;
  unchangedHandoffs: number;
  unchangedFields: number;
  updatedFields: number;
  keptFields: number;
  newRevisions: number;
  duplicateRevisions: number;
}

export function planCounts(plan: ImportPlan): PlanCounts {
  const withStatus = (status: PlannedHandoff['status']) => plan.handoffs.filter((planned) => planned.status === status);
  const existing = plan.handoffs.filter((planned) => planned.status !== 'new');
  return {
    newHandoffs: withStatus('new').length,
    updatedHandoffs: withStatus('updated').length,
    unchangedHandoffs: withStatus('unchanged').length,
    unchangedFields: existing.reduce((sum, planned) => sum + planned.unchangedFields, 0),
    updatedFields: existing.reduce((sum, planned) => sum + planned.updatedFields.length, 0),
    keptFields: existing.reduce((sum, planned) => sum + planned.keptFields.length, 0),
    newRevisions: plan.newRevisions.length,
    duplicateRevisions: plan.duplicateRevisions,
  };
}

function describeTemplate(handoff: StoredHandoff, template: Template | undefined) {
  const label = (fieldId: string) => template?.fields.find((field) => field.id === fieldId)?.label ?? fieldId;
  return { label, templateName: template?.name ?? handoff.templateId, templateInstalled: template !== undefined };
}

function newHandoff(handoff: StoredHandoff, template: Template | undefined): PlannedHandoff {
  const { label, ...names } = describeTemplate(handoff, template);
  const updatedFields = Object.entries(handoff.values).map(([fieldId, imported]) => ({ fieldId, label: label(fieldId), local: undefined, imported }));
  return { id: handoffId(handoff), status: 'new', handoff, ...names, updatedFields, keptFields: [], unchangedFields: 0, metadata: [] };
}

function mergeHandoff(local: StoredHandoff, incoming: StoredHandoff, template: Template | undefined): PlannedHandoff {
  const { label, ...names } = describeTemplate(incoming, template);
  const values = { ...local.values };
  const typedAt = { ...local.typedAt };
  const updatedFields: FieldMerge[] = [];
  const keptFields: FieldMerge[] = [];
  let unchangedFields = 0;
  for (const [fieldId, imported] of Object.entries(incoming.values)) {
    const current = ownEntry(local.values, fieldId);
    if (current === imported) {
      unchangedFields += 1;
      continue;
    }
    const change = { fieldId, label: label(fieldId), local: current, imported };
    // Strictly newer only: on a tie the value already here stays.
    if (current === undefined || (ownEntry(incoming.typedAt, fieldId) ?? -Infinity) > (ownEntry(local.typedAt, fieldId) ?? -Infinity)) {
      values[fieldId] = imported;
      const importedAt = ownEntry(incoming.typedAt, fieldId);
      if (importedAt !== undefined) typedAt[fieldId] = importedAt;
      updatedFields.push(change);
    } else {
      keptFields.push(change);
    }
  }
  const [newer, older] = incoming.updatedAt > local.updatedAt ? [incoming, local] : [local, incoming];
  const merged: StoredHandoff = {
    ...local,
    templateVersion: Math.max(local.templateVersion, incoming.templateVersion),
    values,
    typedAt,
    recordTitle: newer.recordTitle ?? older.recordTitle,
    recordUrl: newer.recordUrl ?? older.recordUrl,
    sentAt: latest(local.sentAt, incoming.sentAt),
    answer: newerAnswer(local.answer, incoming.answer),
    createdAt: Math.min(local.createdAt, incoming.createdAt),
    updatedAt: Math.max(local.updatedAt, incoming.updatedAt),
  };
  const metadata = changedMetadata(local, merged);
  const status = updatedFields.length > 0 || metadata.length > 0 ? 'updated' : 'unchanged';
  return { id: handoffId(local), status, handoff: status === 'updated' ? merged : local, ...names, updatedFields, keptFields, unchangedFields, metadata };
}

/**
 * Times from a clock ahead of this one count as now. Kept as they are, they would outrank
 * every keystroke typed here until that time came (saveFieldValue drops overtaken keystrokes):
 * the field would seem locked.
 */
function notLaterThan(handoff: StoredHandoff, now: number): StoredHandoff {
  const clamp = (time: number) => Math.min(time, now);
  const typedAt = Object.fromEntries(Object.entries(handoff.typedAt).map(([fieldId, time]) => [fieldId, clamp(time)]));
  return { ...handoff, typedAt, createdAt: clamp(handoff.createdAt), updatedAt: clamp(handoff.updatedAt) };
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

function newerAnswer(a: Answer | undefined, b: Answer | undefined): Answer | undefined {
  if (!a) return b;
  return b && b.at > a.at ? b : a;
}

function changedMetadata(before: StoredHandoff, after: StoredHandoff): MetadataName[] {
  const changed: [MetadataName, boolean][] = [
    ['record title', before.recordTitle !== after.recordTitle],
    ['record link', before.recordUrl !== after.recordUrl],
    ['sent time', before.sentAt !== after.sentAt],
    ['answer', before.answer !== after.answer],
  ];
  return changed.filter(([, differs]) => differs).map(([name]) => name);
}

/** The same change of the same field, already in the log (from an earlier import or export). */
function revisionKey(revision: Revision): string {
  const { host, objectType, recordId, templateId, field, at, newValue } = revision;
  return JSON.stringify([host, objectType, recordId, templateId, field, at, newValue]);
}

function newRevisions(local: Revision[], incoming: Revision[]): Pick<ImportPlan, 'newRevisions' | 'duplicateRevisions'> {
  const seen = new Set(local.map(revisionKey));
  const added: Revision[] = [];
  for (const revision of incoming) {
    const key = revisionKey(revision);
    if (seen.has(key)) continue;
    seen.add(key);
    // Ids are the other store's: this log numbers its own entries.
    const { id: _otherStoresId, ...entry } = revision;
    added.push(entry);
  }
  return { newRevisions: added, duplicateRevisions: incoming.length - added.length };
}
