import * as z from 'zod/mini';
import { templateList } from './import-limits';
import { HARD_MAX_LENGTH } from './limits';
import { HOST_APPS } from './record';
import { patternProblem } from './safe-pattern';

// zod/mini, like the message schemas: one flavour of Zod in the whole extension.

export const FIELD_KINDS = [
  'text',
  'longText',
  'select',
  'date',
  'number',
  'url',
  'email',
  'checkbox',
] as const;

/**
 * Deterministic answer-quality checks (AI issue): each flags a vague answer under the field.
 * short: fewer characters than minLength; placeholder: "TBD", "n/a", "soon"...; date: a timeline
 * with no date or duration in it; person: not a name or an email (or, with a team server, not a
 * member of the team).
 */
export const QUALITY_CHECKS = ['short', 'placeholder', 'date', 'person'] as const;

/** Longest value a field may hold unless its template says otherwise. */
export const DEFAULT_MAX_LENGTH = { short: 500, long: 10_000 } as const;

/** The receiver's checklist when a template names none. */
export const DEFAULT_RECEIPT = ['I have read the brief', 'Kickoff scheduled', 'Scope confirmed with the client'];

const identifier = z.string().check(
  z.regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/, 'expected letters, digits, "-" or "_", starting with a letter'),
);

/**
 * A pattern a template brings (import, team server, editor): compilable, and never one that can
 * backtrack for seconds on a value or a stage label (lib/safe-pattern.ts). `label` names the
 * setting in the message, since an import shows the message away from the editor.
 */
function compilableRegex(label: string) {
  return z.string().check(
    z.minLength(1),
    z.maxLength(200),
    z.refine(isCompilableRegex, { error: 'expected a valid regular expression', params: { problem: 'badPattern' } }),
    z.superRefine((source, ctx) => {
      const problem = isCompilableRegex(source) ? patternProblem(source) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}: this pattern ${problem}`, input: source });
    }),
  );
}

export const FieldSchema = z.object({
  id: identifier,
  label: z.string().check(z.minLength(1), z.maxLength(120)),
  kind: z.enum(FIELD_KINDS),
  required: z._default(z.boolean(), false),
  /** Required only while another field holds this value (checkbox: "true"). */
  requiredWhen: z.optional(z.object({ field: identifier, equals: z.string() })),
  options: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), templateList(100))),
  help: z.optional(z.string().check(z.maxLength(300))),
  placeholder: z.optional(z.string().check(z.maxLength(120))),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(HARD_MAX_LENGTH))),
  /** Extra shape a value must have, e.g. "one person" for an owner. */
  pattern: z.optional(compilableRegex('Field pattern')),
  patternHint: z.optional(z.string().check(z.maxLength(120))),
  /** Which quality checks flag this field's answer; flags never block a move unless blocking is set. */
  quality: z.optional(
    z.object({
      checks: z.array(z.enum(QUALITY_CHECKS)).check(z.maxLength(QUALITY_CHECKS.length)),
      minLength: z.optional(z.int().check(z.positive(), z.lte(1000))),
      blocking: z.optional(z.boolean()),
    }),
  ),
  /** Kept inside the team: never sent to an AI provider and never written into the brief. */
  private: z.optional(z.boolean()),
  /**
   * The ids this field had in earlier versions, oldest first (renamed in the editor): a handoff
   * moving to this version keeps what was typed under them (components/storage/handoffs.ts).
   */
  renamedFrom: z.optional(z.array(identifier).check(templateList(20))),
});

export const HOST_TARGET = z.object({
  host: z.enum(HOST_APPS),
  objectType: identifier,
  /** Stage labels this template gates, as a case-insensitive regular expression. */
  gateStages: z.optional(compilableRegex('Guarded stages')),
});

export const TemplateSchema = z
  .object({
    id: identifier,
    name: z.string().check(z.minLength(1), z.maxLength(80)),
    /** What the handoff is for, shown to whoever edits or picks the template. */
    description: z.optional(z.string().check(z.maxLength(500))),
    version: z.int().check(z.positive()),
    /** Retired by its editor: applies to no record any more; its versions and the handoffs typed on it stay stored. */
    archived: z.optional(z.boolean()),
    appliesTo: z.array(HOST_TARGET).check(z.minLength(1), templateList(20)),
    fields: z.array(FieldSchema).check(z.minLength(1), templateList(60)),
    /** The field naming the one person who owns the next stage. */
    ownerField: z.optional(identifier),
    /**
     * Team-wide: every quality flag blocks the move, as if each field's checks were marked
     * blocking. Stricter answers, at the price of reps stuck on a check that misjudges a good one.
     */
    qualityBlocks: z.optional(z.boolean()),
    /** What the next owner confirms before accepting the handoff. */
    receipt: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(templateList(20)), DEFAULT_RECEIPT),
  })
  .check(z.superRefine(checkFieldReferences));

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateField = z.infer<typeof FieldSchema>;
export type FieldKind = (typeof FIELD_KINDS)[number];
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
/** What a user typed, field id to value. Every kind is stored as text ("true" for a ticked box). */
export type FieldValues = Record<string, string>;

type TemplateShape = Omit<Template, 'fields'> & { fields: TemplateField[] };

/**
 * What a reference problem is, for the words a person reads (lib/template-editor/problem-words.ts
 * turns it into a sentence in their language); `message` stays for logs and the team server.
 */
export type ReferenceProblem =
  | { problem: 'unknownField'; id: string }
  | { problem: 'duplicateId'; id: string }
  | { problem: 'needsOptions' }
  | { problem: 'dependsOnItself' }
  /** A pattern (a gate, a field's shape) that is not a regular expression at all. */
  | { problem: 'badPattern' }
  | { problem: 'idOfRenamedField'; id: string; label: string };

type ReferenceIssue = { code: 'custom'; message: string; path: PropertyKey[]; input: unknown; params: ReferenceProblem };

function checkFieldReferences(template: TemplateShape, ctx: { addIssue: (issue: ReferenceIssue) => void }): void {
  if (template.ownerField && !template.fields.some((field) => field.id === template.ownerField)) {
    const params = { problem: 'unknownField', id: template.ownerField } as const;
    ctx.addIssue({ code: 'custom', message: `no field with id "${template.ownerField}"`, path: ['ownerField'], input: template, params });
  }
  // An id a renamed field once had stays its own: another field taking it would receive the
  // answers typed under it when a handoff moves to this version.
  const earlier = new Map(template.fields.flatMap((field) => (field.renamedFrom ?? []).map((id) => [id, field] as const)));
  const seen = new Set<string>();
  template.fields.forEach((field, index) => {
    const issue = (message: string, params: ReferenceProblem, ...path: PropertyKey[]) =>
      ctx.addIssue({ code: 'custom', message, path: ['fields', index, ...path], input: field, params });
    if (seen.has(field.id)) issue(`duplicate field id "${field.id}"`, { problem: 'duplicateId', id: field.id }, 'id');
    seen.add(field.id);
    const renamed = earlier.get(field.id);
    if (renamed !== undefined && renamed !== field) {
      issue(`"${field.id}" was the id of "${renamed.label}" before it was renamed`, { problem: 'idOfRenamedField', id: field.id, label: renamed.label }, 'id');
    }
    if (field.kind === 'select' && !field.options) issue('a select field needs options', { problem: 'needsOptions' }, 'options');
    const dependsOn = field.requiredWhen?.field;
    if (dependsOn === field.id) issue('a field cannot depend on itself', { problem: 'dependsOnItself' }, 'requiredWhen', 'field');
    else if (dependsOn && !template.fields.some((other) => other.id === dependsOn)) {
      issue(`no field with id "${dependsOn}"`, { problem: 'unknownField', id: dependsOn }, 'requiredWhen', 'field');
    }
  });
}

function isCompilableRegex(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

export function maxLengthOf(field: TemplateField): number {
  if (field.maxLength) return field.maxLength;
  return field.kind === 'longText' ? DEFAULT_MAX_LENGTH.long : DEFAULT_MAX_LENGTH.short;
}

/**
 * The field as the template's team-wide rules make it: with `qualityBlocks`, its quality checks
 * block the move as if marked blocking (what the panel says under a flag must match the gate).
 */
export function withTemplateRules(template: Pick<Template, 'qualityBlocks'>, field: TemplateField): TemplateField {
  if (!template.qualityBlocks || !field.quality || field.quality.blocking) return field;
  return { ...field, quality: { ...field.quality, blocking: true } };
}
