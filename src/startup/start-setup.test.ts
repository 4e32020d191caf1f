import { PassThrough } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';
import { NO_CHANNEL, startSetup } from './start-setup.js';
import { freePort } from '../../test/helpers/free-port.js';

const CHANNEL = 'https://smee.io/rr-test-channel';
let stop: (() => Promise<void>) | undefined;

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  delete process.env.WEBHOOK_PROXY_URL;
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
  delete process.env.WEBHOOK_PROXY_URL;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The setup page as `npm start` serves it with no credentials, .env writes captured. */
const serveSetup = async () => {
  const written: NodeJS.ProcessEnv[] = [];
  const port = await freePort();
  const output = new PassThrough();
  let logged = '';
  output.on('data', (chunk: Buffer) => (logged += chunk.toString()));
  const server = await startSetup({
    log: await createLogger({ level: 'warn', format: 'json', destination: output }),
    env: { PORT: String(port), HOST: '127.0.0.1' },
    updateEnv: (vars) => {
      written.push(vars);
      Object.assign(process.env, vars);
      return vars;
    },
  });
  stop = () => server.stop();
  return { origin: `http://127.0.0.1:${port}`, written, logged: () => logged };
};

/** The manifest the setup page posts to GitHub, from its hidden form field. */
const postedManifest = (html: string): { hook_attributes: { url: string } } => {
  const value = /name="manifest"[^>]*value='([^']*)'/.exec(html);
  if (!value?.[1]) throw new Error(`no manifest field in the setup page:\n${html}`);
  return JSON.parse(value[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as {
    hook_attributes: { url: string };
  };
};

describe('startSetup', () => {
  it('opens a webhook proxy channel, writes WEBHOOK_PROXY_URL and registers the app with it', async () => {
    const smee = nock('https://smee.io').head('/new').reply(307, '', { location: CHANNEL });
    const { origin, written } = await serveSetup();
    smee.done();
    expect(written).toContainEqual({ WEBHOOK_PROXY_URL: CHANNEL });
    const page = await fetch(`${origin}/probot`);
    expect(page.status).toBe(200);
    expect(postedManifest(await page.text()).hook_attributes.url).toBe(CHANNEL);
  });

  it('still serves the setup page, with a local webhook URL, when the proxy cannot be reached', async () => {
    const smee = nock('https://smee.io')
      .head('/new')
      .replyWithError('getaddrinfo ENOTFOUND smee.io');
    const { origin, written, logged } = await serveSetup();
    smee.done();
    expect(written).toEqual([]);
    const page = await fetch(`${origin}/probot`);
    expect(postedManifest(await page.text()).hook_attributes.url).toBe(`${origin}/`);
    expect(logged()).toContain(NO_CHANNEL);
  });
});
