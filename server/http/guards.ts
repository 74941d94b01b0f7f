import type { Context, MiddlewareHandler } from 'hono';
import { ACTIONS, may, type Action } from '../../lib/sync/roles';
import type { Caller } from '../storage/members-store';
import type { AppEnv, ServerOptions } from './app-env';
import type { RateLimiter } from './rate-limit';
import { RequestError } from './request-error';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/**
 * Every route but /health and /v1/redeem: the caller's token is looked up on every request
 * (nothing cached), so a revoked member's next request is refused.
 */
export function requireMember(options: ServerOptions, limiter: RateLimiter, action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    admit(c, options, limiter, action, token, await options.store.members.callerByToken(token));
    await next();
  };
}

/** The request's bearer token, or a 401 saying how to send one. */
export function bearerToken(c: Context): string {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw new RequestError(401, 'sign in: send "Authorization: Bearer <token>"');
  return token;
}

/**
 * Lets the caller the token signed in as through, or refuses: unknown or revoked (401), over
 * the rate limit (429), or without the action's role (403). For routes that sign in inside
 * their own statement (see /v1/pull) as well as for requireMember.
 */
export function admit(c: Context<AppEnv>, options: ServerOptions, limiter: RateLimiter, action: Action, token: string, caller: Caller | undefined): Caller {
  if (!caller) throw new RequestError(401, 'unknown or revoked token');
  if (!limiter.take(`member:${caller.memberId}`, options.now())) throw new RequestError(429, 'too many requests; try again in a minute');
  if (!may(caller.role, action)) throw new RequestError(403, `this needs the ${ACTIONS[action]} role; you are ${caller.role}`);
  c.set('caller', caller);
  c.set('token', token);
  return caller;
}

/** For routes without a member yet: limits by the connecting address. */
export function limitByAddress(options: ServerOptions, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!limiter.take(`address:${remoteAddress(c)}`, options.now())) throw new RequestError(429, 'too many requests; try again in a minute');
    await next();
  };
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
