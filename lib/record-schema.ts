import * as z from 'zod/mini';
import { HOST_APPS } from './record';

/** A record reference as it arrives in a message, a URL fragment or a file. */
export const RecordRefSchema = z.object({
  host: z.enum(HOST_APPS),
  objectType: z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,40}$/)),
  recordId: z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/)),
});
