/**
 * Fake OpenAI and Anthropic APIs on 127.0.0.1 for tests that run the app as a real process.
 * Every call answers with `answer` and the helpers' realistic usage, after `delayMs`.
 */
import { createServer, type Server } from 'node:http';
import { anthropicMessage } from '../helpers/anthropic-messages.js';
import { openAIResponse } from '../helpers/openai-responses.js';

export interface FakeModels {
  readonly openaiBaseUrl: string;
  readonly anthropicBaseUrl: string;
  readonly calls: Array<{ provider: 'openai' | 'anthropic'; body: Record<string, unknown> }>;
  answer: unknown;
  delayMs: number;
  close(): Promise<void>;
}

export const startFakeModels = async (answer: unknown): Promise<FakeModels> => {
  const state = { answer, delayMs: 0 };
  const calls: FakeModels['calls'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      const provider = req.url?.startsWith('/openai/') ? 'openai' : 'anthropic';
      calls.push({ provider, body });
      const reply =
        provider === 'openai'
          ? openAIResponse({ answer: state.answer })
          : anthropicMessage({ answer: state.answer });
      setTimeout(() => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'request-id': `req_${calls.length}`,
        });
        res.end(JSON.stringify(reply));
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    openaiBaseUrl: `http://127.0.0.1:${port}/openai/v1`,
    anthropicBaseUrl: `http://127.0.0.1:${port}/anthropic`,
    calls,
    get answer() {
      return state.answer;
    },
    set answer(value: unknown) {
      state.answer = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
