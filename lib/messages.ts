import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { HARD_MAX_LENGTH } from './limits';
import { RecordRefSchema, type RecordRef } from './record';

// Every message has one schema here; the receiving side parses it and checks the sender
// (isOwnExtension below) before acting on it. This file is in the content script: keep the
// schemas small (zod/mini) and free of template code.

// Zod compiles object parsers with new Function; extension CSP forbids that, and finding out
// costs the host page's main thread ~2 ms per parse. Interpret instead.
z.config({ jitless: true });

const ChecklistStatusSchema = z.object({
  templateId: z.string(),
  templateName: z.string(),
  gateStages: z.optional(z.string()),
  required: z.int(),
  filled: z.int(),
  missing: z.array(z.object({ fieldId: z.string(), label: z.string() })),
});

/** What a tab's guard and badge need of one record. */
export const RecordStatusSchema = z.object({
  ref: RecordRefSchema,
  checklists: z.array(ChecklistStatusSchema),
});
export type RecordStatus = z.infer<typeof RecordStatusSchema>;

export const SaveFieldSchema = z.object({
  ref: RecordRefSchema,
  templateId: z.string(),
  fieldId: z.string(),
  value: z.string().check(z.maxLength(HARD_MAX_LENGTH)),
  /**
   * When the user typed it (panel clock). Keystrokes are sent without waiting for each other,
   * so the store keeps the newest by this time, never the last to arrive.
   */
  typedAt: z.number(),
  /** The host's name for the record (deal title), kept for lists and briefs. Plain text. */
  recordTitle: z.optional(z.string().check(z.maxLength(300))),
});
export type SaveField = z.infer<typeof SaveFieldSchema>;

export interface BatonProtocol {
  /** Content script or panel -> background: the record's checklist state (installs templates on first run). */
  getRecordStatus(ref: RecordRef): RecordStatus;
  /** Panel -> background: one keystroke's worth of draft, durable when this resolves. */
  saveField(input: SaveField): { savedAt: number };
  /** Background -> tabs: a record's checklist changed (in any tab). */
  recordChanged(status: RecordStatus): void;
}

export const messenger = defineExtensionMessaging<BatonProtocol>();

/**
 * Only our own extension may talk to us. Pages cannot reach runtime messaging without
 * `externally_connectable`, but the check costs nothing and survives a manifest change.
 */
export function isOwnExtension(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}
