import { parseBrief, type ParsedBrief } from '../brief';
import { notFromFuture } from '../handoff-notes';
import type { Template } from '../template';
import type { SyncedBrief } from './local-sync';

type DatedBrief = ParsedBrief & { at: Date };

/**
 * Briefs a teammate sent through the team server, read like briefs in notes. They reach a
 * record because they name it or link to it (lib/sync/linked-records.ts), so unlike a note
 * they may name another record. Unsigned briefs are signed with the sender's account.
 */
export function readSyncedBriefs(synced: SyncedBrief[], templates: Template[], now: number): DatedBrief[] {
  return synced.flatMap((stored) => {
    const brief = parseBrief(stored.brief, templates);
    if (!brief?.at || !notFromFuture(brief.at.getTime(), now)) return [];
    return [{ ...brief, at: brief.at, by: brief.by ?? stored.by }];
  });
}

/** Briefs from notes and from the server, oldest first; the same brief seen both ways counts once. */
export function mergeBriefs(fromNotes: ParsedBrief[], fromServer: ParsedBrief[]): ParsedBrief[] {
  const seen = new Set<string>();
  const key = (brief: ParsedBrief) => `${brief.templateId}/${brief.record.host}/${brief.record.recordId}/${brief.at?.getTime()}`;
  return [...fromNotes, ...fromServer]
    .filter((brief) => !seen.has(key(brief)) && Boolean(seen.add(key(brief))))
    .sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
}
