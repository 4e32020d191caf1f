/**
 * The credential formats of the corpus: how each is generated, and whether the format alone
 * identifies it (a vendor prefix or a fixed structure: it must be caught with no name beside it)
 * or only a secret-sounding name beside it makes it one (a hex string, a base64 key).
 */
import {
  ALNUM,
  BASE64,
  BECH32,
  DIGITS,
  HEX,
  LETTERS,
  LOWER_ALNUM,
  UPPER_ALNUM,
  URL_SAFE,
  type Random,
} from './random-text.js';

export interface TokenFormat {
  readonly name: string;
  /** The service's word, used to name the key that holds the value (`gitlabToken`). */
  readonly stem: string;
  /** Whether the format identifies itself: then it must be caught without a name too. */
  readonly selfIdentifying: boolean;
  readonly make: (random: Random) => string;
}

const prefixed = (name: string, stem: string, make: (r: Random) => string): TokenFormat => ({
  name,
  stem,
  selfIdentifying: true,
  make,
});

const named = (name: string, stem: string, make: (r: Random) => string): TokenFormat => ({
  name,
  stem,
  selfIdentifying: false,
  make,
});

const uuid = (r: Random): string => [8, 4, 4, 4, 12].map((length) => r.text(HEX, length)).join('-');

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  prefixed('GitHub classic token', 'github', (r) => `ghp_${r.text(ALNUM, 36)}`),
  prefixed('GitHub OAuth token', 'github', (r) => `gho_${r.text(ALNUM, 36)}`),
  prefixed('GitHub app token', 'github', (r) => `ghs_${r.text(ALNUM, 36)}`),
  prefixed('GitHub refresh token', 'github', (r) => `ghr_${r.text(ALNUM, 36)}`),
  prefixed(
    'GitHub fine-grained token',
    'github',
    (r) => `github_pat_${r.text(ALNUM, 22)}_${r.text(ALNUM, 59)}`,
  ),
  prefixed('GitLab personal token', 'gitlab', (r) => `glpat-${r.text(URL_SAFE, 20)}`),
  prefixed('GitLab deploy token', 'gitlab', (r) => `gldt-${r.text(URL_SAFE, 20)}`),
  prefixed('GitLab runner token', 'gitlab', (r) => `glrt-${r.text(URL_SAFE, 20)}`),
  prefixed('GitLab trigger token', 'gitlab', (r) => `glptt-${r.text(HEX, 40)}`),
  prefixed('Hugging Face token', 'huggingface', (r) => `hf_${r.text(LETTERS, 34)}`),
  prefixed('Hugging Face org token', 'huggingface', (r) => `api_org_${r.text(LETTERS, 34)}`),
  prefixed('Vault service token', 'vault', (r) => `hvs.${r.text(URL_SAFE, r.between(24, 100))}`),
  prefixed('Vault batch token', 'vault', (r) => `hvb.${r.text(URL_SAFE, 140)}`),
  prefixed(
    'AWS access key id',
    'aws',
    (r) => `AKIA${r.text('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  ),
  prefixed('AWS temporary key id', 'aws', (r) => `ASIA${r.text(UPPER_ALNUM, 16)}`),
  prefixed('Amazon Bedrock API key', 'bedrock', (r) => `ABSK${r.text(BASE64, 132)}`),
  prefixed('Stripe live key', 'stripe', (r) => `sk_live_${r.text(ALNUM, r.between(24, 99))}`),
  prefixed('Stripe test key', 'stripe', (r) => `sk_test_${r.text(ALNUM, r.between(24, 99))}`),
  prefixed('Stripe restricted key', 'stripe', (r) => `rk_live_${r.text(ALNUM, 24)}`),
  prefixed('Stripe restricted test key', 'stripe', (r) => `rk_test_${r.text(ALNUM, 24)}`),
  prefixed('Stripe webhook secret', 'stripe', (r) => `whsec_${r.text(ALNUM, 32)}`),
  prefixed(
    'Slack bot token',
    'slack',
    (r) => `xoxb-${r.text(DIGITS, 11)}-${r.text(DIGITS, 13)}-${r.text(ALNUM, 24)}`,
  ),
  prefixed(
    'Slack user token',
    'slack',
    (r) =>
      `xoxp-${r.text(DIGITS, 11)}-${r.text(DIGITS, 11)}-${r.text(DIGITS, 13)}-${r.text(HEX, 32)}`,
  ),
  prefixed(
    'Slack app token',
    'slack',
    (r) => `xapp-1-A${r.text(UPPER_ALNUM, 10)}-${r.text(DIGITS, 13)}-${r.text(HEX, 64)}`,
  ),
  prefixed('Google API key', 'google', (r) => `AIza${r.text(URL_SAFE, 35)}`),
  prefixed(
    'OpenAI project key',
    'openai',
    (r) => `sk-proj-${r.text(URL_SAFE, 74)}T3BlbkFJ${r.text(URL_SAFE, 74)}`,
  ),
  prefixed('Anthropic key', 'anthropic', (r) => `sk-ant-api03-${r.text(URL_SAFE, 93)}AA`),
  prefixed('npm token', 'npm', (r) => `npm_${r.text(ALNUM, 36)}`),
  prefixed('PyPI token', 'pypi', (r) => `pypi-AgEIcHlwaS5vcmc${r.text(URL_SAFE, 70)}`),
  prefixed('SendGrid key', 'sendgrid', (r) => `SG.${r.text(URL_SAFE, 22)}.${r.text(URL_SAFE, 43)}`),
  prefixed('Shopify token', 'shopify', (r) => `shpat_${r.text(HEX, 32)}`),
  prefixed('Databricks token', 'databricks', (r) => `dapi${r.text(HEX, 32)}`),
  prefixed('DigitalOcean token', 'digitalocean', (r) => `dop_v1_${r.text(HEX, 64)}`),
  prefixed('Doppler token', 'doppler', (r) => `dp.pt.${r.text(ALNUM, 43)}`),
  prefixed(
    'Dynatrace token',
    'dynatrace',
    (r) => `dt0c01.${r.text(UPPER_ALNUM, 24)}.${r.text(UPPER_ALNUM, 64)}`,
  ),
  prefixed('Grafana cloud token', 'grafana', (r) => `glc_${r.text(BASE64, 80)}`),
  prefixed(
    'Grafana service account token',
    'grafana',
    (r) => `glsa_${r.text(ALNUM, 32)}_${r.text(HEX, 8)}`,
  ),
  prefixed('Linear key', 'linear', (r) => `lin_api_${r.text(ALNUM, 40)}`),
  prefixed('Notion token', 'notion', (r) => `ntn_${r.text(DIGITS, 11)}${r.text(ALNUM, 35)}`),
  prefixed('Postman key', 'postman', (r) => `PMAK-${r.text(HEX, 24)}-${r.text(HEX, 34)}`),
  prefixed('Pulumi token', 'pulumi', (r) => `pul-${r.text(HEX, 40)}`),
  prefixed('RubyGems key', 'rubygems', (r) => `rubygems_${r.text(HEX, 48)}`),
  prefixed('Sentry user token', 'sentry', (r) => `sntryu_${r.text(HEX, 64)}`),
  prefixed('Twilio key', 'twilio', (r) => `SK${r.text(HEX, 32)}`),
  prefixed('New Relic key', 'newrelic', (r) => `NRAK-${r.text(UPPER_ALNUM, 27)}`),
  prefixed('PlanetScale token', 'planetscale', (r) => `pscale_tkn_${r.text(URL_SAFE, 43)}`),
  prefixed('Prefect key', 'prefect', (r) => `pnu_${r.text(ALNUM, 36)}`),
  prefixed('Perplexity key', 'perplexity', (r) => `pplx-${r.text(ALNUM, 48)}`),
  prefixed('Groq key', 'groq', (r) => `gsk_${r.text(ALNUM, 52)}`),
  prefixed('OpenShift token', 'openshift', (r) => `sha256~${r.text(URL_SAFE, 43)}`),
  prefixed('Heroku key', 'heroku', (r) => `HRKU-AA${r.text(URL_SAFE, 58)}`),
  prefixed('Alibaba key id', 'alibaba', (r) => `LTAI${r.text(ALNUM, 20)}`),
  prefixed('Square token', 'square', (r) => `sq0atp-${r.text(URL_SAFE, 22)}`),
  prefixed('age secret key', 'age', (r) => `AGE-SECRET-KEY-1${r.text(BECH32, 58)}`),
  prefixed('Mailchimp key', 'mailchimp', (r) => `${r.text(HEX, 32)}-us${r.between(1, 21)}`),
  prefixed(
    'Telegram bot token',
    'telegram',
    (r) => `${r.text(DIGITS, 10)}:AA${r.text(URL_SAFE, 33)}`,
  ),
  prefixed(
    'JSON Web Token',
    'jwt',
    (r) => `eyJhbGciOiJIUzI1NiJ9.eyJ${r.text(URL_SAFE, 60)}.${r.text(URL_SAFE, 43)}`,
  ),
  prefixed('base64 JSON Web Token', 'jwt', (r) =>
    Buffer.from(`eyJhbGciOiJIUzI1NiJ9.eyJ${r.text(URL_SAFE, 60)}.${r.text(URL_SAFE, 43)}`).toString(
      'base64',
    ),
  ),
  named('AWS secret access key', 'aws_secret_access', (r) => r.text(BASE64, 40)),
  named('hex 32', 'datadog', (r) => r.text(HEX, 32)),
  named('hex 40', 'sentry', (r) => r.text(HEX, 40)),
  named('hex 64', 'discord', (r) => r.text(HEX, 64)),
  named('lower alphanumeric 40', 'zendesk', (r) => r.text(LOWER_ALNUM, 40)),
  named('alphanumeric 32', 'algolia', (r) => r.text(ALNUM, 32)),
  named('alphanumeric 20', 'finnhub', (r) => r.text(LOWER_ALNUM, 20)),
  named('UUID', 'heroku', uuid),
  named('base64 secret', 'client', (r) => r.text(BASE64, 44)),
  named('URL-safe 43', 'contentful', (r) => r.text(URL_SAFE, 43)),
  named('password with symbols', 'db', (r) => `${r.text(ALNUM, 10)}!${r.text(ALNUM, 6)}#`),
];
