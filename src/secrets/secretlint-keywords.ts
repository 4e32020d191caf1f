/**
 * Texts one of which every report of a secretlint rule contains (in any case), read off the
 * rules' patterns in the preset's version `CHECKED_VERSION`: a rule runs only where one occurs,
 * on the lines that hold one (`keyword-lines.ts`), as the project's own detectors do, with the
 * lines after them that its pattern may reach (AWS's `name\s*=\s*value`); a rule that may span a
 * whole block (a PEM key) runs on the whole text. A rule this table does not name, and
 * every rule of another version of the preset, runs on the whole text: a new version brings its
 * formats at once and costs its full time until the table is checked against it
 * (`secretlint-keywords.test.ts` fails until then).
 */
import presetPackage from '@secretlint/secretlint-rule-preset-recommend/package.json' with { type: 'json' };
import type { Gated } from './keyword-gate.js';
import { scanners, type SecretlintRule } from './secretlint-ranges.js';

/** The version of the preset whose patterns the table below was read from. */
export const CHECKED_VERSION = '13.1.0';

interface RuleKeywords {
  readonly keywords: readonly string[];
  /** A pattern may match across any number of line breaks (a key block). */
  readonly spansLines?: true;
  /**
   * A pattern may go on past its keyword's line, over blank lines, to this many lines that are
   * not blank (`name\s*=\s*value`: the operator's line and the value's).
   */
  readonly following?: number;
}

const AWS_KEY_IDS = ['a3t', 'akia', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'asia'];

/** By the rule's name (`@secretlint/secretlint-rule-<name>`). */
const TABLE: Readonly<Record<string, RuleKeywords>> = {
  aws: { keywords: [...AWS_KEY_IDS, 'secret', 'account'], following: 2 },
  privatekey: { keywords: ['private key'], spansLines: true },
  npm: { keywords: ['x-oauth-basic', '_authtoken=', 'npm_'] },
  basicauth: { keywords: ['://'] },
  slack: { keywords: ['xoxb-', 'xoxp-', 'xapp-', 'xoxa-', 'xoxo-', 'xoxr-', 'hooks.slack.com'] },
  sendgrid: { keywords: ['sg.'] },
  shopify: { keywords: ['shppa_', 'shpca_', 'shpat_', 'shpss_'] },
  stripe: { keywords: ['k_live_', 'k_test_'] },
  github: { keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  gitlab: { keywords: ['glpat-'] },
  grafana: { keywords: ['glc_', 'glsa_'] },
  openai: { keywords: ['sk-'] },
  anthropic: { keywords: ['sk-ant-api0'] },
  groq: { keywords: ['gsk_'] },
  huggingface: { keywords: ['hf_'] },
  linear: { keywords: ['lin_api_'] },
  notion: { keywords: ['ntn_'] },
  '1password': { keywords: ['ops_'] },
  'database-connection-string': { keywords: ['mongodb', 'mysql', 'postgres'] },
  'hashicorp-vault': { keywords: ['hvs.', 'hvb.', 'hvr.'] },
  vercel: { keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'] },
  databricks: { keywords: ['dapi'] },
  docker: { keywords: ['dckr_pat_'] },
  figma: { keywords: ['figd_'] },
  cloudflare: { keywords: ['cfk_', 'cfut_', 'cfat_'] },
  tailscale: { keywords: ['tskey-'] },
};

/** A rule of the preset with the keywords that gate it. */
export interface GatedRule extends Gated {
  readonly rule: SecretlintRule;
  /** Run on the whole text rather than on the lines that hold a keyword. */
  readonly spansLines: boolean;
  /** How many lines that are not blank, after a keyword's line, the rule needs too. */
  readonly following: number;
}

export const ruleName = (rule: SecretlintRule): string =>
  rule.meta.id.replace(/^@secretlint\/secretlint-rule-/, '');

/** Whether the table below was read from the installed preset's patterns. */
export const isChecked = (version: string = presetPackage.version): boolean =>
  version === CHECKED_VERSION;

export const gatedRules = (
  rules: readonly SecretlintRule[] = scanners(),
  checked: boolean = isChecked(),
): GatedRule[] =>
  rules.map((rule) => {
    const entry = checked ? TABLE[ruleName(rule)] : undefined;
    return entry === undefined
      ? { rule, keywords: [], spansLines: true, following: 0 }
      : {
          rule,
          keywords: entry.keywords,
          spansLines: entry.spansLines === true,
          following: entry.following ?? 0,
        };
  });
