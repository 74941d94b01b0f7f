import { formatPath } from '../../lib/import-limits';
import { PushedChangeSchema, type Change, type PushResult } from '../../lib/sync/schemas';
import { unstorableReason, unstorableTextAt } from '../../lib/sync/storable-text';
import { serverMetrics } from '../observability/metrics';

/** A push's changes, each parsed alone: those to decide, and those refused already, by position. */
export interface ParsedPush {
  changes: { position: number; change: Change }[];
  refused: Map<number, PushResult>;
}

/**
 * One change that is malformed, too large or unstorable is refused by its id, with the reason;
 * the others go on to be decided. The envelope (ids, count) was checked before.
 */
export function parsePushChanges(raw: readonly { id: string }[]): ParsedPush {
  // Every push whose envelope is sound passes here once: its size is the batch an operator sees.
  serverMetrics.pushBatchSize.observe(raw.length);
  const parsed: ParsedPush = { changes: [], refused: new Map() };
  raw.forEach((candidate, position) => {
    const result = PushedChangeSchema.safeParse(candidate);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
      parsed.refused.set(position, { id: candidate.id, status: 'refused', reason: `invalid change: ${issues.join('; ')}` });
      return;
    }
    const unstorable = unstorableTextAt(result.data);
    if (unstorable) parsed.refused.set(position, { id: candidate.id, status: 'refused', reason: unstorableReason(unstorable) });
    else parsed.changes.push({ position, change: result.data });
  });
  return parsed;
}

/** The push's results in the order its changes came. */
export function inPushOrder(parsed: ParsedPush, decided: readonly PushResult[]): PushResult[] {
  const results = [...parsed.refused.entries()];
  parsed.changes.forEach(({ position }, index) => results.push([position, decided[index]!]));
  return results.sort(([a], [b]) => a - b).map(([, result]) => result);
}
