import type { Logger } from '../observability/logger';
import type { Caller } from '../storage/members-store';
import type { Store } from '../storage/store';

export interface ServerOptions {
  store: Store;
  /** Extension origins answered with CORS (http/origins.ts). */
  allowedOrigins: readonly string[];
  /** The server's clock; tests move it. */
  now: () => number;
  /** A line the server has to say outside any request (the store's repairs, a failed re-check). */
  log: (line: string) => void;
  /** One JSON line per request, with its id (observability/request-log.ts); silent when not given. */
  logger?: Logger;
  /** Requests per member (or per address, before sign-in) per minute, per server process. */
  requestsPerMinute: number;
  /** Failed sign-ins per client address per minute (default AUTH_FAILURES_PER_MINUTE, http/guards.ts). */
  failedSignInsPerMinute?: number;
  /**
   * The server sits behind a TLS proxy it trusts (--trust-proxy, BATON_TRUST_PROXY): address
   * limits count by the client the proxy names in X-Forwarded-For (http/client-address.ts).
   */
  trustProxy?: boolean;
  /** This process's state: draining once it was told to stop (live streams are sent elsewhere). */
  lifecycle?: { draining: boolean };
}

export interface AppEnv {
  Variables: { caller: Caller; token: string };
}
