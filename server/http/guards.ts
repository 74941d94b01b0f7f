import type { Context, MiddlewareHandler } from 'hono';
import { ACTIONS, may, type Action } from '../../lib/sync/roles';
import type { Caller } from '../storage/members-store';
import type { AppEnv, ServerOptions } from './app-env';
import { clientAddress } from './client-address';
import type { RateLimiter } from './rate-limit';
import { RequestError } from './request-error';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/**
 * Failed sign-ins (unknown token, wrong invite code) per client address per minute. Each costs
 * a database lookup, and a person mistyping a code needs only a few; past this the address gets
 * 429 before any lookup.
 */
export const AUTH_FAILURES_PER_MINUTE = 20;

/**
 * Every route but /health and /v1/redeem: the caller's token is looked up on every request
 * (nothing cached), so a revoked member's next request is refused.
 */
export function requireMember(options: ServerOptions, limiter: RateLimiter, action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    refuseBeforeLookup(c, options, limiter, token);
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
 * Limits come before work: a 429 before the token is looked up (or a pull read) when the member
 * this token last signed in as has spent their budget, or when the address has failed to sign in
 * too often. A token seen signing in before is not held to its address's failures, so a flood of
 * bad tokens from an office's one address does not lock out the people working there.
 */
export function refuseBeforeLookup(c: Context<AppEnv>, options: ServerOptions, limiter: RateLimiter, token: string): void {
  const now = options.now();
  const memberId = limiter.admitted.memberOf(token);
  if (memberId !== undefined) {
    if (limiter.spent(memberKey(memberId), now)) throw tooManyRequests(c, limiter, now);
    return;
  }
  refuseFailedSignIns(c, options, limiter);
}

/** 429 before any lookup once the address has failed to sign in too often this minute. */
export function refuseFailedSignIns(c: Context<AppEnv>, options: ServerOptions, limiter: RateLimiter): void {
  const now = options.now();
  if (limiter.spent(failuresKey(c, options), now, failuresBudget(options))) throw tooManyRequests(c, limiter, now);
}

/** A 401 for a credential that opened no door, counted against the address's failures. */
export function signInFailed(c: Context<AppEnv>, options: ServerOptions, limiter: RateLimiter, message: string): RequestError {
  limiter.take(failuresKey(c, options), options.now(), failuresBudget(options));
  return new RequestError(401, message);
}

/**
 * Lets the caller the token signed in as through, or refuses: unknown or revoked (401), over
 * the rate limit (429), or without the action's role (403). For routes that sign in inside
 * their own statement (see /v1/pull) as well as for requireMember.
 */
export function admit(c: Context<AppEnv>, options: ServerOptions, limiter: RateLimiter, action: Action, token: string, caller: Caller | undefined): Caller {
  if (!caller) {
    limiter.admitted.forget(token);
    throw signInFailed(c, options, limiter, 'unknown or revoked token');
  }
  limiter.admitted.remember(token, caller.memberId);
  chargeMember(c, options, limiter, caller.memberId);
  if (!may(caller.role, action)) throw new RequestError(403, `this needs the ${ACTIONS[action]} role; you are ${caller.role}`);
  c.set('caller', caller);
  c.set('token', token);
  return caller;
}

/** Takes one request from the member's budget, or answers 429. */
export function chargeMember(c: Context, options: ServerOptions, limiter: RateLimiter, memberId: number): void {
  const now = options.now();
  if (!limiter.take(memberKey(memberId), now)) throw tooManyRequests(c, limiter, now);
}

/** For routes without a member yet: limits by the client's address. */
export function limitByAddress(options: ServerOptions, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = options.now();
    if (!limiter.take(`address:${clientAddress(c, options.trustProxy ?? false)}`, now)) throw tooManyRequests(c, limiter, now);
    await next();
  };
}

export function memberKey(memberId: number): string {
  return `member:${memberId}`;
}

function failuresBudget(options: ServerOptions): number {
  return options.failedSignInsPerMinute ?? AUTH_FAILURES_PER_MINUTE;
}

function failuresKey(c: Context, options: ServerOptions): string {
  return `authfail:${clientAddress(c, options.trustProxy ?? false)}`;
}

/** A 429 that says when the budget is full again; the error handler keeps headers set on the context. */
function tooManyRequests(c: Context, limiter: RateLimiter, now: number): RequestError {
  const seconds = limiter.retryAfterSeconds(now);
  c.header('Retry-After', String(seconds));
  return new RequestError(429, `too many requests; try again in ${seconds} s`);
}
