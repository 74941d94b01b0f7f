import { Hono } from 'hono';
import * as z from 'zod/mini';
import { metricsWindowStart, teamMetrics } from '../../lib/sync/metrics';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { requireMember } from '../http/guards';
import type { RateLimiter } from '../http/rate-limit';
import { parseWith } from '../http/request-error';

const MetricsQuerySchema = z.object({
  weeks: z._default(z.pipe(z.string().check(z.regex(/^([1-9]|[1-4]\d|5[0-2])$/, 'expected 1 to 52 weeks')), z.transform(Number)), 8),
});

/** The team view for leads (and admins): every handoff of the team, and its health. */
export function teamRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const lead = requireMember(options, limiter, 'teamView');
  routes.get('/handoffs', lead, async (c) => c.json(await options.store.team.handoffs(c.get('caller').teamId)));
  routes.get('/metrics', lead, async (c) => {
    const { weeks } = parseWith(MetricsQuerySchema, c.req.query(), 'query');
    const now = options.now();
    const events = await options.store.team.metricEvents(c.get('caller').teamId, metricsWindowStart(now, weeks));
    return c.json(teamMetrics(events, now, weeks));
  });
  return routes;
}
