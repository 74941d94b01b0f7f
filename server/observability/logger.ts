import { destination, pino, stdTimeFunctions, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * One JSON object per line, for a log collector to index. What goes in is chosen where it is
 * logged (request-log.ts: method, route pattern, status, time, request id), never a body, a
 * header or a query: tokens travel in a header, invite codes and field values in bodies. The
 * redaction below is a second guard, should a token or code ever be handed to a log call.
 */
export function createLogger(options: { level?: Level | 'silent'; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: ['token', 'code', 'authorization', '*.token', '*.code', '*.authorization'], censor: '[redacted]' },
    },
    options.destination ?? destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing: for tests and callers that do not watch the logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
