import * as z from 'zod/mini';
import { HANDOFF_STATES } from '../handoff-state';
import { HARD_MAX_LENGTH, MAX_RECEIPT_ITEMS } from '../limits';
import { RecordRefSchema } from '../record-schema';
import { AnswerSchema, ReceiptSchema, RevisionSchema, StoredHandoffSchema } from '../stored';
import { FieldSchema, TemplateSchema } from '../template';
import { ROLES } from './roles';

// Every request to and response from the team server, shared by the server (which parses what
// arrives) and the extension's sync client (which parses what comes back). Shapes the extension
// already keeps are reused from lib/, not written again.

/** At most this many changes in one push: a client with more waiting sends them in turns. */
export const MAX_PUSH_CHANGES = 200;
export const MAX_PULL_LIMIT = 500;

const TemplateIdSchema = TemplateSchema.shape.id;

/** One handoff: one record in one host app, under one template. */
export const HandoffKeySchema = z.extend(RecordRefSchema, { templateId: TemplateIdSchema });
export type HandoffKey = z.infer<typeof HandoffKeySchema>;
/** A handoff's key as one string, for maps (the parts cannot hold a line break). */
export function handoffKeyText(key: HandoffKey): string {
  return [key.host, key.objectType, key.recordId, key.templateId].join('\n');
}

/** Client-generated (a UUID): the same change pushed twice is stored once. */
export const ChangeIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8 to 64 letters, digits, "-" or "_"'));

const changeBase = {
  id: ChangeIdSchema,
  /** When the client says it happened, by its own clock: shown, never used to order anything. */
  clientAt: z.number(),
};

/** A field's new draft value. */
export const FieldChangeSchema = z.object({
  ...changeBase,
  kind: z.literal('field'),
  handoff: HandoffKeySchema,
  fieldId: FieldSchema.shape.id,
  value: RevisionSchema.shape.newValue,
  /** The sequence of the value this client last saw for the field, 0 if none: tells a conflict. */
  baseSeq: z.int().check(z.gte(0)),
  recordTitle: StoredHandoffSchema.shape.recordTitle,
  recordUrl: StoredHandoffSchema.shape.recordUrl,
});

/** The handoff became complete (ready) or incomplete again (draft), as the client judged it. */
export const StateChangeSchema = z.object({
  ...changeBase,
  kind: z.literal('state'),
  handoff: HandoffKeySchema,
  to: z.enum(['draft', 'ready']),
});

/** The brief went into the record (or was copied): the handoff was sent. */
export const BriefSentSchema = z.object({
  ...changeBase,
  kind: z.literal('briefSent'),
  handoff: HandoffKeySchema,
  brief: z.string().check(z.minLength(1), z.maxLength(HARD_MAX_LENGTH)),
});

/** The next owner's receipt: Accept, or Send back with a reason. */
export const ReceiptChangeSchema = z.object({
  ...changeBase,
  kind: z.literal('receipt'),
  handoff: HandoffKeySchema,
  answer: AnswerSchema.check(
    z.refine((answer) => answer.decision !== 'sentBack' || Boolean(answer.reason?.trim()), {
      message: 'a handoff sent back needs a reason',
      path: ['reason'],
    }),
  ),
  checked: ReceiptSchema.shape.checked,
});

/** Which template a record is handed off with. */
export const TemplateChoiceSchema = z.object({
  ...changeBase,
  kind: z.literal('templateChoice'),
  ref: RecordRefSchema,
  templateId: TemplateIdSchema,
});

export const MOVE_OUTCOMES = ['blocked', 'allowed', 'unverified'] as const;

/** A stage move Baton judged: blocked, let through, or let through while it was blind. */
export const MoveChangeSchema = z.object({
  ...changeBase,
  kind: z.literal('move'),
  ref: RecordRefSchema,
  stage: z.string().check(z.minLength(1), z.maxLength(200)),
  outcome: z.enum(MOVE_OUTCOMES),
});

export const ChangeSchema = z.discriminatedUnion('kind', [
  FieldChangeSchema,
  StateChangeSchema,
  BriefSentSchema,
  ReceiptChangeSchema,
  TemplateChoiceSchema,
  MoveChangeSchema,
]);
export type Change = z.infer<typeof ChangeSchema>;

/**
 * A change as the server takes it in a push: stricter than what it hands out (ChangeSchema), so
 * that a bound added later never makes a change stored before it unreadable to every client.
 * A receipt ticks at most as many items as a template can ask.
 */
export const PushedChangeSchema = ChangeSchema.check(
  z.refine((change) => change.kind !== 'receipt' || change.checked.length <= MAX_RECEIPT_ITEMS, {
    message: `Too big: expected at most ${MAX_RECEIPT_ITEMS} ticked items`,
    path: ['checked'],
  }),
);

export const PushRequestSchema = z.object({
  changes: z.array(ChangeSchema).check(
    z.minLength(1),
    z.maxLength(MAX_PUSH_CHANGES),
    z.refine((changes) => new Set(changes.map((change) => change.id)).size === changes.length, 'change ids must be unique within a push'),
  ),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * What the server reads of a push before looking at each change: a bounded list of changes with
 * unique ids. Each change is then parsed alone, so one bad change is refused by its id while the
 * rest of the push is written (a whole-push 400 would hold the client's outbox forever).
 */
export const PushEnvelopeSchema = z.object({
  changes: z.array(z.looseObject({ id: ChangeIdSchema })).check(
    z.minLength(1),
    z.maxLength(MAX_PUSH_CHANGES),
    z.refine((changes) => new Set(changes.map((change) => change.id)).size === changes.length, 'change ids must be unique within a push'),
  ),
});

export const FieldValueSchema = z.object({ value: z.string(), seq: z.int(), by: z.string() });

export const PushResultSchema = z.object({
  id: ChangeIdSchema,
  /** duplicate: this id was pushed before (a retry), nothing written again; refused: see reason. */
  status: z.enum(['applied', 'duplicate', 'refused']),
  seq: z.optional(z.int()),
  reason: z.optional(z.string()),
  /** A value this push replaced without its writer having seen it; it stays in the revision log. */
  overwritten: z.optional(FieldValueSchema),
});
export type PushResult = z.infer<typeof PushResultSchema>;
export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });

/** A change as the server keeps it: in the order the server accepted it, with who and when. */
export const SyncedChangeSchema = z.object({
  seq: z.int(),
  by: z.string(),
  /** Server clock. */
  serverAt: z.number(),
  change: ChangeSchema,
  /** Field changes: the value replaced, for the revision log. */
  oldValue: z.optional(z.string()),
  overwritten: z.optional(FieldValueSchema),
});
export type SyncedChange = z.infer<typeof SyncedChangeSchema>;

const SequenceTextSchema = z.pipe(z.string().check(z.regex(/^\d{1,15}$/, 'expected a whole number')), z.transform(Number));

/** GET /v1/pull?cursor=&limit=: changes after the cursor, oldest first (RxDB's checkpoint shape). */
export const PullQuerySchema = z.object({
  cursor: z._default(SequenceTextSchema, 0),
  limit: z._default(SequenceTextSchema.check(z.refine((n) => n >= 1 && n <= MAX_PULL_LIMIT, `expected 1 to ${MAX_PULL_LIMIT}`)), 200),
});

export const PullResponseSchema = z.object({
  changes: z.array(SyncedChangeSchema),
  /** Pass back as the next cursor. */
  cursor: z.int(),
  /** More changes wait after this page. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const EmailSchema = z.email().check(z.maxLength(254), z.toLowerCase());

export const MemberSchema = z.object({ email: z.string(), role: z.enum(ROLES), team: z.string() });
export type Member = z.infer<typeof MemberSchema>;

export const InviteRequestSchema = z.object({ email: EmailSchema, role: z.enum(ROLES) });
export const InviteCreatedSchema = z.object({ email: z.string(), role: z.enum(ROLES), code: z.string(), expiresAt: z.number() });
export type InviteCreated = z.infer<typeof InviteCreatedSchema>;

export const RedeemRequestSchema = z.object({ code: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'not an invite code')) });
/** The token is shown once: the server keeps only its hash. */
export const RedeemResponseSchema = z.object({ token: z.string(), member: MemberSchema });

export const MEMBER_STATUSES = ['invited', 'active', 'revoked'] as const;
export const MemberListSchema = z.object({
  members: z.array(
    z.object({
      email: z.string(),
      role: z.enum(ROLES),
      status: z.enum(MEMBER_STATUSES),
      since: z.number(),
      /** The admin who handed out the invite; absent when the server's operator did, from the command line. */
      invitedBy: z.optional(z.string()),
    }),
  ),
});
export type MemberList = z.infer<typeof MemberListSchema>;

export const TemplateListSchema = z.object({ templates: z.array(TemplateSchema) });

/** The team view: every handoff of the team, by owner and state. */
export const TeamHandoffsSchema = z.object({
  handoffs: z.array(
    z.object({
      handoff: HandoffKeySchema,
      state: z.enum(HANDOFF_STATES),
      /** Who started it (first to type into it). */
      owner: z.string(),
      title: z.optional(z.string()),
      url: z.optional(z.string()),
      updatedAt: z.number(),
    }),
  ),
});
export type TeamHandoffs = z.infer<typeof TeamHandoffsSchema>;

export const ErrorResponseSchema = z.object({ error: z.string(), issues: z.optional(z.array(z.string())) });
