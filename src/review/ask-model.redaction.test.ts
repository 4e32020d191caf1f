import { describe, expect, it } from 'vitest';
import { err, ok } from '../domain/result.js';
import type { ModelProvider, ProviderFailure, ReviewRequest } from '../providers/types.js';
import { request } from '../providers/test-anthropic-provider.js';
import { FAKE_SECRETS as S } from '../secrets/test-secrets.js';
import type { KnownSecret } from '../secrets/types.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { askModel } from './ask-model.js';

/** A value of the pull request the detectors found, redacted from the prompt the model saw. */
const KNOWN: KnownSecret[] = [{ value: S.password, kind: 'generic-secret' }];

const failure = (fields: Partial<ProviderFailure>): ProviderFailure => ({
  kind: 'bad-request',
  provider: 'anthropic',
  message: '',
  status: 400,
  usage: null,
  rawAnswer: null,
  retryable: false,
  ...fields,
});

/** A provider that gives these replies in turn and keeps the requests it was sent. */
const scripted = (
  replies: ReturnType<ModelProvider['review']> extends Promise<infer R> ? R[] : never,
) => {
  const sent: ReviewRequest[] = [];
  const provider: ModelProvider = {
    id: 'anthropic',
    review: (sentRequest) => {
      sent.push(sentRequest);
      const reply = replies.shift();
      if (reply === undefined) throw new Error('no reply left');
      return Promise.resolve(reply);
    },
  };
  return { provider, sent };
};

describe('a failed model call', () => {
  it('has the secrets in its error redacted before anything reads it', async () => {
    const { provider } = scripted([
      err(failure({ message: `Invalid prompt: "${S.awsAccessKeyId}" near "${S.password}"` })),
    ]);
    const outcome = await askModel(provider, request, undefined, KNOWN);
    if (outcome.kind !== 'failed') throw new Error('expected a failure');
    const text = JSON.stringify(outcome);
    expect(text).not.toContain(S.awsAccessKeyId);
    expect(text).not.toContain(S.password);
    expect(outcome.failure.message).toContain('[REDACTED:');
  });

  it('sends the repair request and records the invalid answer without the secrets it quoted', async () => {
    const quoted = `severity: received "${S.githubToken} ${S.password}"`;
    const { provider, sent } = scripted([
      err(failure({ kind: 'invalid-answer', message: quoted, rawAnswer: quoted, status: null })),
      ok({
        answer: modelAnswer(),
        usage: {
          inputTokens: 1,
          cachedInputTokens: 0,
          cacheWriteTokens: 0,
          outputTokens: 1,
          reasoningTokens: 0,
        },
      } as never),
    ]);
    const outcome = await askModel(provider, request, undefined, KNOWN);
    expect(outcome.kind).toBe('answered');
    const repair = sent[1]?.prompt ?? '';
    expect(repair).toContain('Your previous answer was rejected');
    expect(repair).not.toContain(S.githubToken);
    expect(repair).not.toContain(S.password);
    expect(JSON.stringify(outcome.spent)).not.toContain(S.githubToken);
  });
});
