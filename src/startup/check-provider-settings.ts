/**
 * The model providers' settings, checked at start-up: a provider the operator began to configure
 * but left incomplete stops the process with what to set, rather than failing every review routed
 * to it. A provider with none of its variables is simply off (reviews routed there say so).
 */
import { ConfigError } from '../domain/errors.js';
import type { Env } from '../env.js';

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const fail = (variable: string, message: string): never => {
  throw new ConfigError(message, { variable });
};

const checkAzure = (env: Env): void => {
  const started = env.AZURE_OPENAI_API_KEY ?? env.AZURE_OPENAI_ENDPOINT ?? env.OPENAI_API_VERSION;
  if (started === undefined) return;
  const missing = (
    ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'OPENAI_API_VERSION'] as const
  ).filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    fail(
      missing[0] ?? 'AZURE_OPENAI_ENDPOINT',
      `The azure-openai provider needs AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. To resolve, set them from the Azure OpenAI resource's Keys and Endpoint page (OPENAI_API_VERSION: an API version that serves the Responses API, e.g. 2025-04-01-preview), or unset the others to turn the provider off.`,
    );
  }
  if (!isHttpUrl(env.AZURE_OPENAI_ENDPOINT ?? '')) {
    fail(
      'AZURE_OPENAI_ENDPOINT',
      `AZURE_OPENAI_ENDPOINT is not a URL: ${env.AZURE_OPENAI_ENDPOINT}. To resolve, set it to the resource's endpoint, e.g. https://my-resource.openai.azure.com.`,
    );
  }
  // The SDK appends /openai/responses: a portal "target URI" or a path would be doubled.
  const endpoint = new URL(env.AZURE_OPENAI_ENDPOINT ?? '');
  if (
    endpoint.pathname.replace(/\/+$/, '') !== '' ||
    endpoint.search !== '' ||
    endpoint.hash !== ''
  ) {
    fail(
      'AZURE_OPENAI_ENDPOINT',
      `AZURE_OPENAI_ENDPOINT has a path or a query (${endpoint.pathname}${endpoint.search}); the app adds /openai/responses and the API version itself. To resolve, set it to the resource's endpoint alone, e.g. ${endpoint.origin}.`,
    );
  }
};

/** us-east-1, eu-central-1, us-gov-west-1, cn-north-1. */
const AWS_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
/** global, the multi-regions us and eu, us-east5, europe-west1, northamerica-northeast1. */
const VERTEX_REGION = /^(?:global|us|eu|[a-z]+-[a-z]+\d+)$/;
/** A Google Cloud project ID (6 to 30 characters), a legacy domain-scoped one, or a project number. */
const VERTEX_PROJECT = /^(?:(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{6,20})$/;

const checkBedrock = (env: Env): void => {
  const named = env.AWS_BEARER_TOKEN_BEDROCK
    ? 'AWS_BEARER_TOKEN_BEDROCK'
    : env.ANTHROPIC_BEDROCK_BASE_URL
      ? 'ANTHROPIC_BEDROCK_BASE_URL'
      : null;
  if (named !== null && env.AWS_REGION === undefined) {
    fail(
      'AWS_REGION',
      `${named} is set for the bedrock provider, but AWS_REGION is not. To resolve, set AWS_REGION to the region whose Bedrock serves the models (e.g. us-east-1), or unset ${named}.`,
    );
  }
  if (env.ANTHROPIC_BEDROCK_BASE_URL !== undefined && !isHttpUrl(env.ANTHROPIC_BEDROCK_BASE_URL)) {
    fail(
      'ANTHROPIC_BEDROCK_BASE_URL',
      `ANTHROPIC_BEDROCK_BASE_URL is not a URL: ${env.ANTHROPIC_BEDROCK_BASE_URL}. To resolve, set it to the Bedrock runtime endpoint or proxy, or unset it to use bedrock-runtime.<AWS_REGION>.amazonaws.com.`,
    );
  }
  if (env.AWS_REGION !== undefined && !AWS_REGION.test(env.AWS_REGION)) {
    fail(
      'AWS_REGION',
      `AWS_REGION is not an AWS region: ${JSON.stringify(env.AWS_REGION)}. To resolve, set it to the region whose Bedrock serves the models, e.g. us-east-1.`,
    );
  }
  if ((env.AWS_ACCESS_KEY_ID === undefined) !== (env.AWS_SECRET_ACCESS_KEY === undefined)) {
    fail(
      env.AWS_ACCESS_KEY_ID === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY',
      'Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set. To resolve, set both (from the same access key), or neither to use the rest of the AWS credential chain.',
    );
  }
};

const checkVertex = (env: Env): void => {
  const started =
    env.CLOUD_ML_REGION ?? env.ANTHROPIC_VERTEX_PROJECT_ID ?? env.ANTHROPIC_VERTEX_BASE_URL;
  if (started === undefined) return;
  const missing = (['CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_PROJECT_ID'] as const).filter(
    (name) => env[name] === undefined,
  );
  if (missing.length > 0) {
    fail(
      missing[0] ?? 'CLOUD_ML_REGION',
      `The vertex provider needs CLOUD_ML_REGION and ANTHROPIC_VERTEX_PROJECT_ID, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. To resolve, set CLOUD_ML_REGION (e.g. global or us-east5) and ANTHROPIC_VERTEX_PROJECT_ID (the Google Cloud project with Claude enabled), or unset the others to turn the provider off.`,
    );
  }
  if (!VERTEX_REGION.test(env.CLOUD_ML_REGION ?? '')) {
    fail(
      'CLOUD_ML_REGION',
      `CLOUD_ML_REGION is not a Google Cloud region: ${JSON.stringify(env.CLOUD_ML_REGION)}. To resolve, set it to global, a multi-region (us, eu) or a region that serves Claude, e.g. us-east5.`,
    );
  }
  if (!VERTEX_PROJECT.test(env.ANTHROPIC_VERTEX_PROJECT_ID ?? '')) {
    fail(
      'ANTHROPIC_VERTEX_PROJECT_ID',
      `ANTHROPIC_VERTEX_PROJECT_ID is not a Google Cloud project ID: ${JSON.stringify(env.ANTHROPIC_VERTEX_PROJECT_ID)}. To resolve, set it to the project's ID (6 to 30 lowercase letters, digits and hyphens, e.g. acme-reviews) or number, not its display name.`,
    );
  }
  if (env.ANTHROPIC_VERTEX_BASE_URL !== undefined && !isHttpUrl(env.ANTHROPIC_VERTEX_BASE_URL)) {
    fail(
      'ANTHROPIC_VERTEX_BASE_URL',
      `ANTHROPIC_VERTEX_BASE_URL is not a URL: ${env.ANTHROPIC_VERTEX_BASE_URL}. To resolve, set it to the Vertex AI endpoint or proxy, or unset it to use the region's endpoint.`,
    );
  }
};

const checkCompatible = (env: Env): void => {
  if (env.OPENAI_COMPATIBLE_BASE_URL === undefined) {
    if (env.OPENAI_COMPATIBLE_API_KEY !== undefined) {
      fail(
        'OPENAI_COMPATIBLE_BASE_URL',
        "OPENAI_COMPATIBLE_API_KEY is set, but OPENAI_COMPATIBLE_BASE_URL is not. To resolve, set OPENAI_COMPATIBLE_BASE_URL to the server's Chat Completions base URL (e.g. http://ollama:11434/v1), or unset OPENAI_COMPATIBLE_API_KEY.",
      );
    }
    return;
  }
  if (!isHttpUrl(env.OPENAI_COMPATIBLE_BASE_URL)) {
    fail(
      'OPENAI_COMPATIBLE_BASE_URL',
      `OPENAI_COMPATIBLE_BASE_URL is not an http(s) URL: ${env.OPENAI_COMPATIBLE_BASE_URL}. To resolve, set it to the server's base URL including /v1 (e.g. http://ollama:11434/v1).`,
    );
  }
};

/** The two first-party providers' base URLs, when the operator points them elsewhere (a proxy, a gateway). */
const checkBaseUrls = (env: Env): void => {
  const defaults = {
    OPENAI_BASE_URL: 'https://api.openai.com/v1',
    ANTHROPIC_BASE_URL: 'https://api.anthropic.com',
  } as const;
  for (const [variable, official] of Object.entries(defaults) as [
    keyof typeof defaults,
    string,
  ][]) {
    const value = env[variable];
    if (value !== undefined && !isHttpUrl(value)) {
      fail(
        variable,
        `${variable} is not an http(s) URL: ${value}. To resolve, set it to the API's base URL or your proxy's (the default is ${official}), or unset it.`,
      );
    }
  }
};

export const checkProviderSettings = (env: Env): void => {
  checkBaseUrls(env);
  checkAzure(env);
  checkBedrock(env);
  checkVertex(env);
  checkCompatible(env);
};
