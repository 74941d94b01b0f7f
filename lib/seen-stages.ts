import { normalizeStage } from './gate';
import type { HostApp } from './record';

// The stage labels Baton has seen records shown in, per host app: the template editor offers
// them when someone writes a gate, and previews which of them a gate would stop.

/** Enough for any pipeline's stages; a bound so a page cannot fill storage with made-up labels. */
export const SEEN_STAGES_KEPT = 100;

export type SeenStages = Partial<Record<HostApp, string[]>>;

/** The list with `label` first (newest first), each label once, at most SEEN_STAGES_KEPT. */
export function withSeenStage(seen: SeenStages, host: HostApp, label: string): SeenStages {
  const stage = normalizeStage(label);
  const known = seen[host] ?? [];
  if (!stage || known[0] === stage) return seen;
  return { ...seen, [host]: [stage, ...known.filter((other) => other !== stage)].slice(0, SEEN_STAGES_KEPT) };
}
