import { describe, expect, it } from 'vitest';
import { teamMetrics, weekStart, type MetricEvent } from '../../../lib/sync/metrics';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 12); // Thursday 26 November 2026
const key = (recordId: string) => ({ host: 'hubspot', objectType: 'deal', recordId, templateId: 'sales-to-onboarding' }) as const;

describe('team metrics', () => {
  it('weeks start on Monday UTC', () => {
    expect(new Date(weekStart(NOW)).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('counts handoffs per week, first-try accepts, send-backs, time to accept and who waits', () => {
    const events: MetricEvent[] = [
      { kind: 'briefSent', handoff: key('1'), at: NOW - 9 * DAY, by: 'ana@x.test' },
      { kind: 'receipt', handoff: key('1'), at: NOW - 9 * DAY + 4 * 3_600_000, by: 'dana@x.test', decision: 'accepted' },
      { kind: 'briefSent', handoff: key('2'), at: NOW - 3 * DAY, by: 'ana@x.test' },
      { kind: 'receipt', handoff: key('2'), at: NOW - 3 * DAY + 3_600_000, by: 'dana@x.test', decision: 'sentBack', reason: 'No kickoff date' },
      { kind: 'briefSent', handoff: key('2'), at: NOW - 2 * DAY, by: 'ana@x.test' },
      { kind: 'receipt', handoff: key('2'), at: NOW - 2 * DAY + 2 * 3_600_000, by: 'dana@x.test', decision: 'accepted' },
      { kind: 'briefSent', handoff: key('3'), at: NOW - 3 * DAY, by: 'ben@x.test' },
      { kind: 'briefSent', handoff: key('4'), at: NOW - DAY, by: 'ben@x.test' },
      { kind: 'move', at: NOW - DAY, outcome: 'blocked' },
      { kind: 'move', at: NOW - DAY, outcome: 'unverified' },
      { kind: 'move', at: NOW - 30 * DAY, outcome: 'blocked' },
    ];
    const metrics = teamMetrics(events, NOW, 2);
    expect(metrics.handoffsPerWeek.map((week) => week.handoffs)).toEqual([1, 3]);
    expect(metrics.completeAtFirstTry).toEqual({ share: 0.5, answered: 2 });
    expect(metrics.movesBlocked).toBe(1);
    expect(metrics.movesUnverified).toBe(1);
    expect(metrics.sentBack).toEqual([{ handoff: key('2'), reason: 'No kickoff date', by: 'dana@x.test', at: NOW - 3 * DAY + 3_600_000 }]);
    expect(metrics.medianHoursToAccept).toBe(3);
    expect(metrics.waitingForAccept).toEqual([{ handoff: key('3'), sentAt: NOW - 3 * DAY, by: 'ben@x.test' }]);
  });

  it('says null rather than 0 when nothing was answered', () => {
    expect(teamMetrics([], NOW, 4)).toMatchObject({ completeAtFirstTry: { share: null, answered: 0 }, medianHoursToAccept: null });
  });
});
