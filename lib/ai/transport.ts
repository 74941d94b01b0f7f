import * as z from 'zod/mini';
import { AI_REASONS } from './failure';

// Panel <-> worker, over a port named AI_PORT: the panel asks, the worker calls the endpoint.
// A port, not a message: when the panel closes, the port disconnects and the worker aborts the call.

export const AI_PORT = 'baton:ai';

export const AiCallSchema = z.object({
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().check(z.maxLength(40_000)) }))
    .check(z.minLength(1), z.maxLength(8)),
  jsonSchema: z.record(z.string(), z.unknown()),
});
export type AiCall = z.infer<typeof AiCallSchema>;

export const AiReplySchema = z.union([
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(AI_REASONS), detail: z.optional(z.string()) }),
]);
export type AiReply = z.infer<typeof AiReplySchema>;
