import * as z from 'zod/mini';
import { boundedRecord } from './import-limits';
import { HARD_MAX_LENGTH } from './limits';
import { RecordRefSchema } from './record-schema';

// The shapes Baton keeps in IndexedDB. Types come from here; components/storage/db.ts indexes them.

/** More keys than any template has fields (60), for values of older versions; a bound for crafted files. */
const MAX_FIELDS_PER_HANDOFF = 200;

export const FieldValuesSchema = boundedRecord(z.record(z.string(), z.string().check(z.maxLength(HARD_MAX_LENGTH))), MAX_FIELDS_PER_HANDOFF);

export const ANSWERS = ['accepted', 'sentBack'] as const;

export const AnswerSchema = z.object({
  decision: z.enum(ANSWERS),
  by: z.optional(z.string().check(z.maxLength(200))),
  at: z.number(),
  /** Required when the handoff is sent back. */
  reason: z.optional(z.string().check(z.maxLength(HARD_MAX_LENGTH))),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** One record's draft for one template. Keyed by host + object type + record id + template. */
export const StoredHandoffSchema = z.extend(RecordRefSchema, {
  templateId: z.string(),
  templateVersion: z.int(),
  values: FieldValuesSchema,
  /** When each field's value was typed: the newest value wins, in any tab and on import. */
  typedAt: boundedRecord(z.record(z.string(), z.number()), MAX_FIELDS_PER_HANDOFF),
  recordTitle: z.optional(z.string().check(z.maxLength(300))),
  /** The record's page in its host app, for links on the handoffs page. */
  recordUrl: z.optional(z.url({ protocol: /^https$/ })),
  /** When the brief was last inserted into the record or copied: the handoff was sent. */
  sentAt: z.optional(z.number()),
  /** The next owner's answer, as read from the record's notes. */
  answer: z.optional(AnswerSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Safety net: the gated stage Baton saw the record in while this checklist was complete. */
  verifiedStage: z.optional(z.string().check(z.maxLength(200))),
  /** Safety net: when Baton first saw the record in a gated stage without this checklist complete. */
  unverified: z.optional(z.object({ stage: z.string().check(z.maxLength(200)), seenAt: z.number() })),
});
export type StoredHandoff = z.infer<typeof StoredHandoffSchema>;

/** One change of one field. Append-only, except that a typing burst amends its own entry. */
export const RevisionSchema = z.extend(RecordRefSchema, {
  id: z.optional(z.int()),
  templateId: z.string(),
  field: z.string(),
  oldValue: z.string().check(z.maxLength(HARD_MAX_LENGTH)),
  newValue: z.string().check(z.maxLength(HARD_MAX_LENGTH)),
  /** When the change started (the first keystroke of the burst). */
  startedAt: z.number(),
  at: z.number(),
  /** The panel that typed it: a burst amends only its own panel's entry. */
  editor: z.optional(z.string().check(z.maxLength(64))),
  /**
   * An entry of another kind: Baton saw the record in a gated stage without a complete
   * handoff (field, oldValue and newValue are empty). Missing fields by their labels.
   */
  unverifiedMove: z.optional(z.object({ stage: z.string().check(z.maxLength(200)), missing: z.array(z.string().check(z.maxLength(200))) })),
});
export type Revision = z.infer<typeof RevisionSchema>;

/**
 * The receiving side: the next owner's receipt checklist for one handoff, and their answer.
 * A local draft like any other, keyed like the handoff it answers.
 */
export const ReceiptSchema = z.extend(RecordRefSchema, {
  templateId: z.string(),
  /** Receipt items ticked, by their text. */
  checked: z.array(z.string().check(z.maxLength(200))),
  answer: z.optional(AnswerSchema),
  updatedAt: z.number(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** Keystrokes into the same field closer together than this make one revision. */
export const TYPING_BURST_MS = 60_000;

/** The template a record is handed off with, as its rep picked it here or a teammate did (team sync). */
export const TemplateChoiceSchema = z.extend(RecordRefSchema, { templateId: z.string(), at: z.number() });
export type TemplateChoice = z.infer<typeof TemplateChoiceSchema>;
