import { HOST_NAMES } from '../../../lib/record';
import type { HandoffKey } from '../../../lib/sync/schemas';

/** A handoff named where the indicators list it: its app and record id (metrics carry no title). */
export function teamRecordOf(key: HandoffKey): string {
  return `${HOST_NAMES[key.host]} ${key.objectType} ${key.recordId}`;
}
