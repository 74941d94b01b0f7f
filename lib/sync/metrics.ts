import * as z from 'zod/mini';
import { handoffKeyText, HandoffKeySchema, type HandoffKey } from './schemas';

// The leading indicators a team lead reads to tell whether handoffs are healthy, computed from
// the team's events as the server recorded them (server clock throughout).

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A sent handoff nobody has answered for longer than this is waiting too long. */
export const ACCEPT_WAIT_LIMIT_MS = 2 * DAY_MS;

export type MetricEvent =
  | { kind: 'briefSent'; handoff: HandoffKey; at: number; by: string }
  | { kind: 'receipt'; handoff: HandoffKey; at: number; by: string; decision: 'accepted' | 'sentBack'; reason?: string }
  | { kind: 'move'; at: number; outcome: 'blocked' | 'allowed' | 'unverified' };

export const TeamMetricsSchema = z.object({
  /** Oldest first; each week starts on Monday 00:00 UTC. Counts handoffs sent for the first time. */
  handoffsPerWeek: z.array(z.object({ weekStart: z.number(), handoffs: z.int() })),
  /** Of the handoffs answered, the share whose first answer was Accept (null: none answered yet). */
  completeAtFirstTry: z.object({ share: z.nullable(z.number()), answered: z.int() }),
  movesBlocked: z.int(),
  movesUnverified: z.int(),
  /** Newest first. */
  sentBack: z.array(z.object({ handoff: HandoffKeySchema, reason: z.string(), by: z.string(), at: z.number() })),
  /** From the brief that was accepted being sent to its Accept. */
  medianHoursToAccept: z.nullable(z.number()),
  waitingForAccept: z.array(z.object({ handoff: HandoffKeySchema, sentAt: z.number(), by: z.string() })),
});
export type TeamMetrics = z.infer<typeof TeamMetricsSchema>;

/**
 * `events` in server order. Weekly counts, moves, send-backs and times to Accept cover the last
 * `weeks` weeks; "waiting for Accept" covers every handoff still unanswered.
 */
export function teamMetrics(events: readonly MetricEvent[], now: number, weeks: number): TeamMetrics {
  const firstWeek = metricsWindowStart(now, weeks);
  const inWindow = (at: number) => at >= firstWeek;
  const perWeek = Array.from({ length: weeks }, (_, index) => ({ weekStart: firstWeek + index * WEEK_MS, handoffs: 0 }));
  const handoffs = new Map<string, { key: HandoffKey; firstSentAt?: number; lastSent?: { at: number; by: string }; firstAnswer?: string; answered: boolean }>();
  const sentBack: TeamMetrics['sentBack'] = [];
  const hoursToAccept: number[] = [];
  let movesBlocked = 0;
  let movesUnverified = 0;

  for (const event of events) {
    if (event.kind === 'move') {
      if (!inWindow(event.at)) continue;
      if (event.outcome === 'blocked') movesBlocked += 1;
      if (event.outcome === 'unverified') movesUnverified += 1;
      continue;
    }
    const key = handoffKeyText(event.handoff);
    const handoff = handoffs.get(key) ?? { key: event.handoff, answered: false };
    handoffs.set(key, handoff);
    if (event.kind === 'briefSent') {
      if (handoff.firstSentAt === undefined) {
        handoff.firstSentAt = event.at;
        const week = perWeek[Math.floor((weekStart(event.at) - firstWeek) / WEEK_MS)];
        if (week && inWindow(event.at)) week.handoffs += 1;
      }
      handoff.lastSent = { at: event.at, by: event.by };
      handoff.answered = false;
      continue;
    }
    handoff.firstAnswer ??= event.decision;
    handoff.answered = true;
    if (!inWindow(event.at)) continue;
    if (event.decision === 'sentBack') sentBack.push({ handoff: event.handoff, reason: event.reason ?? '', by: event.by, at: event.at });
    else if (handoff.lastSent) hoursToAccept.push((event.at - handoff.lastSent.at) / 3_600_000);
  }

  const answered = [...handoffs.values()].filter((handoff) => handoff.firstAnswer !== undefined);
  const waitingForAccept = [...handoffs.values()].flatMap((handoff) =>
    handoff.lastSent && !handoff.answered && now - handoff.lastSent.at > ACCEPT_WAIT_LIMIT_MS
      ? [{ handoff: handoff.key, sentAt: handoff.lastSent.at, by: handoff.lastSent.by }]
      : [],
  );
  return {
    handoffsPerWeek: perWeek,
    completeAtFirstTry: {
      share: answered.length ? answered.filter((handoff) => handoff.firstAnswer === 'accepted').length / answered.length : null,
      answered: answered.length,
    },
    movesBlocked,
    movesUnverified,
    sentBack: sentBack.reverse(),
    medianHoursToAccept: median(hoursToAccept),
    waitingForAccept,
  };
}

/** Where the last `weeks` weeks (this one included) begin. */
export function metricsWindowStart(now: number, weeks: number): number {
  return weekStart(now) - (weeks - 1) * WEEK_MS;
}

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: number): number {
  const day = Math.floor(at / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
  return (day - ((day + 3) % 7)) * DAY_MS;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
