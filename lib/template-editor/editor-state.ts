import * as z from 'zod/mini';
import type { HostApp } from '../record';
import { TemplateSchema, type Template, type TemplateField } from '../template';
import { gateSource, gateTerms, type GateTerm } from './gate-terms';
import { problemWords, type ProblemWords } from './problem-words';

// What the template editor holds while someone edits: the template in a shape a form can bind
// to (gates as terms, every list entry with a key that survives reordering), and the way back
// through TemplateSchema, so the editor can never save what an import would refuse.

export interface TargetDraft {
  key: string;
  host: HostApp;
  objectType: string;
  gates: GateTerm[];
}

export type FieldDraft = Omit<TemplateField, 'options'> & {
  key: string;
  /** Edited as lines; blank lines and the spaces around each option are dropped on save. */
  options: string[];
  /**
   * The id this field has in the version the draft was opened from (none for a field added
   * here): a different id on save is a rename, recorded in the field's renamedFrom.
   */
  savedId?: string;
};

export interface ReceiptDraft {
  key: string;
  text: string;
}

export interface EditorDraft {
  id: string;
  name: string;
  description: string;
  /** The version this draft was opened from; 0 for a new template. */
  baseVersion: number;
  archived: boolean;
  ownerField: string;
  /** Team-wide: every quality flag blocks the move (TemplateSchema.qualityBlocks). */
  qualityBlocks: boolean;
  targets: TargetDraft[];
  fields: FieldDraft[];
  receipt: ReceiptDraft[];
}

export interface DraftProblem {
  /** Where in the template, e.g. ["fields", 2, "label"]: which input shows it, never shown itself. */
  path: PropertyKey[];
  message: string;
  /** The problem in words a person reads (lib/template-editor/problem-words.ts). */
  words: ProblemWords;
}

export type DraftResult = { ok: true; template: Template } | { ok: false; problems: DraftProblem[] };

let nextKey = 0;
/** A key for one list entry of this page; never stored. */
export function newKey(): string {
  nextKey += 1;
  return `k${nextKey}`;
}

export function draftFromTemplate(template: Template): EditorDraft {
  return {
    id: template.id,
    name: template.name,
    description: template.description ?? '',
    baseVersion: template.version,
    archived: template.archived ?? false,
    ownerField: template.ownerField ?? '',
    qualityBlocks: template.qualityBlocks ?? false,
    targets: template.appliesTo.map((target) => ({
      key: newKey(),
      host: target.host,
      objectType: target.objectType,
      gates: gateTerms(target.gateStages),
    })),
    fields: template.fields.map((field) => ({ ...field, key: newKey(), options: field.options ?? [], savedId: field.id })),
    receipt: template.receipt.map((text) => ({ key: newKey(), text })),
  };
}

/** The template this draft would save as `version`, or every problem with its path. */
export function templateFromDraft(draft: EditorDraft, version: number): DraftResult {
  const raw = {
    id: draft.id,
    name: draft.name.trim(),
    ...optionalText('description', draft.description),
    version,
    ...(draft.archived ? { archived: true } : {}),
    appliesTo: draft.targets.map(({ host, objectType, gates }) => ({
      host,
      objectType: objectType.trim(),
      ...(gateSource(gates) === undefined ? {} : { gateStages: gateSource(gates) }),
    })),
    fields: draft.fields.map(fieldFromDraft),
    ...optionalText('ownerField', draft.ownerField),
    ...(draft.qualityBlocks ? { qualityBlocks: true } : {}),
    receipt: draft.receipt.map((item) => item.text.trim()),
  };
  const parsed = TemplateSchema.safeParse(raw);
  if (parsed.success) return { ok: true, template: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue: z.core.$ZodIssue) => ({ path: issue.path, message: issue.message, words: problemWords(issue as never, raw) })),
  };
}

function fieldFromDraft({ key: _key, savedId, renamedFrom, options, help, placeholder, patternHint, requiredWhen, quality, private: secret, ...field }: FieldDraft) {
  const listed = options.map((option) => option.trim()).filter(Boolean);
  const earlierIds = earlierIdsOf(field.id, savedId, renamedFrom);
  return {
    ...field,
    label: field.label.trim(),
    ...optionalText('help', help),
    ...optionalText('placeholder', placeholder),
    ...optionalText('patternHint', patternHint),
    ...(field.kind === 'select' || listed.length > 0 ? { options: listed } : {}),
    ...(requiredWhen?.field ? { requiredWhen } : {}),
    ...(quality && (quality.checks.length > 0 || quality.minLength !== undefined || quality.blocking) ? { quality } : {}),
    ...(secret ? { private: true } : {}),
    ...(earlierIds.length > 0 ? { renamedFrom: earlierIds } : {}),
  };
}

/** Every id the field had before, oldest first, this draft's rename included; never its own id. */
function earlierIdsOf(id: string, savedId: string | undefined, renamedFrom: readonly string[] = []): string[] {
  const earlier = savedId !== undefined && savedId !== id ? [...renamedFrom, savedId] : [...renamedFrom];
  return [...new Set(earlier)].filter((other) => other !== id);
}

function optionalText<K extends string>(key: K, text: string | undefined): Partial<Record<K, string>> {
  const trimmed = text?.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

/** An id for a new template or field from its label: "Next owner" -> "nextOwner", unique among `taken`. */
export function idFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const words = label.normalize('NFKD').replace(/[^a-zA-Z0-9 ]/g, ' ').trim().split(/\s+/).filter(Boolean);
  const camel = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join('');
  const base = (/^[a-zA-Z]/.test(camel) ? camel : fallback).slice(0, 56);
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}${suffix}`;
  return id;
}
