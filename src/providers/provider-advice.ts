/**
 * What an operator can do about a failure, per provider: the same 429 means a per-minute rate
 * limit at OpenAI, throttling at Amazon Bedrock and an exhausted quota at Google Vertex AI, and
 * each is fixed in a different console. Only failures with a fix the operator can make get advice.
 */
import type { ProviderId } from '../domain/policy.js';
import type { ProviderFailureKind } from './types.js';

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'azure-openai': 'Azure OpenAI',
  bedrock: 'Amazon Bedrock',
  vertex: 'Google Vertex AI',
  'openai-compatible': 'The OpenAI-compatible server',
};

type Advice = Partial<Record<ProviderFailureKind, string>>;

const ADVICE: Record<ProviderId, Advice> = {
  openai: { auth: "check OPENAI_API_KEY and the account's access to the model" },
  anthropic: { auth: "check ANTHROPIC_API_KEY and the account's access to the model" },
  'azure-openai': {
    auth: 'check AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT (the key belongs to that resource)',
    'bad-request':
      'check that the policy names a deployment of AZURE_OPENAI_ENDPOINT (the model is the deployment name) and that OPENAI_API_VERSION serves the Responses API',
    refused:
      "the deployment's content filter blocked it: review the filter configuration of the deployment in Azure AI Foundry, or route this repository to another provider",
  },
  bedrock: {
    auth: "check AWS_BEARER_TOKEN_BEDROCK or the AWS credentials, and the account's access to the model in AWS_REGION (Bedrock console, Model access)",
    'rate-limited':
      "Bedrock throttled the account (ThrottlingException): raise the model's tokens-per-minute quota in AWS Service Quotas, or use a cross-region inference profile (a global. or us. model ID)",
    'bad-request':
      'check the Bedrock model ID (e.g. global.anthropic.claude-opus-4-6-v1) and that it is offered in AWS_REGION',
  },
  vertex: {
    auth: "check the Google application default credentials (GOOGLE_APPLICATION_CREDENTIALS or the workload's service account) and that Claude is enabled for ANTHROPIC_VERTEX_PROJECT_ID in the Model Garden",
    'rate-limited':
      "the project's Vertex AI quota for the model is used up (RESOURCE_EXHAUSTED): request a higher quota in the Google Cloud console (IAM & Admin, Quotas), or set CLOUD_ML_REGION=global, which draws on a shared pool",
    'bad-request': 'check the model ID and that it is offered in CLOUD_ML_REGION',
  },
  'openai-compatible': {
    auth: 'check OPENAI_COMPATIBLE_API_KEY',
    connection:
      'start the model server at OPENAI_COMPATIBLE_BASE_URL, or fix the URL (the app must reach it, e.g. not localhost from inside a container)',
    'bad-request':
      'check that the server serves the model the policy names (e.g. `ollama pull` it first)',
  },
};

/**
 * How the APIs say a request holds more tokens than the model's context window (Anthropic,
 * Bedrock, OpenAI, Azure, vLLM, Ollama): a prompt the app built too large for the model, not a
 * wrong model name.
 */
const OVER_CONTEXT =
  /prompt is too long|context[_ ]length|maximum context|context window|too many (?:input )?tokens|input is too long/i;

const OVER_CONTEXT_ADVICE =
  "set MAX_INPUT_TOKENS below the model's context window, or name a model with a larger window for this tier";

/** `. To resolve, ...` for failures the operator can fix, else nothing. */
export const adviceFor = (
  provider: ProviderId,
  kind: ProviderFailureKind,
  message = '',
): string => {
  const advice =
    kind === 'bad-request' && OVER_CONTEXT.test(message)
      ? OVER_CONTEXT_ADVICE
      : ADVICE[provider][kind];
  return advice === undefined ? '' : `. To resolve, ${advice}`;
};
