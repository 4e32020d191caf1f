/**
 * The body of one Messages API request for a review, the same for an immediate call
 * (`anthropic-provider.ts`) and a Message Batch (`anthropic-batch.ts`): adaptive thinking and
 * effort from 4.6 on, the JSON-schema output format, the cache breakpoint on the last stable
 * system block. Never temperature, never a forced tool, never a prefill: all three are 400s with
 * thinking on the 4.6+ models.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { Effort } from '../domain/policy.js';
import type { ReviewRequest } from './types.js';

type AnthropicEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** What the body reads of a review request: the deadline and its signal belong to the call. */
export type MessagesRequestInput = Omit<ReviewRequest, 'timeoutMs' | 'signal'>;

/** `format` is the SDK's zod output format, or its JSON-serializable `type` and `schema` alone. */
export const messagesRequestBody = <Format>(request: MessagesRequestInput, format: Format) => {
  const adaptive = modelGeneration(request.model) === 'adaptive';
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    system: systemBlocks(request),
    messages: [{ role: 'user' as const, content: userContent(request) }],
    ...(adaptive ? { thinking: { type: 'adaptive' as const } } : {}),
    output_config: {
      ...(adaptive ? { effort: anthropicEffort(request.effort, request.model) } : {}),
      format,
    },
  };
};

/**
 * System first, then the repository context, with the cache breakpoint on the last stable block:
 * the provider caches everything up to it, so the pull request is the only uncached input.
 */
const systemBlocks = (request: MessagesRequestInput): Anthropic.TextBlockParam[] => {
  const texts = [request.system, request.repositoryContext].filter((text) => text !== '');
  return texts.map((text, index) => ({
    type: 'text',
    text,
    ...(index === texts.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
  }));
};

/**
 * The pull request alone, or the code context first as its own block, with a breakpoint after it
 * when the review asks for one: a repair attempt then reads the system, the repository's
 * instructions and the code from the cache.
 */
const userContent = (request: MessagesRequestInput): string | Anthropic.TextBlockParam[] => {
  const context = request.context ?? '';
  if (context === '') return request.prompt;
  return [
    {
      type: 'text',
      text: context,
      ...(request.cacheContext === true ? { cache_control: { type: 'ephemeral' as const } } : {}),
    },
    { type: 'text', text: request.prompt },
  ];
};

/**
 * `claude-<family>-<major>[-<minor>][-<date>]`. Adaptive thinking and `output_config.effort` came
 * with 4.6; older models get neither (manual thinking budgets are not worth it for a review).
 * A name we cannot read is assumed to be newer.
 */
const modelGeneration = (model: string): 'adaptive' | 'legacy' => {
  const version = /^claude-[a-z]+-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(claudeName(model));
  if (!version) return 'adaptive';
  const major = Number(version[1]);
  const minor = Number(version[2] ?? '0');
  return major > 4 || (major === 4 && minor >= 6) ? 'adaptive' : 'legacy';
};

/**
 * Our efforts on Anthropic's scale (low | medium | high | xhigh | max): none and minimal become
 * low, the lowest there is; xhigh, which the 4.6 models do not take, becomes max there, the next
 * level above high.
 */
const anthropicEffort = (effort: Effort, model: string): AnthropicEffort => {
  if (effort === 'none' || effort === 'minimal') return 'low';
  if (effort === 'xhigh' && /-4-6(?:-\d{8})?$/.test(claudeName(model))) return 'max';
  return effort;
};

/**
 * The Claude name inside a cloud's model ID: Bedrock's `global.anthropic.claude-opus-4-6-v1`
 * (or `...-v1:0`) and Vertex's `claude-opus-4-6@20260101` are `claude-opus-4-6`.
 */
const claudeName = (model: string): string =>
  model
    .replace(/^(?:[a-z]+\.)?anthropic\./, '')
    .replace(/-v\d+(?::\d+)?$/, '')
    .replace(/@.*$/, '');
