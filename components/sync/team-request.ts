import * as z from 'zod/mini';
import { ErrorResponseSchema } from '../../lib/sync/schemas';
import type { TeamConnection } from '../../lib/sync/connection';

/** Why a call to the team server failed, in words a person can act on. */
export class TeamServerError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'TeamServerError';
  }

  /** The server is down, the network is off, or CORS refused us: try again later, nothing is lost. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface TeamRequest {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One call to the team server, its answer parsed with the shared schema. Used with a connection
 * (token) for every route, and with `{ server }` alone for the invite-code redeem.
 */
export async function teamRequest<Schema extends z.ZodMiniType>(
  connection: Pick<TeamConnection, 'server'> & Partial<Pick<TeamConnection, 'token'>>,
  path: `/${string}`,
  schema: Schema,
  request: TeamRequest = {},
): Promise<z.infer<Schema>> {
  const headers: Record<string, string> = {};
  if (connection.token) headers.authorization = `Bearer ${connection.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${connection.server}${path}`, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      // The token is the only credential: never send or keep cookies for the server.
      credentials: 'omit',
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new TeamServerError(`The team server at ${connection.server} cannot be reached.`, 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorResponseSchema.safeParse(body);
    throw new TeamServerError(error.success ? error.data.error : `The team server answered ${response.status}.`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new TeamServerError('The team server sent an answer this version of Baton does not understand.', response.status);
  return parsed.data;
}
