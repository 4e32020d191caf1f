/** A reply whose provider reported no usage, with the app's own token counts instead of none. */
import type { Log } from '../domain/log.js';
import type { ProviderReply } from '../providers/types.js';
import { countTokens } from './count-tokens.js';

/**
 * Some OpenAI-compatible servers (and proxies) leave `usage` out of their answer. Recorded as
 * reported, the review would cost $0 whatever the model's price, and the budget would never see
 * it. Such a reply gets the prompt's tokens as the app counted them for the budget, and the
 * answer's as its JSON counts, and the log says so.
 */
export const withCountedUsage = (
  reply: ProviderReply,
  promptTokens: number,
  log: Pick<Log, 'warn'>,
): ProviderReply => {
  const { usage } = reply;
  if (usage.inputTokens > 0 || usage.outputTokens > 0) return reply;
  const outputTokens = countTokens(JSON.stringify(reply.answer));
  log.warn(
    { provider: usage.provider, model: reply.model, inputTokens: promptTokens, outputTokens },
    "the provider reported no usage: recorded with the app's own token counts",
  );
  return { ...reply, usage: { ...usage, inputTokens: promptTokens, outputTokens } };
};
