import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import { parseEnv } from '../env.js';
import { buildProviders } from './build-providers.js';
import { checkProviderSettings } from './check-provider-settings.js';
import type { GoogleAuth } from 'google-auth-library';
import { fakeGoogleAuthClient } from '../../test/helpers/cloud-clients.js';

const check = (vars: Record<string, string>) => () => checkProviderSettings(parseEnv(vars));

describe('checkProviderSettings', () => {
  it.each([
    [
      'an Azure key without its endpoint and API version',
      { AZURE_OPENAI_API_KEY: 'k' },
      'The azure-openai provider needs AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION, and AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION are not set. To resolve,',
    ],
    [
      'an Azure endpoint that is not a URL',
      {
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_ENDPOINT: 'acme',
        OPENAI_API_VERSION: '2025-04-01-preview',
      },
      'AZURE_OPENAI_ENDPOINT is not a URL: acme. To resolve,',
    ],
    [
      'an Azure endpoint with the target URI pasted from the portal',
      {
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_ENDPOINT:
          'https://acme.openai.azure.com/openai/responses?api-version=2025-04-01-preview',
        OPENAI_API_VERSION: '2025-04-01-preview',
      },
      "AZURE_OPENAI_ENDPOINT has a path or a query (/openai/responses?api-version=2025-04-01-preview); the app adds /openai/responses and the API version itself. To resolve, set it to the resource's endpoint alone, e.g. https://acme.openai.azure.com.",
    ],
    [
      'an AWS region with blanks',
      { AWS_REGION: 'us east 1', AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key' },
      'AWS_REGION is not an AWS region: "us east 1". To resolve,',
    ],
    [
      'a Vertex region that cannot be one',
      { CLOUD_ML_REGION: ';x', ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews' },
      'CLOUD_ML_REGION is not a Google Cloud region: ";x". To resolve,',
    ],
    [
      "a Vertex project's display name for its ID",
      { CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'Acme Reviews' },
      'ANTHROPIC_VERTEX_PROJECT_ID is not a Google Cloud project ID: "Acme Reviews". To resolve,',
    ],
    [
      'a Bedrock API key without a region',
      { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key' },
      'AWS_BEARER_TOKEN_BEDROCK is set for the bedrock provider, but AWS_REGION is not. To resolve,',
    ],
    [
      'half an AWS access key',
      { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' },
      'Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set. To resolve,',
    ],
    [
      'a Vertex project without a region',
      { ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews' },
      'The vertex provider needs CLOUD_ML_REGION and ANTHROPIC_VERTEX_PROJECT_ID, and CLOUD_ML_REGION is not set. To resolve,',
    ],
    [
      'an OpenAI-compatible key without a server',
      { OPENAI_COMPATIBLE_API_KEY: 'sk-or-v1-test' },
      'OPENAI_COMPATIBLE_API_KEY is set, but OPENAI_COMPATIBLE_BASE_URL is not. To resolve,',
    ],
    [
      'an OpenAI-compatible server address that is not http',
      { OPENAI_COMPATIBLE_BASE_URL: 'localhost:11434' },
      'OPENAI_COMPATIBLE_BASE_URL is not an http(s) URL: localhost:11434. To resolve,',
    ],
    [
      'an OpenAI base URL that is not a URL',
      { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'notaurl' },
      'OPENAI_BASE_URL is not an http(s) URL: notaurl. To resolve,',
    ],
    [
      'an Anthropic base URL without its scheme',
      { ANTHROPIC_BASE_URL: 'api.anthropic.com' },
      'ANTHROPIC_BASE_URL is not an http(s) URL: api.anthropic.com. To resolve,',
    ],
  ])('stops the process for %s, saying what to set', (_case, vars, message) => {
    expect(check(vars)).toThrow(ConfigError);
    expect(check(vars)).toThrow(message);
  });

  it('accepts no provider variables at all, and every provider fully configured', () => {
    expect(check({})).not.toThrow();
    expect(
      check({
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_ENDPOINT: 'https://acme.openai.azure.com',
        OPENAI_API_VERSION: '2025-04-01-preview',
        AWS_REGION: 'us-east-1',
        AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key',
        CLOUD_ML_REGION: 'global',
        ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews',
        OPENAI_COMPATIBLE_BASE_URL: 'http://ollama:11434/v1',
      }),
    ).not.toThrow();
    expect(
      check({
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_ENDPOINT: 'https://acme.openai.azure.com/',
        OPENAI_API_VERSION: '2025-04-01-preview',
        AWS_REGION: 'us-gov-west-1',
        CLOUD_ML_REGION: 'northamerica-northeast1',
        ANTHROPIC_VERTEX_PROJECT_ID: '123456789012',
      }),
    ).not.toThrow();
    expect(
      check({ CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'example.com:reviews' }),
    ).not.toThrow();
  });
});

describe('buildProviders', () => {
  it.each(['global', 'us', 'eu', 'us-east5', 'europe-west1'])(
    'accepts the Vertex region %s, as the SDK serves it',
    (region) => {
      expect(
        check({ CLOUD_ML_REGION: region, ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews' }),
      ).not.toThrow();
    },
  );

  it('builds a provider for each one the environment configures, and none for the rest', () => {
    const providers = buildProviders({
      env: parseEnv({
        OPENAI_API_KEY: 'sk-test',
        AWS_REGION: 'us-east-1',
        AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key',
        CLOUD_ML_REGION: 'global',
        ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews',
        OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:11434/v1',
      }),
      modelTimeoutMs: 600_000,
      // Google's default credentials would probe the cloud metadata server: a stand-in instead.
      googleAuth: {
        getClient: () => Promise.resolve(fakeGoogleAuthClient()),
      } as unknown as GoogleAuth,
    });
    expect(Object.keys(providers).sort()).toEqual([
      'bedrock',
      'openai',
      'openai-compatible',
      'vertex',
    ]);
    expect(Object.entries(providers).every(([id, provider]) => provider.id === id)).toBe(true);
  });
});
