/**
 * The app's pino logger, handed to Probot so that its HTTP and webhook logs follow the same rules
 * as ours: no query string (a signed report link carries its signature there), no credential
 * header, no webhook payload attached to an error, and a badly signed delivery said once, as a
 * warning with its delivery id. Probot's own formatting (pretty or JSON) is kept.
 */
import { getTransformStream } from '@probot/pino';
import { pino, stdSerializers, type LogFn, type Logger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LoggerOptions {
  readonly level?: LogLevel | undefined;
  readonly format?: 'pretty' | 'json' | undefined;
  /** Where the lines go; standard output by default. */
  readonly destination?: NodeJS.WritableStream;
}

const SIGNATURE_MISMATCH = 'signature does not match';
const OMITTED = '[omitted]';

/** `/reports?sig=…` -> `/reports?[omitted]`, wherever a path with a query appears in a text. */
export const omitQueryStrings = (text: string): string =>
  text.replace(/(^|[\s"'(])(\/[^\s?"']*)\?[^\s"')]*/g, `$1$2?${OMITTED}`);

interface WebhookEvent {
  readonly id?: unknown;
  readonly name?: unknown;
}

const webhookEventOf = (error: object): WebhookEvent | undefined => {
  const event = (error as { event?: unknown }).event;
  return typeof event === 'object' && event !== null ? event : undefined;
};

/** The errors inside an AggregateError (what @octokit/webhooks rejects with), or the error itself. */
const innerErrors = (value: unknown): Error[] => {
  if (!(value instanceof Error)) return [];
  const errors = (value as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter((e): e is Error => e instanceof Error) : [value];
};

/**
 * The fields of an error that say what went wrong without carrying data. An error can hold what it
 * was about: Octokit's keep the request body and the response (a review's text, a repository
 * file's content from a GraphQL answer), a wrapped error keeps them in its `context.cause`. So a
 * logged error keeps only these, at any depth, and a request only its method and URL.
 */
const ERROR_FIELDS = new Set([
  'type',
  'name',
  'message',
  'stack',
  'code',
  'status',
  'errno',
  'syscall',
  'address',
  'port',
  'variable',
  'deliveryId',
  'eventName',
  'aggregateErrors',
  'context',
  'cause',
]);
const REQUEST_FIELDS = new Set(['method', 'url']);
const MAX_DEPTH = 4;

const keepFields = (value: unknown, fields: ReadonlySet<string>, depth: number): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return OMITTED;
  if (Array.isArray(value)) return value.map((entry) => keepFields(entry, fields, depth + 1));
  const kept: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'request') kept[key] = keepFields(entry, REQUEST_FIELDS, depth + 1);
    else if (fields.has(key)) kept[key] = keepFields(entry, ERROR_FIELDS, depth + 1);
  }
  return kept;
};

/** The error's serialized form: no webhook payload, no request body, no response. */
const serializeError = (error: Error): Record<string, unknown> =>
  keepFields(serializeWithDeliveryIds(error), ERROR_FIELDS, 0) as Record<string, unknown>;

/**
 * The error's serialized form, with the delivery id and event name of the webhook @octokit/webhooks
 * attaches to it (the payload itself is left out with every other field `keepFields` does not keep).
 */
const serializeWithDeliveryIds = (error: Error): Record<string, unknown> => {
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const strip = (entry: Record<string, unknown>, source: object): void => {
    const event = webhookEventOf(source);
    if (event === undefined) return;
    entry.deliveryId = event.id;
    entry.eventName = event.name;
  };
  strip(serialized, error);
  const aggregate = serialized.aggregateErrors;
  const inner = innerErrors(error);
  if (Array.isArray(aggregate))
    aggregate.forEach((entry, index) => {
      const source = inner[index];
      if (source && typeof entry === 'object' && entry !== null)
        strip(entry as Record<string, unknown>, source);
    });
  return serialized;
};

export const createLogger = async (options: LoggerOptions = {}): Promise<Logger> => {
  const reportedSignatureFailures = new WeakSet<Error>();
  const transform = await getTransformStream({ logFormat: options.format ?? 'pretty' });
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as NodeJS.WritableStream));
  return pino(
    {
      // No root name: Probot names its children (`probot`, `http`, `github`, ...), and pino would
      // write a child's name beside the root's, the same key twice in one JSON line.
      level: options.level ?? 'info',
      serializers: { err: serializeError },
      redact: {
        paths: [
          'req.url',
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-hub-signature"]',
          'req.headers["x-hub-signature-256"]',
        ],
        censor: (value: unknown, path: string[]) =>
          path.at(-1) === 'url' && typeof value === 'string'
            ? omitQueryStrings(value)
            : '[redacted]',
      },
      hooks: {
        logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn) {
          const mismatch = args
            .flatMap(innerErrors)
            .find((error) => error.message.includes(SIGNATURE_MISMATCH));
          if (mismatch !== undefined) {
            // Said once, though @octokit/webhooks logs it twice (the error handler and the middleware).
            if (reportedSignatureFailures.has(mismatch)) return;
            reportedSignatureFailures.add(mismatch);
            const event = webhookEventOf(mismatch);
            this.warn(
              { deliveryId: event?.id, event: event?.name },
              'webhook rejected: its signature does not match WEBHOOK_SECRET',
            );
            return;
          }
          const cleaned = args.map((arg: unknown) =>
            typeof arg === 'string' ? omitQueryStrings(arg) : arg,
          ) as Parameters<LogFn>;
          method.apply(this, cleaned);
        },
      },
    },
    transform,
  );
};
