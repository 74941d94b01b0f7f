import * as z from 'zod/mini';
import { MemberSchema } from './schemas';
import { sendsInTheClear } from '../web-address';

// What the extension keeps once it has joined a team server: where the server is, the token the
// invite code was redeemed for, and who that token belongs to. Shared by the worker (sync), the
// settings page (Connect / Disconnect), the handoffs page (team view) and the template editor.

export const TeamConnectionSchema = z.object({
  /** The server's origin, e.g. https://baton.example.com or http://localhost:8787. */
  server: z.string(),
  token: z.string(),
  member: MemberSchema,
  connectedAt: z.number(),
});
export type TeamConnection = z.infer<typeof TeamConnectionSchema>;

export type ServerAddress = { ok: true; origin: string } | { ok: false; error: string };

/**
 * The server address a person typed, as an origin. Plain http is refused except on this
 * computer: a token sent in the clear on a network could be read and replayed by anyone on it.
 */
export function parseServerAddress(typed: string): ServerAddress {
  const text = typed.trim();
  if (!text) return { ok: false, error: 'Enter the team server address your admin gave you.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: `"${text}" is not a web address.` };
  }
  if (url.username || url.password) return { ok: false, error: 'Leave the user name and password out of the address.' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && !sendsInTheClear(url)) return { ok: true, origin: url.origin };
  if (url.protocol === 'http:') return { ok: false, error: 'Plain http:// is allowed only for localhost; use the https:// address.' };
  return { ok: false, error: `Team server addresses start with https://, not ${url.protocol}//.` };
}
