// CORS for Baton's extension origins only. The extension calls the server as an ordinary
// cross-origin client, so it needs no host permission; web pages get no CORS answer at all.

/** Chromium: the id fixed by the manifest key in wxt.config.ts (development and store builds alike). */
export const DEFAULT_ALLOWED_ORIGINS = ['chrome-extension://ppgpnpggkcahilkopfcfnnjhgkaapnbf'] as const;

/**
 * Firefox gives every installation its own random moz-extension://<uuid> origin. List each
 * (about:debugging shows it) or allow them all with this entry. Allowing them all is safe
 * enough: only an extension has such an origin, and every route still needs a member's token,
 * which the server never puts in a cookie.
 */
export const ANY_FIREFOX_EXTENSION = 'moz-extension://*';

export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  return allowed.includes(ANY_FIREFOX_EXTENSION) && /^moz-extension:\/\/[0-9a-f-]{36}$/.test(origin);
}

/** BATON_ALLOWED_ORIGINS and --allow-origin, comma-separated, added to the defaults. */
export function allowedOrigins(extra: readonly string[]): string[] {
  const listed = extra.flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter(Boolean);
  return [...new Set([...DEFAULT_ALLOWED_ORIGINS, ...listed])];
}
