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
}

export interface AppEnv {
  Variables: { caller: Caller; token: string };
}
