/**
 * A fetch that waits until the SDK aborts it, as a stalled provider would: for unit tests of
 * timeouts and aborts without a socket (test/helpers/silent-server.ts is the real-network one).
 */
export const neverAnswers: typeof globalThis.fetch = (_url, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => {
      reject(new DOMException('This operation was aborted', 'AbortError'));
    });
  });
