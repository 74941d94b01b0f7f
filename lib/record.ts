import type { z } from 'zod/mini';
import type { RecordRefSchema } from './record-schema';

// Imported by the content script, which holds no Zod (message-schemas.ts says why): the
// schema lives in record-schema.ts, and only its type is taken from there.

export const HOST_APPS = ['hubspot', 'salesforce', 'pipedrive', 'clickup'] as const;
export type HostApp = (typeof HOST_APPS)[number];

export const HOST_NAMES: Record<HostApp, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce', pipedrive: 'Pipedrive', clickup: 'ClickUp' };

/** One record in one host app. The same id in two apps, or two object types, is two records. */
export type RecordRef = z.infer<typeof RecordRefSchema>;

export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.host === b.host && a.objectType === b.objectType && a.recordId === b.recordId;
}

export function recordLabel(ref: RecordRef): string {
  return `${ref.host}/${ref.objectType}/${ref.recordId}`;
}
