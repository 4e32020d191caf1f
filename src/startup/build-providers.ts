/**
 * Builds a model provider for each provider the operator's environment configures, each SDK
 * client from the variables with the SDK's own names (checked by check-provider-settings.ts).
 * Every option is passed explicitly, so `./.env` counts as much as the shell; only the AWS
 * credential chain and Google's application default credentials are found by the SDKs themselves.
 */
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import Anthropic from '@anthropic-ai/sdk';
import AnthropicVertex from '@anthropic-ai/vertex-sdk';
import { GoogleAuth, type AuthClient } from 'google-auth-library';
import OpenAI, { AzureOpenAI } from 'openai';
import type { ProviderId } from '../domain/policy.js';
import type { Env } from '../env.js';
import { createAnthropicProvider } from '../providers/anthropic-provider.js';
import { createOpenAIChatProvider } from '../providers/openai-chat-provider.js';
import { createOpenAIProvider } from '../providers/openai-provider.js';
import { createProviderFetch, providerFetchTimeouts } from '../providers/provider-fetch.js';
import type { ModelProvider } from '../providers/types.js';
import { flexTimeoutMs } from '../review/provider-settings.js';

export type Providers = Partial<Record<ProviderId, ModelProvider>>;

export interface BuildProvidersOptions {
  readonly env: Env;
  readonly modelTimeoutMs: number;
  /** How Vertex AI authenticates; default: Google's application default credentials. */
  readonly googleAuth?: GoogleAuth;
}

/**
 * Google's credentials, looked up on each Vertex request until a lookup succeeds. The SDK asks for
 * the client once, as it is built, and keeps that promise: a lookup that failed then (a metadata
 * server or a mounted key not ready at boot, or no credentials on this host) would fail every
 * Vertex review until a restart, or end the process with an unhandled rejection. So the SDK is
 * given a stand-in at once, whose request headers come from the real client, looked up again
 * after a failure.
 */
export const retryingGoogleAuth = (auth: GoogleAuth): GoogleAuth => {
  const getClient = auth.getClient.bind(auth);
  let client: Promise<AuthClient> | null = null;
  const current = (): Promise<AuthClient> => {
    if (client === null) {
      const looking = getClient();
      looking.catch(() => {
        client = null;
      });
      client = looking;
    }
    return client;
  };
  // The SDK reads only these of the client: the headers, and a project it does not need (the
  // project comes from ANTHROPIC_VERTEX_PROJECT_ID).
  const standIn = {
    getRequestHeaders: async (url?: string) => (await current()).getRequestHeaders(url),
    projectId: undefined,
  };
  auth.getClient = () => Promise.resolve(standIn as unknown as AuthClient);
  return auth;
};

export const buildProviders = ({
  env,
  modelTimeoutMs,
  googleAuth,
}: BuildProvidersOptions): Providers => {
  // Calls may run up to the model timeout (flex: 15 minutes); the transport's own limits sit above.
  const transport = createProviderFetch(providerFetchTimeouts(modelTimeoutMs));
  const flexTransport = createProviderFetch(providerFetchTimeouts(flexTimeoutMs(modelTimeoutMs)));
  const common = { maxRetries: 2, ...transport };
  const providers: Providers = {};
  if (env.OPENAI_API_KEY) {
    providers.openai = createOpenAIProvider({
      client: new OpenAI({
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.OPENAI_BASE_URL ?? null,
        maxRetries: 2,
        ...flexTransport,
      }),
    });
  }
  if (env.ANTHROPIC_API_KEY) {
    providers.anthropic = createAnthropicProvider({
      client: new Anthropic({
        apiKey: env.ANTHROPIC_API_KEY,
        baseURL: env.ANTHROPIC_BASE_URL ?? null,
        ...common,
      }),
    });
  }
  if (env.AZURE_OPENAI_API_KEY && env.AZURE_OPENAI_ENDPOINT && env.OPENAI_API_VERSION) {
    providers['azure-openai'] = createOpenAIProvider({
      id: 'azure-openai',
      client: new AzureOpenAI({
        apiKey: env.AZURE_OPENAI_API_KEY,
        endpoint: env.AZURE_OPENAI_ENDPOINT,
        apiVersion: env.OPENAI_API_VERSION,
        maxRetries: 2,
        ...flexTransport,
      }),
    });
  }
  if (env.AWS_REGION) {
    const options = {
      awsRegion: env.AWS_REGION,
      // null, not undefined: undefined would let the SDK read the shell's variable itself.
      apiKey: env.AWS_BEARER_TOKEN_BEDROCK ?? null,
      ...(env.ANTHROPIC_BEDROCK_BASE_URL ? { baseURL: env.ANTHROPIC_BEDROCK_BASE_URL } : {}),
      ...common,
    };
    const client =
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? new AnthropicBedrock({
            ...options,
            awsAccessKey: env.AWS_ACCESS_KEY_ID,
            awsSecretKey: env.AWS_SECRET_ACCESS_KEY,
            awsSessionToken: env.AWS_SESSION_TOKEN ?? null,
          })
        : new AnthropicBedrock(options);
    providers.bedrock = createAnthropicProvider({ id: 'bedrock', client });
  }
  if (env.CLOUD_ML_REGION && env.ANTHROPIC_VERTEX_PROJECT_ID) {
    providers.vertex = createAnthropicProvider({
      id: 'vertex',
      region: env.CLOUD_ML_REGION,
      client: new AnthropicVertex({
        region: env.CLOUD_ML_REGION,
        projectId: env.ANTHROPIC_VERTEX_PROJECT_ID,
        // The project given, so the library does not look it up (workload identity federation
        // would ask the Resource Manager API, which the identity may not be allowed to call).
        googleAuth: retryingGoogleAuth(
          googleAuth ??
            new GoogleAuth({
              scopes: 'https://www.googleapis.com/auth/cloud-platform',
              projectId: env.ANTHROPIC_VERTEX_PROJECT_ID,
            }),
        ),
        ...(env.ANTHROPIC_VERTEX_BASE_URL ? { baseURL: env.ANTHROPIC_VERTEX_BASE_URL } : {}),
        ...common,
      }),
    });
  }
  if (env.OPENAI_COMPATIBLE_BASE_URL) {
    providers['openai-compatible'] = createOpenAIChatProvider({
      client: new OpenAI({
        // Local servers take any key; the SDK requires one.
        apiKey: env.OPENAI_COMPATIBLE_API_KEY ?? 'none',
        baseURL: env.OPENAI_COMPATIBLE_BASE_URL,
        ...common,
      }),
    });
  }
  return providers;
};

/** What the start-up log says of the providers that are off. */
export const missingProviderWarnings = (providers: Providers): string[] =>
  (['openai', 'anthropic'] as const)
    .filter((provider) => !providers[provider])
    .map(
      (provider) =>
        `no ${provider} API key: reviews routed to ${provider} end in a check run that says so`,
    );
