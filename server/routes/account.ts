import { Hono } from 'hono';
import { RedeemRequestSchema } from '../../lib/sync/schemas';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { limitByAddress, refuseFailedSignIns, requireMember, signInFailed } from '../http/guards';
import type { RateLimiter } from '../http/rate-limit';
import { parseJsonBody } from '../http/request-error';

/** Redeem an invite code for a token; ask who the token belongs to. */
export function accountRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The invite code is this route's credential: single use, 7 days, 256 random bits. Wrong codes
  // count as failed sign-ins of the address, like unknown tokens.
  routes.post('/redeem', limitByAddress(options, limiter), async (c) => {
    refuseFailedSignIns(c, options, limiter);
    const { code } = await parseJsonBody(c, RedeemRequestSchema);
    const redeemed = await options.store.members.redeem(code, options.now());
    if (!redeemed) throw signInFailed(c, options, limiter, 'this invite code is unknown, used or expired; ask your admin for a new one');
    return c.json(redeemed);
  });
  routes.get('/me', requireMember(options, limiter, 'sync'), (c) => {
    const { email, role, team } = c.get('caller');
    return c.json({ email, role, team });
  });
  return routes;
}
