import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicTestClient,
} from '../../test/helpers/anthropic-messages.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import type { ReviewRequest } from './types.js';

export const request: ReviewRequest = {
  model: 'claude-opus-4-6',
  effort: 'high',
  system: 'You are review-router.',
  repositoryContext: '# This repository\n\n- Report at most 25 findings.',
  prompt: 'Review pull request #42.',
  // Above the SDK's non-streaming limit: only an explicit timeout lets it through.
  maxOutputTokens: 32_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 300_000,
};

export const provider = () => createAnthropicProvider({ client: anthropicTestClient() });

/** Captures the body of the one expected `POST /v1/messages`. */
export const expectMessage = (reply: Record<string, unknown>) => {
  const sent: { body?: Record<string, unknown> } = {};
  const scope = nock(ANTHROPIC_TEST_BASE_URL)
    .post('/v1/messages', (body: Record<string, unknown>) => {
      sent.body = body;
      return true;
    })
    .reply(200, reply, { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' });
  return { scope, sent };
};

/** Refuses real network calls for the file and forgets unused interceptors after each test. */
export const useNock = (): void => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => nock.cleanAll());
};
