/**
 * Typed failures shared by every adapter. The SDKs come from the same generator, so an HTTP
 * error is a status, headers and a message in all of them; each adapter only says which of its
 * classes mean a timeout or a lost connection. What to do about a failure depends on where the
 * model runs, so the advice is per provider (provider-advice.ts).
 */
import { formatDuration } from '../domain/format-duration.js';
import type { ProviderId } from '../domain/policy.js';
import type { Usage } from '../domain/usage.js';
import { adviceFor, PROVIDER_NAMES as NAMES } from './provider-advice.js';
import type { ProviderFailure, ProviderFailureKind } from './types.js';

/** What a retry of the same request can fix: capacity and transport, not the request itself. */
const RETRYABLE = new Set<ProviderFailureKind>([
  'rate-limited',
  'overloaded',
  'server-error',
  'timeout',
  'connection',
]);

export interface HttpFailureInput {
  readonly provider: ProviderId;
  readonly status: number;
  readonly headers: HeaderReader | undefined;
  /** The SDK's message, which starts with the status. */
  readonly message: string;
  /** The SDK said overloaded (Anthropic's OverloadedError), whatever the status. */
  readonly overloaded?: boolean;
  /** The error's code or type from the body (`content_filter`, `ThrottlingException`, ...). */
  readonly code?: string | null;
}

/**
 * The SDK's message without any part of an API key: OpenAI's 401 quotes the key it got, masked
 * but for its last characters, and the message goes to the log, the ledger and the check run.
 */
const withoutKeys = (message: string): string =>
  message.replace(/\bsk-[A-Za-z0-9_*-]{4,}/g, 'sk-…');

export const httpFailure = (input: HttpFailureInput): ProviderFailure => {
  const { provider, status } = input;
  const kind = kindForCode(input.code) ?? kindForStatus(status, input.overloaded ?? false);
  const retryAfterMs = input.headers ? readRetryAfterMs(input.headers) : null;
  const wait = retryAfterMs === null ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
  return {
    kind,
    provider,
    message: `${NAMES[provider]} ${DESCRIPTIONS[kind]}${wait}: ${withoutKeys(input.message)}${adviceFor(provider, kind, input.message)}`,
    status,
    usage: null,
    rawAnswer: null,
    // 409 is a conflict the SDKs themselves retry.
    retryable: RETRYABLE.has(kind) || status === 409,
    ...(retryAfterMs === null ? {} : { retryAfterMs }),
  };
};

export const transportFailure = (
  provider: ProviderId,
  kind: 'timeout' | 'connection',
  message: string,
): ProviderFailure => ({
  kind,
  provider,
  message: `${NAMES[provider]} ${DESCRIPTIONS[kind]}: ${message}${adviceFor(provider, kind)}`,
  status: null,
  usage: null,
  rawAnswer: null,
  retryable: true,
});

/**
 * The review's total deadline passed while the provider was answering (the deadline aborted the
 * call): a timeout, but one that no retry or fallback can fix, since no time is left for either.
 */
export const deadlineFailure = (provider: ProviderId, totalMs: number): ProviderFailure => ({
  kind: 'timeout',
  provider,
  message:
    `The review's total deadline (${formatDuration(totalMs)}) passed while ${NAMES[provider]} was ` +
    'answering, so the call was stopped. To resolve, raise REVIEW_DEADLINE_MS if reviews this ' +
    'size need longer',
  status: null,
  usage: null,
  rawAnswer: null,
  retryable: false,
});

export interface AnswerFailureInput {
  readonly provider: ProviderId;
  readonly kind: 'invalid-answer' | 'refused' | 'incomplete' | 'server-error';
  readonly message: string;
  /** Tokens the answer cost: it is billed even though it is unusable. */
  readonly usage: Usage;
  readonly rawAnswer: string | null;
}

/**
 * The provider answered HTTP 200 with a body that is not its API's shape (a proxy's own answer,
 * an API that changed): reading it failed before any usage was known. Like any failure on the
 * provider's side, the policy's fallback model (another provider) may answer instead.
 */
export const unreadableAnswer = (provider: ProviderId, error: Error): ProviderFailure => ({
  kind: 'server-error',
  provider,
  message: `${NAMES[provider]} ${DESCRIPTIONS['server-error']}: its answer is not in the shape of its API (${withoutKeys(error.message)})`,
  status: 200,
  usage: null,
  rawAnswer: null,
  retryable: true,
});

/** The provider answered (HTTP 200) but the answer cannot be used. */
export const answerFailure = (input: AnswerFailureInput): ProviderFailure => ({
  kind: input.kind,
  provider: input.provider,
  message: `${NAMES[input.provider]} ${DESCRIPTIONS[input.kind]}: ${input.message}`,
  status: null,
  usage: input.usage,
  rawAnswer: input.rawAnswer,
  retryable: RETRYABLE.has(input.kind),
});

const DESCRIPTIONS: Record<ProviderFailureKind, string> = {
  'rate-limited': 'rate-limited the request',
  overloaded: 'is overloaded',
  'server-error': 'failed on its side',
  timeout: 'did not answer in time',
  connection: 'could not be reached',
  'invalid-answer': 'returned an answer that fails the review schema',
  refused: 'refused to answer',
  incomplete: 'stopped before the answer was complete',
  'bad-request': 'rejected the request',
  auth: 'rejected the credentials',
};

/**
 * Errors named by their code whatever their status: a content filter, and Bedrock's errors that
 * AWS documents as worth sending again (a 400 ServiceQuotaExceededException "can be resubmitted
 * later", a 424 ModelErrorException is the model's own failure).
 */
const kindForCode = (code: string | null | undefined): ProviderFailureKind | null => {
  if (code === 'content_filter') return 'refused';
  if (code === 'ThrottlingException' || code === 'ServiceQuotaExceededException')
    return 'rate-limited';
  if (code === 'ModelErrorException' || code === 'ModelNotReadyException') return 'server-error';
  return null;
};

const kindForStatus = (status: number, overloaded: boolean): ProviderFailureKind => {
  if (overloaded || status === 529) return 'overloaded';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 402 || status === 403) return 'auth';
  if (status >= 500) return 'server-error';
  return 'bad-request';
};

/**
 * What is read of a response's headers. The transport's `fetch` (the `undici` package) has a
 * `Headers` class of its own, so headers are known by their `get`, never by `instanceof`.
 */
export type HeaderReader = Pick<Headers, 'get'>;

export const isHeaderReader = (value: unknown): value is HeaderReader =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { get?: unknown }).get === 'function';

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date). */
export const readRetryAfterMs = (
  headers: HeaderReader,
  now: number = Date.now(),
): number | null => {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};
