import * as z from 'zod/mini';

// The JSON shapes Baton asks a model for, as Zod schemas: every answer is parsed with them, and
// the same schemas go to the provider as its JSON schema (response_format, responseConstraint).

/** Draft from notes: one entry per field asked; null value and source where the notes say nothing. */
export const DraftAnswerSchema = z.object({
  fields: z.array(
    z.object({
      fieldId: z.string(),
      /** The proposed answer, or null when the notes do not answer this field. */
      value: z.nullable(z.string()),
      /** The sentence of the notes the value comes from, copied word for word. */
      source: z.nullable(z.string()),
    }),
  ),
});
export type DraftAnswer = z.infer<typeof DraftAnswerSchema>;

export const SUMMARY_KINDS = ['promise', 'risk', 'date', 'other'] as const;

/** Summarize: what the next owner must know first, each bullet naming the field it came from. */
export const SummaryAnswerSchema = z.object({
  bullets: z
    .array(z.object({ text: z.string().check(z.minLength(1), z.maxLength(400)), kind: z.enum(SUMMARY_KINDS), fieldId: z.string() }))
    .check(z.minLength(1), z.maxLength(5)),
});
export type SummaryAnswer = z.infer<typeof SummaryAnswerSchema>;

/** The JSON schema a provider is given for one of the shapes above. */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
