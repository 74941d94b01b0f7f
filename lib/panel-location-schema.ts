import * as z from 'zod/mini';
import { TITLE_MAX_LENGTH } from './limits';
import { DOCK_FRAME_ROLES } from './panel-location';
import { RecordRefSchema } from './record-schema';

const LABEL_MAX_LENGTH = 300;

/** What a tab's record script (or boards script) says one of Baton's frames in it should show. */
export const PanelLocationSchema = z.object({
  ref: RecordRefSchema,
  recordTitle: z.optional(z.string().check(z.maxLength(TITLE_MAX_LENGTH))),
  guard: z.enum(['searching', 'active', 'inactive']),
  guardControl: z.string().check(z.maxLength(LABEL_MAX_LENGTH)),
  blocked: z.optional(z.object({ stage: z.string().check(z.maxLength(LABEL_MAX_LENGTH)), attempt: z.int() })),
  recordUrl: z.optional(z.url({ protocol: /^https$/ })),
  movedTo: z.optional(z.string().check(z.maxLength(LABEL_MAX_LENGTH))),
  /** The stage the page shows the record in (safety net, lib/unverified.ts). */
  shownStage: z.optional(z.string().check(z.maxLength(LABEL_MAX_LENGTH))),
  covered: z.optional(z.boolean()),
});

export const DockFrameRoleSchema = z.enum(DOCK_FRAME_ROLES);

export const DockShowSchema = z.object({ role: DockFrameRoleSchema, location: PanelLocationSchema });

/** A frame ticket: issued by the worker, random, single use. */
export const FrameTicketSchema = z.uuid();
