/**
 * The HTTP client both model SDKs send through. Node's built-in fetch (the undici bundled in Node)
 * gives up on a response after 300 s without its headers (`headersTimeout`) or 300 s between body
 * chunks (`bodyTimeout`), whatever timeout the SDK was given. Our calls are not streamed, so the
 * headers arrive only once the model has finished: a deep model thinking for six minutes would
 * fail with UND_ERR_HEADERS_TIMEOUT although MODEL_TIMEOUT_MS allows ten. The openai SDK says the
 * fix itself (its `timeout` option): undici's own `fetch` with an `Agent` whose timeouts are at
 * least the SDK's. The two must come from the same undici (the npm package at `~7.29`, the release
 * Node 24.21 bundles), since one undici's fetch does not reliably drive another's dispatcher.
 *
 * These timeouts are a backstop only: the SDK's per-call timeout (MODEL_TIMEOUT_MS, or less near
 * the review's deadline) and the deadline's abort signal are what end a call.
 */
import { Agent, fetch as undiciFetch } from 'undici';

export interface ProviderFetchTimeouts {
  /** How long a response's headers may take to arrive after the request was sent. */
  readonly headersTimeoutMs: number;
  /** How long may pass between two chunks of a response's body. */
  readonly bodyTimeoutMs: number;
}

/** What both SDK clients take as their `fetch` and `fetchOptions` options. */
export interface ProviderFetch {
  /** Typed as the global fetch, which is what the SDKs declare they take. */
  readonly fetch: typeof globalThis.fetch;
  readonly fetchOptions: { readonly dispatcher: Agent };
}

/** How far the transport's timeouts stay above the model timeout, so the SDK's fires first. */
export const TRANSPORT_MARGIN_MS = 60_000;

/** Transport timeouts for calls the SDK lets run up to `modelTimeoutMs`: a minute longer. */
export const providerFetchTimeouts = (modelTimeoutMs: number): ProviderFetchTimeouts => ({
  headersTimeoutMs: modelTimeoutMs + TRANSPORT_MARGIN_MS,
  bodyTimeoutMs: modelTimeoutMs + TRANSPORT_MARGIN_MS,
});

export const createProviderFetch = ({
  headersTimeoutMs,
  bodyTimeoutMs,
}: ProviderFetchTimeouts): ProviderFetch => ({
  // The same fetch as Node's own, in a newer release; only the declared types differ: undici
  // 7.29's Request against the older undici-types of @types/node, whose Headers iterators lack
  // the iterator helpers.
  fetch: undiciFetch as typeof globalThis.fetch,
  fetchOptions: {
    dispatcher: new Agent({ headersTimeout: headersTimeoutMs, bodyTimeout: bodyTimeoutMs }),
  },
});
