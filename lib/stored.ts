import * as z from 'zod/mini';
import { HARD_MAX_LENGTH } from './limits';
import { RecordRefSchema } from './record-schema';

// The shapes Baton keeps in IndexedDB. Types come from here; components/storage/db.ts indexes them.

export const FieldValuesSchema = z.record(z.string(), z.string().check(z.maxLength(HARD_MAX_LENGTH)));

/** One record's draft for one template. Keyed by host + object type + record id + template. */
export const StoredHandoffSchema = z.extend(RecordRefSchema, {
  templateId: z.string(),
  templateVersion: z.int(),
  values: FieldValuesSchema,
  /** When each field's value was typed: the newest value wins, in any tab and on import. */
  typedAt: z.record(z.string(), z.number()),
  recordTitle: z.optional(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
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
});
export type Revision = z.infer<typeof RevisionSchema>;

/** Keystrokes into the same field closer together than this make one revision. */
export const TYPING_BURST_MS = 60_000;
