import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { TeamConnection } from '../../lib/sync/connection';
import { PullResponseSchema, type PullResponse } from '../../lib/sync/schemas';
import { TeamServerError } from './team-request';

/**
 * The live channel: server-sent events read from a fetch stream, since EventSource cannot send
 * the Authorization header. Resolves when the server ends the stream (it does after a while) or
 * the signal aborts; throws TeamServerError when it cannot connect or the member was revoked.
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
  if (!response.ok || !response.body) throw new TeamServerError(`The team server answered ${response.status} to the live channel.`, response.status);
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  try {
    for (;;) {
      const { done, value: event } = await reader.read();
      if (done) return;
      if (event.event === 'revoked') throw new TeamServerError('This device’s access to the team server was revoked.', 401);
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
