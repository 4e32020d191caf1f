/**
 * The self-identifying token formats that secretlint's preset lacks, as data: the literal prefix a
 * token starts with and the rest as a regular expression (see `service-formats.ts`). A row is
 * added here, with a sample in the corpus, when a service publishes a new format.
 */
import type { SecretKind } from './types.js';

export interface Row {
  readonly kind: SecretKind;
  /** The token's first characters: one literal, or one of several. */
  readonly prefix: string | readonly string[];
  readonly body: string;
  /** The prefix's letters may be in any case. */
  readonly anyCase?: boolean;
  /** For a row without a prefix: text every match contains (in any case). */
  readonly keyword?: string;
}

export const ROWS: readonly Row[] = [
  { kind: 'gitlab-token', prefix: 'glpat-', body: '[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{9})?' },
  {
    kind: 'gitlab-token',
    prefix: [
      'gldt-',
      'glft-',
      'glrt-',
      'glsoat-',
      'glffct-',
      'glimt-',
      'glagent-',
      'gloas-',
      'glptt-',
    ],
    body: '[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{9})?',
  },
  { kind: 'gitlab-token', prefix: 'glcbt-', body: '[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20,300}' },
  { kind: 'gitlab-token', prefix: 'GR1348941', body: '[A-Za-z0-9_-]{20,64}' },
  { kind: 'huggingface-token', prefix: 'hf_', body: '[A-Za-z0-9]{30,40}' },
  { kind: 'huggingface-token', prefix: 'api_org_', body: '[A-Za-z0-9]{30,40}' },
  {
    kind: 'hashicorp-vault-token',
    prefix: ['hvs.', 'hvb.', 'hvr.'],
    body: '[A-Za-z0-9_-]{24,400}',
  },
  {
    kind: 'stripe-key',
    prefix: ['sk_live_', 'rk_live_', 'sk_prod_', 'rk_prod_'],
    body: '[A-Za-z0-9]{10,255}',
  },
  { kind: 'stripe-test-key', prefix: ['sk_test_', 'rk_test_'], body: '[A-Za-z0-9]{10,255}' },
  { kind: 'stripe-key', prefix: 'whsec_', body: '[A-Za-z0-9]{24,64}' },
  {
    kind: 'slack-token',
    prefix: 'xapp-',
    body: '\\d-[A-Z0-9]{6,20}-\\d{6,20}-[a-z0-9]{20,80}',
    anyCase: true,
  },
  {
    kind: 'slack-token',
    prefix: 'xoxe',
    body: '(?:\\.xox[bp])?-\\d-[A-Z0-9]{140,170}',
    anyCase: true,
  },
  { kind: 'aws-bedrock-api-key', prefix: 'ABSK', body: '[A-Za-z0-9+/]{100,300}={0,2}' },
  {
    kind: 'aws-bedrock-api-key',
    prefix: 'bedrock-api-key-',
    body: 'YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/%=&._-]{20,4096}',
  },
  {
    kind: 'age-secret-key',
    prefix: 'AGE-SECRET-KEY-1',
    body: '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
  },
  { kind: 'onepassword-token', prefix: 'ops_eyJ', body: '[A-Za-z0-9+/]{200,4096}={0,3}' },
  {
    kind: 'onepassword-token',
    prefix: 'A3-',
    body: '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
  },
  { kind: 'adobe-token', prefix: 'p8e-', body: '[A-Za-z0-9]{32}' },
  { kind: 'airtable-token', prefix: 'pat', body: '[A-Za-z0-9]{14}\\.[a-f0-9]{64}' },
  { kind: 'alibaba-access-key-id', prefix: 'LTAI', body: '[A-Za-z0-9]{20}' },
  { kind: 'artifactory-token', prefix: 'AKCp', body: '[A-Za-z0-9]{69}' },
  { kind: 'artifactory-token', prefix: 'cmVmd', body: '[A-Za-z0-9]{59}' },
  { kind: 'clickhouse-token', prefix: '4b1d', body: '[A-Za-z0-9]{38}' },
  { kind: 'clojars-token', prefix: 'CLOJARS_', body: '[A-Za-z0-9]{60}', anyCase: true },
  { kind: 'cloudflare-token', prefix: 'v1.0-', body: '[a-f0-9]{24}-[a-f0-9]{146}' },
  { kind: 'databricks-token', prefix: 'dapi', body: '[a-f0-9]{32}(?:-\\d)?' },
  { kind: 'digitalocean-token', prefix: ['dop_v1_', 'doo_v1_', 'dor_v1_'], body: '[a-f0-9]{64}' },
  {
    kind: 'doppler-token',
    prefix: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    body: '[A-Za-z0-9]{40,44}',
  },
  { kind: 'dynatrace-token', prefix: 'dt0c01.', body: '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}' },
  { kind: 'duffel-token', prefix: ['duffel_test_', 'duffel_live_'], body: '[A-Za-z0-9_=-]{43}' },
  { kind: 'easypost-token', prefix: ['EZAK', 'EZTK'], body: '[A-Za-z0-9]{54}' },
  { kind: 'facebook-token', prefix: ['EAAM', 'EAAC'], body: '[A-Za-z0-9]{100,400}' },
  {
    kind: 'flutterwave-key',
    prefix: ['FLWSECK_TEST-', 'FLWPUBK_TEST-'],
    body: '[a-hA-H0-9]{32}-X',
  },
  { kind: 'flutterwave-key', prefix: 'FLWSECK_TEST-', body: '[a-hA-H0-9]{12}' },
  {
    kind: 'flyio-token',
    prefix: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
    body: '(?:(?<=fo1_)[A-Za-z0-9_-]{43}|(?<!fo1_)[A-Za-z0-9+/]{100,4096}={0,3})',
  },
  { kind: 'frameio-token', prefix: 'fio-u-', body: '[A-Za-z0-9_=-]{64}' },
  { kind: 'grafana-token', prefix: 'glc_', body: '[A-Za-z0-9+/]{32,400}={0,3}' },
  { kind: 'grafana-token', prefix: 'glsa_', body: '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}' },
  { kind: 'grafana-token', prefix: 'eyJrIjoi', body: '[A-Za-z0-9]{70,400}={0,3}' },
  {
    kind: 'harness-token',
    prefix: 'pat.',
    body: '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}',
  },
  {
    kind: 'harness-token',
    prefix: 'sat.',
    body: '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}',
  },
  { kind: 'heroku-token', prefix: 'HRKU-AA', body: '[0-9a-zA-Z_-]{58}' },
  { kind: 'infracost-token', prefix: 'ico-', body: '[A-Za-z0-9]{32}' },
  { kind: 'intra42-secret', prefix: ['s-s4t2ud-', 's-s4t2af-'], body: '[a-f0-9]{64}' },
  { kind: 'linear-token', prefix: 'lin_api_', body: '[A-Za-z0-9]{40}' },
  {
    kind: 'new-relic-token',
    prefix: ['NRAK-', 'NRJS-', 'NRII-'],
    body: '(?:(?<=NRAK-)[A-Z0-9]{27}|(?<=NRJS-)[a-f0-9]{19}|(?<=NRII-)[A-Za-z0-9-]{32})',
  },
  { kind: 'notion-token', prefix: 'ntn_', body: '[0-9]{11}[A-Za-z0-9]{35}' },
  { kind: 'npm-token', prefix: 'npm_', body: '[A-Za-z0-9]{36}' },
  { kind: 'octopus-deploy-token', prefix: 'API-', body: '[A-Z0-9]{26}' },
  { kind: 'openshift-token', prefix: 'sha256~', body: '[A-Za-z0-9_-]{43}' },
  { kind: 'perplexity-token', prefix: 'pplx-', body: '[A-Za-z0-9]{48}' },
  { kind: 'groq-token', prefix: 'gsk_', body: '[A-Za-z0-9]{52}' },
  { kind: 'xai-token', prefix: 'xai-', body: '[A-Za-z0-9]{80}' },
  { kind: 'replicate-token', prefix: 'r8_', body: '[A-Za-z0-9]{37}' },
  {
    kind: 'planetscale-token',
    prefix: ['pscale_tkn_', 'pscale_oauth_', 'pscale_pw_'],
    body: '[A-Za-z0-9_=.-]{32,64}',
  },
  { kind: 'postman-token', prefix: 'PMAK-', body: '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}' },
  { kind: 'prefect-token', prefix: 'pnu_', body: '[A-Za-z0-9]{36}' },
  { kind: 'pulumi-token', prefix: 'pul-', body: '[a-f0-9]{40}' },
  { kind: 'pypi-token', prefix: 'pypi-AgEIcHlwaS5vcmc', body: '[A-Za-z0-9_-]{50,1000}' },
  { kind: 'readme-token', prefix: 'rdme_', body: '[a-z0-9]{70}' },
  { kind: 'rubygems-token', prefix: 'rubygems_', body: '[a-f0-9]{48}' },
  { kind: 'scalingo-token', prefix: 'tk-us-', body: '[A-Za-z0-9_-]{48}' },
  { kind: 'sendgrid-token', prefix: 'SG.', body: '[A-Za-z0-9_=.-]{60,70}' },
  { kind: 'sendinblue-token', prefix: 'xkeysib-', body: '[a-f0-9]{64}-[A-Za-z0-9]{16}' },
  { kind: 'sentry-token', prefix: 'sntryu_', body: '[a-f0-9]{64}' },
  { kind: 'sentry-token', prefix: 'sntrys_eyJ', body: '[A-Za-z0-9+/=_]{50,600}' },
  { kind: 'settlemint-token', prefix: ['sm_aat_', 'sm_pat_', 'sm_sat_'], body: '[A-Za-z0-9]{16}' },
  { kind: 'shippo-token', prefix: ['shippo_live_', 'shippo_test_'], body: '[a-fA-F0-9]{40}' },
  {
    kind: 'shopify-token',
    prefix: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    body: '[a-fA-F0-9]{32}',
  },
  { kind: 'sonar-token', prefix: ['squ_', 'sqp_', 'sqa_'], body: '[a-f0-9]{40}' },
  {
    kind: 'sourcegraph-token',
    prefix: 'sgp_',
    body: '(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}',
  },
  { kind: 'square-token', prefix: ['sq0atp-', 'sq0csp-'], body: '[A-Za-z0-9_-]{22,60}' },
  { kind: 'square-token', prefix: 'EAAA', body: '[A-Za-z0-9_-]{22,60}' },
  { kind: 'twilio-key', prefix: 'SK', body: '[0-9a-fA-F]{32}' },
  { kind: 'typeform-token', prefix: 'tfp_', body: '[A-Za-z0-9_.=-]{59}' },
  {
    kind: 'mapbox-token',
    prefix: ['pk.eyJ', 'sk.eyJ'],
    body: '[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}',
  },
  { kind: 'mapbox-token', prefix: ['pk.', 'sk.'], body: '[A-Za-z0-9]{60}\\.[A-Za-z0-9]{22}' },
  { kind: 'mailgun-key', prefix: ['key-', 'pubkey-'], body: '[a-f0-9]{32}' },
  {
    kind: 'defined-networking-token',
    prefix: 'dnkey-',
    body: '[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}',
  },
  { kind: 'yandex-token', prefix: 'AQVN', body: '[A-Za-z0-9_-]{35,38}' },
  {
    kind: 'yandex-token',
    prefix: 't1.',
    body: '[A-Za-z0-9_-]{8,64}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}',
  },
  { kind: 'dropbox-token', prefix: 'sl.', body: '[A-Za-z0-9_=-]{130,1400}' },
  {
    kind: 'plaid-token',
    prefix: 'access-',
    body: '(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  },
];
