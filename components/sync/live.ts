import { EventSourceParserStream } from 'eventsource-parser/stream';
import * as z from 'zod/mini';
import type { TeamConnection } from '../../lib/sync/connection';
import { PullResponseSchema, type PullResponse } from '../../lib/sync/schemas';
import { TeamServerError } from './team-request';

/**
 * The server ends a member's oldest channel when they open one too many ('superseded'), one
 * that spent their request budget ('limited'), or every channel of a server process that is
 * stopping ('draining', to reconnect to another), and says in how many seconds to come back.
 */
const ComeBackLaterSchema = z.object({ retryAfter: z.number() });
/** When a server asks for a pause without a usable length; and the longest pause honoured (pulls still run every minute). */
const PAUSE_S = { fallback: 30, max: 600 };

/**
 * The live channel: server-sent events read from a fetch stream, since EventSource cannot send
 * the Authorization header. Resolves when the server ends the stream (it does after a while) or
 * the signal aborts, or after the pause the server asked for (429, or told to come back later);
 * throws TeamServerError when it cannot connect or the member was revoked.
 */
export async function followLive(connection: TeamConnection, cursor: number, onPage: (page: PullResponse) => Promise<void>, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${connection.server}/v1/live?cursor=${cursor}`, {
      headers: { authorization: `Bearer ${connection.token}`, accept: 'text/event-stream' },
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (signal.aborted) return;
    throw new TeamServerError(`The team server at ${connection.server} cannot be reached.`, 0);
  }
  if (response.status === 429) return pause(Number(response.headers.get('retry-after')), signal);
  if (!response.ok || !response.body) throw new TeamServerError(`The team server answered ${response.status} to the live channel.`, response.status);
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  try {
    for (;;) {
      const { done, value: event } = await reader.read();
      if (done) return;
      if (event.event === 'revoked') throw new TeamServerError('This device’s access to the team server was revoked.', 401);
      if (event.event === 'superseded' || event.event === 'limited' || event.event === 'draining') return await pause(comeBackAfter(event.data), signal);
      if (event.event !== 'changes') continue;
      const page = PullResponseSchema.safeParse(JSON.parse(event.data));
      if (page.success) await onPage(page.data);
    }
  } catch (error) {
    if (signal.aborted) return;
    if (error instanceof TeamServerError) throw error;
    throw new TeamServerError('The live channel to the team server broke off.', 0);
  } finally {
    reader.releaseLock();
  }
}

function comeBackAfter(data: string): number {
  try {
    return ComeBackLaterSchema.parse(JSON.parse(data)).retryAfter;
  } catch {
    return PAUSE_S.fallback; // an unreadable hint still means "not now": wait the usual pause
  }
}

/** Waits `seconds` (bounded), or until the signal aborts. */
function pause(seconds: number, signal: AbortSignal): Promise<void> {
  const wait = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, PAUSE_S.max) : PAUSE_S.fallback;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, wait * 1000);
    signal.addEventListener('abort', done, { once: true });
  });
}
