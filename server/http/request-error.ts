import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import { formatPath } from '../../lib/import-limits';

/** An answer to a bad request: its status and a message a person can act on. */
export class RequestError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }
}

export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RequestError(400, `invalid ${what}`, result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`));
}

export async function parseJsonBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new RequestError(400, 'the request body is not valid JSON');
  }
  return parseWith(schema, body, 'request body');
}
