/** What the review stage knows of where each provider's settings come from and how flex waits. */
import type { ProviderId } from '../domain/policy.js';

/**
 * How long a flex request may take: flex queues for capacity, and OpenAI advises 15 minutes. A
 * longer MODEL_TIMEOUT_MS stays; the review's deadline still caps the call.
 */
export const FLEX_TIMEOUT_MS = 15 * 60_000;

export const flexTimeoutMs = (modelTimeoutMs: number): number =>
  Math.max(modelTimeoutMs, FLEX_TIMEOUT_MS);

/** The variables that turn each provider on. */
const SETTINGS: Record<ProviderId, string> = {
  openai: 'set OPENAI_API_KEY',
  anthropic: 'set ANTHROPIC_API_KEY',
  'azure-openai': 'set AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION',
  bedrock: 'set AWS_REGION and AWS_BEARER_TOKEN_BEDROCK (or AWS credentials)',
  vertex:
    'set ANTHROPIC_VERTEX_PROJECT_ID and CLOUD_ML_REGION (with Google application default credentials)',
  'openai-compatible': 'set OPENAI_COMPATIBLE_BASE_URL',
};

/** Why a review routed to a provider the app was started without could not be sent. */
export const notConfigured = (provider: ProviderId): string =>
  provider === 'openai' || provider === 'anthropic'
    ? `no ${provider} API key is configured: ${SETTINGS[provider]} and restart the app`
    : `the ${provider} provider is not configured: ${SETTINGS[provider]} and restart the app`;
