import type { Context } from 'hono';

/**
 * The address that address-keyed limits count by. Without a trusted proxy it is the connection's
 * own: X-Forwarded-For is ignored, since any client can write one and buy itself fresh budgets.
 * Behind a trusted proxy (--trust-proxy) every connection comes from the proxy, so that address
 * would put the whole company in one bucket; the client is then the right-most entry of
 * X-Forwarded-For — the one the proxy appended itself. Entries left of it came from the client
 * and are not believed.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const connection = socketAddress(c);
  if (!trustProxy) return connection;
  const appended = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return appended || connection;
}

function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
