import type { Caller } from '../storage/members-store';
import type { Store } from '../storage/store';

export interface ServerOptions {
  store: Store;
  /** Extension origins answered with CORS (http/origins.ts). */
  allowedOrigins: readonly string[];
  /** The server's clock; tests move it. */
  now: () => number;
  /** One line per request; never given a token, a code or a body. */
  log: (line: string) => void;
  /** Requests per member (or per address, before sign-in) per minute, per server process. */
  requestsPerMinute: number;
  /** Failed sign-ins per client address per minute (default AUTH_FAILURES_PER_MINUTE, http/guards.ts). */
  failedSignInsPerMinute?: number;
  /**
   * The server sits behind a TLS proxy it trusts (--trust-proxy, BATON_TRUST_PROXY): address
   * limits count by the client the proxy names in X-Forwarded-For (http/client-address.ts).
   */
  trustProxy?: boolean;
}

export interface AppEnv {
  Variables: { caller: Caller; token: string };
}
