import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicMessage,
} from '../../test/helpers/anthropic-messages.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { provider, request, useNock } from '../providers/test-anthropic-provider.js';
import { askModel } from './ask-model.js';

useNock();

const CONTEXT =
  '## Repository code\n\n<<<PR DATA f00d: file "src/a.ts" lines 1-1: "a changed file">>>\n1 x\n<<<END PR DATA f00d>>>';

/** Two recorded answers: an invalid one that writes the cache, then the repair that reads it. */
const recordRepair = () => {
  const bodies: Array<Record<string, any>> = [];
  const scope = nock(ANTHROPIC_TEST_BASE_URL)
    .post('/v1/messages', (body: Record<string, any>) => {
      bodies.push(body);
      return true;
    })
    .reply(
      200,
      anthropicMessage({
        answer: 'not the schema',
        usage: {
          inputTokens: 700,
          cacheWrite5mTokens: 6_200,
          cacheWrite1hTokens: 0,
          cacheReadTokens: 0,
        },
      }),
    )
    .post('/v1/messages', (body: Record<string, any>) => {
      bodies.push(body);
      return true;
    })
    .reply(
      200,
      anthropicMessage({
        answer: modelAnswer(),
        usage: {
          inputTokens: 760,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          cacheReadTokens: 6_200,
        },
      }),
    );
  return { scope, bodies };
};

describe('the code context on the repair path', () => {
  it('is sent before the pull request with a breakpoint, so the repair reads it from the cache', async () => {
    const { scope, bodies } = recordRepair();

    const outcome = await askModel(provider(), {
      ...request,
      context: CONTEXT,
      cacheContext: true,
    });

    scope.done();
    expect(outcome.kind).toBe('answered');
    for (const body of bodies) {
      expect(body.messages[0].content[0]).toEqual({
        type: 'text',
        text: CONTEXT,
        cache_control: { type: 'ephemeral' },
      });
    }
    expect(bodies[0]?.messages[0].content[1]).toEqual({ type: 'text', text: request.prompt });
    expect(bodies[1]?.messages[0].content[1].text).toContain('Your previous answer was rejected');
    if (outcome.kind !== 'answered') throw new Error('expected an answer');
    const [first] = outcome.spent;
    expect(first?.usage?.cacheWriteTokens).toBe(6_200);
    const repair = outcome.reply.usage;
    expect(repair.cachedInputTokens).toBe(6_200);
    // 89% of the repair's input came from the cache.
    const cachedShare = repair.cachedInputTokens / (repair.cachedInputTokens + repair.inputTokens);
    expect(cachedShare).toBeGreaterThan(0.85);
  });

  it('carries no breakpoint on the context when the prefix is too short to cache', async () => {
    const { scope, bodies } = recordRepair();
    await askModel(provider(), { ...request, context: CONTEXT, cacheContext: false });
    scope.done();
    expect(bodies[0]?.messages[0].content[0]).toEqual({ type: 'text', text: CONTEXT });
  });
});
