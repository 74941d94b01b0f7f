import { Hono } from 'hono';
import { RedeemRequestSchema } from '../../lib/sync/schemas';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { limitByAddress, requireMember } from '../http/guards';
import type { RateLimiter } from '../http/rate-limit';
import { parseJsonBody, RequestError } from '../http/request-error';

/** Redeem an invite code for a token; ask who the token belongs to. */
export function accountRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The invite code is this route's credential: single use, 7 days, 256 random bits.
  routes.post('/redeem', limitByAddress(options, limiter), async (c) => {
    const { code } = await parseJsonBody(c, RedeemRequestSchema);
    const redeemed = await options.store.members.redeem(code, options.now());
    if (!redeemed) throw new RequestError(401, 'this invite code is unknown, used or expired; ask your admin for a new one');
    return c.json(redeemed);
  });
  routes.get('/me', requireMember(options, limiter, 'sync'), (c) => {
    const { email, role, team } = c.get('caller');
    return c.json({ email, role, team });
  });
  return routes;
}
