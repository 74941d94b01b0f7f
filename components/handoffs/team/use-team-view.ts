import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import type { TeamConnection } from '../../../lib/sync/connection';
import { TeamMetricsSchema } from '../../../lib/sync/metrics';
import { TeamHandoffsSchema } from '../../../lib/sync/schemas';
import { teamRequest, TeamServerError } from '../../sync/team-request';

/** How often an open team view asks the server again. */
export const TEAM_VIEW_REFRESH_MS = 60_000;

const LoadedTeamViewSchema = z.object({
  server: z.string(),
  email: z.string(),
  weeks: z.number(),
  loadedAt: z.number(),
  handoffs: TeamHandoffsSchema.shape.handoffs,
  metrics: TeamMetricsSchema,
});
export type LoadedTeamView = z.infer<typeof LoadedTeamViewSchema>;

export interface TeamViewLoad {
  /** The last view the server sent (kept when a later load fails); undefined before the first. */
  view: LoadedTeamView | undefined;
  loading: boolean;
  /** Why the last load failed; cleared by the next one that succeeds. */
  error: TeamServerError | undefined;
  reload(): void;
}

// The last view loaded is kept in this page's own storage (the extension's origin), so a lead
// who opens the page while the server is down still sees it, marked with when it was loaded.
const CACHE_KEY = 'baton.teamView';

function cachedView(connection: TeamConnection, weeks: number): LoadedTeamView | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null');
  } catch {
    return undefined;
  }
  const parsed = LoadedTeamViewSchema.safeParse(stored);
  const view = parsed.success ? parsed.data : undefined;
  return view && view.server === connection.server && view.email === connection.member.email && view.weeks === weeks ? view : undefined;
}

/** The team's handoffs and indicators over `weeks` weeks, from the server, refreshed while open. */
export function useTeamView(connection: TeamConnection, weeks: number): TeamViewLoad {
  const [view, setView] = useState<LoadedTeamView | undefined>(() => cachedView(connection, weeks));
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<TeamServerError>();
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const attempt = ++latest.current;
    setLoading(true);
    // Keep what is shown while it answers the same question; otherwise show what was loaded last for it.
    setView((shown) =>
      shown && shown.weeks === weeks && shown.server === connection.server && shown.email === connection.member.email ? shown : cachedView(connection, weeks),
    );
    void (async () => {
      try {
        const [handoffs, metrics] = await Promise.all([
          teamRequest(connection, '/v1/team/handoffs', TeamHandoffsSchema, { signal: controller.signal }),
          teamRequest(connection, `/v1/team/metrics?weeks=${weeks}`, TeamMetricsSchema, { signal: controller.signal }),
        ]);
        if (attempt !== latest.current) return;
        const loaded = { server: connection.server, email: connection.member.email, weeks, loadedAt: Date.now(), handoffs: handoffs.handoffs, metrics };
        localStorage.setItem(CACHE_KEY, JSON.stringify(loaded));
        setView(loaded);
        setError(undefined);
      } catch (caught) {
        if (controller.signal.aborted || attempt !== latest.current) return;
        setError(caught instanceof TeamServerError ? caught : new TeamServerError(String(caught), 0));
      } finally {
        if (attempt === latest.current) setLoading(false);
      }
    })();
    const timer = setTimeout(() => setRound((n) => n + 1), TEAM_VIEW_REFRESH_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [connection, weeks, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { view, loading, error, reload };
}

