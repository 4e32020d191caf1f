import AnthropicVertex from '@anthropic-ai/vertex-sdk';
import type { GoogleAuth } from 'google-auth-library';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fakeGoogleAuthClient,
  VERTEX_TEST_ORIGIN,
  VERTEX_TEST_PROJECT,
  VERTEX_TEST_REGION,
  VERTEX_TEST_TOKEN,
  vertexPath,
} from '../../test/helpers/cloud-clients.js';
import { anthropicMessage } from '../../test/helpers/anthropic-messages.js';
import { retryingGoogleAuth } from './build-providers.js';

afterEach(() => nock.cleanAll());

const MODEL = 'claude-opus-4-6';

/** Google credentials that are not there on the first lookup (a key mounted late), then are. */
const lateCredentials = () => {
  let lookups = 0;
  const auth = {
    getClient: () => {
      lookups += 1;
      return lookups === 1
        ? Promise.reject(new Error('Could not load the default credentials'))
        : Promise.resolve(fakeGoogleAuthClient());
    },
  } as unknown as GoogleAuth;
  return { auth, lookups: () => lookups };
};

const ask = (client: AnthropicVertex) =>
  client.messages.create({
    model: MODEL,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Review this.' }],
  });

describe('retryingGoogleAuth', () => {
  it('looks the credentials up again on the next request after a lookup failed', async () => {
    const credentials = lateCredentials();
    const client = new AnthropicVertex({
      region: VERTEX_TEST_REGION,
      projectId: VERTEX_TEST_PROJECT,
      googleAuth: retryingGoogleAuth(credentials.auth),
      maxRetries: 0,
    });
    const scope = nock(VERTEX_TEST_ORIGIN)
      .post(vertexPath(MODEL))
      .matchHeader('authorization', `Bearer ${VERTEX_TEST_TOKEN}`)
      .reply(200, anthropicMessage({ answer: 'fine' }));

    await expect(ask(client)).rejects.toThrow('Failed to acquire Google OAuth credentials');
    await ask(client);

    scope.done();
    expect(credentials.lookups()).toBe(2);
  });
});
