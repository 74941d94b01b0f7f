import { ALL_HOST_MATCHES } from './all';

/** Does an origin ("https://acme.lightning.force.com") fall under a match pattern's host? */
export function originMatches(origin: string, pattern: string): boolean {
  const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  const hostname = new URL(origin).hostname;
  if (host.startsWith('*.')) return hostname.endsWith(host.slice(1)) && hostname.length > host.length - 1;
  return hostname === host;
}

/** Pages that may frame Baton's panel: the host apps, and the team's own ClickUp domains. */
export function isHostAppOrigin(origin: string, whiteLabelOrigins: string[]): boolean {
  if (!origin.startsWith('https://')) return false;
  return whiteLabelOrigins.includes(origin) || ALL_HOST_MATCHES.some((pattern) => originMatches(origin, pattern));
}

/** A link Baton may store and show for a record: an https page of a host app, nothing else. */
export function isHostAppUrl(url: string, whiteLabelOrigins: string[]): boolean {
  try {
    return isHostAppOrigin(new URL(url).origin, whiteLabelOrigins);
  } catch {
    return false;
  }
}
