import * as z from 'zod/mini';
import { HARD_MAX_LENGTH, TITLE_MAX_LENGTH } from './limits';
import { OUTLINE_LIMITS } from './page-outline';
import { HOST_APPS } from './record';
import { RecordRefSchema } from './record-schema';

/** A stage label as a host shows it; longer text is not a stage. */
const STAGE_MAX_LENGTH = 200;

// One schema per message. The extension side parses every message crossing to or from a host
// page: what a content script sends, on arrival; what the worker sends to one, before it
// leaves. The content script itself holds no Zod: building and first running Zod's parsers
// costs a cold page ~5 ms, the whole injection budget. It checks the sender instead.

// Zod compiles parsers with new Function, which extension pages' CSP forbids: do not try.
z.config({ jitless: true });

const ChecklistStatusSchema = z.object({
  templateId: z.string(),
  templateName: z.string(),
  gateStages: z.optional(z.string()),
  required: z.int(),
  filled: z.int(),
  missing: z.array(z.object({ fieldId: z.string(), label: z.string() })),
  verifiedStage: z.optional(z.string()),
});

/** What a tab's guard and badge need of one record. */
export const RecordStatusSchema = z.object({
  ref: RecordRefSchema,
  /** Anything typed for this record yet: badges tell "not started" from "0 of 6". */
  started: z.boolean(),
  /**
   * When the store was read. Saves are answered concurrently, so statuses can reach a tab out
   * of order: a tab keeps the newest read, never the last to arrive.
   */
  asOf: z.number(),
  checklists: z.array(ChecklistStatusSchema),
});

/** A record the popup lists: plain text and a link the content script read from the page. */
export const PageRecordSchema = z.object({
  status: RecordStatusSchema,
  title: z.optional(z.string().check(z.maxLength(TITLE_MAX_LENGTH))),
  url: z.optional(z.url({ protocol: /^https$/ })),
  /** The stage the page shows the record in, when Baton can read it (the popup counts unverified moves). */
  stage: z.optional(z.string().check(z.maxLength(STAGE_MAX_LENGTH))),
});
export type PageRecord = z.infer<typeof PageRecordSchema>;
export const PageRecordsSchema = z.array(PageRecordSchema).check(z.maxLength(5000));

/** The toolbar icon's text for one tab: "4/6" on a record, the count of incomplete ones on a board. */
export const ToolbarBadgeSchema = z.object({
  text: z.string().check(z.maxLength(6)),
  complete: z.boolean(),
  /** What the tooltip says, as data: the worker words it (a page script's first i18n lookup costs milliseconds at injection). */
  summary: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('idle') }),
    z.object({ kind: z.literal('record'), filled: z.int().check(z.gte(0)), required: z.int().check(z.gte(0)) }),
    z.object({ kind: z.literal('listing'), open: z.int().check(z.gte(0)) }),
  ]),
});
export type ToolbarBadge = z.infer<typeof ToolbarBadgeSchema>;

/** The board's URL: an SPA may send it before the tab's own URL has changed. */
export const PageUrlSchema = z.url({ protocol: /^https$/ });

export const ComposerTextSchema = z.object({ text: z.string().check(z.minLength(1), z.maxLength(HARD_MAX_LENGTH)) });

/** The panel's brief and the record it is for: the worker passes it on only for the record the tab shows. */
export const InsertBriefSchema = z.extend(ComposerTextSchema, { ref: RecordRefSchema });

/** Whether the text went into the host's own composer; if not, why (the panel copies it instead). */
export const ComposerResultSchema = z.object({ inserted: z.boolean(), reason: z.optional(z.string().check(z.maxLength(300))) });
export type ComposerResult = z.infer<typeof ComposerResultSchema>;

/** Note texts read from a host page that look like Baton briefs or receipts. Host text: data only. */
export const PageNotesSchema = z.object({
  ref: RecordRefSchema,
  texts: z.array(z.string().check(z.maxLength(HARD_MAX_LENGTH))).check(z.maxLength(50)),
});
export type PageNotes = z.infer<typeof PageNotesSchema>;

/** The text of a record's notes, for Draft from notes (components/page/notes-text.ts). */
export const NotesTextSchema = z.array(z.string().check(z.maxLength(HARD_MAX_LENGTH))).check(z.maxLength(50));

export const MoveDialogAnswerSchema = z.object({ confirmed: z.boolean() });

/** Statuses of a board's records, each distinct set of checklists sent once (status-batch.ts). */
export const StatusBatchSchema = z.object({
  host: z.enum(HOST_APPS),
  objectType: z.string(),
  checklistSets: z.array(z.array(ChecklistStatusSchema)),
  asOf: z.number(),
  records: z.array(z.object({ recordId: z.string(), started: z.boolean(), set: z.int() })),
});

/** Records of one kind: a board's or list's. */
export const RecordKindSchema = z.object({ host: RecordRefSchema.shape.host, objectType: RecordRefSchema.shape.objectType });
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * What a board or list knows of its kind when it opens: the status of every record of the kind
 * the store holds a handoff for, and the checklists of a record with nothing stored, all read
 * together (`asOf`). Null where the kind holds more records than a board asks for at once.
 */
export const KindStatusesSchema = z.nullable(
  z.object({ stored: StatusBatchSchema, untouched: z.array(ChecklistStatusSchema), asOf: z.number() }),
);
export type KindStatuses = z.infer<typeof KindStatusesSchema>;
/** The most records of one kind a board is told of when it opens (as many as it may ask for at once). */
export const KIND_STATUSES_MAX = 5000;

/**
 * A board or list asks for all its records at once, one store read answering: records of one
 * kind, so the kind once, then only ids (a thousand refs were 60 KB).
 */
export const RecordBatchSchema = z.object({
  host: RecordRefSchema.shape.host,
  objectType: RecordRefSchema.shape.objectType,
  recordIds: z.array(RecordRefSchema.shape.recordId).check(z.maxLength(KIND_STATUSES_MAX)),
});
export type RecordBatch = z.infer<typeof RecordBatchSchema>;

export type RecordStatus = z.infer<typeof RecordStatusSchema>;

export const AdoptVersionSchema = z.object({ ref: RecordRefSchema, templateId: z.string().check(z.maxLength(64)) });

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
  recordTitle: z.optional(z.string().check(z.maxLength(TITLE_MAX_LENGTH))),
  /** The record's page, for links on the handoffs page. */
  recordUrl: z.optional(z.url({ protocol: /^https$/ })),
  /** Which panel typed it (random per panel): one panel's typing burst is one log entry, two panels' are two. */
  editor: z.optional(z.string().check(z.maxLength(64))),
});
export type SaveField = z.infer<typeof SaveFieldSchema>;

/** Which tab to outline: the popup names it; the panel's own tab is the sender's. */
export const PageOutlineRequestSchema = z.object({ tabId: z.optional(z.int()) });

/** A page outline: structure only, built by lib/page-outline.ts within its limits (and a few lines of findings). */
export const PageOutlineSchema = z.string().check(z.maxLength(OUTLINE_LIMITS.maxChars + 10_000));

/**
 * Safety net: records a tab shows in a gated stage, complete or not (lib/unverified.ts). The
 * worker judges each against the store, not against what the tab believed.
 */
export const StageSightingsSchema = z
  .array(
    z.object({
      ref: RecordRefSchema,
      stage: z.string().check(z.minLength(1), z.maxLength(STAGE_MAX_LENGTH)),
      recordTitle: z.optional(z.string().check(z.maxLength(TITLE_MAX_LENGTH))),
      recordUrl: z.optional(z.url({ protocol: /^https$/ })),
    }),
  )
  .check(z.maxLength(5000));
export type StageSighting = z.infer<typeof StageSightingsSchema>[number];

/** Record script -> background: a stage move Baton judged on the record page (team sync reports it). */
export const MoveJudgedSchema = z.object({
  ref: RecordRefSchema,
  stage: z.string().check(z.minLength(1), z.maxLength(200)),
  outcome: z.enum(['blocked', 'allowed']),
});
export type MoveJudged = z.infer<typeof MoveJudgedSchema>;
