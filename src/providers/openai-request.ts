/**
 * The body of one Responses API request for a review, the same for an immediate call
 * (`openai-provider.ts`) and a batch line (`openai-batch.ts`): the system as instructions, the
 * repository context as a developer message, the code context and the pull request as user
 * messages, a strict JSON-schema answer, nothing stored.
 */
import type { ReviewRequest } from './types.js';

/** What the body reads of a review request: the deadline, signal and tier belong to the call. */
export type ResponsesRequestInput = Omit<ReviewRequest, 'timeoutMs' | 'signal'>;

/** `format` is the SDK's zod text format (the immediate call's carries its parser). */
export const responsesRequestBody = <Format>(request: ResponsesRequestInput, format: Format) => ({
  model: request.model,
  instructions: request.system,
  input: [
    ...(request.repositoryContext === ''
      ? []
      : [{ role: 'developer' as const, content: request.repositoryContext }]),
    // Code is data from the repository: a user message, before the pull request so the cached
    // prefix covers it (OpenAI caches prefixes of 1,024 tokens and more).
    ...(request.context === undefined || request.context === ''
      ? []
      : [{ role: 'user' as const, content: request.context }]),
    { role: 'user' as const, content: request.prompt },
  ],
  reasoning: { effort: request.effort },
  text: { format },
  max_output_tokens: request.maxOutputTokens,
  store: false,
  prompt_cache_key: request.cacheKey,
});
