import * as z from 'zod/mini';

export const HOST_APPS = ['hubspot', 'salesforce', 'pipedrive', 'clickup'] as const;
export type HostApp = (typeof HOST_APPS)[number];

/** One record in one host app. The same id in two apps, or two object types, is two records. */
export const RecordRefSchema = z.object({
  host: z.enum(HOST_APPS),
  objectType: z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,40}$/)),
  recordId: z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/)),
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.host === b.host && a.objectType === b.objectType && a.recordId === b.recordId;
}

export function recordLabel(ref: RecordRef): string {
  return `${ref.host}/${ref.objectType}/${ref.recordId}`;
}
