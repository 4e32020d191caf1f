/**
 * The secrets that secretlint's recommended rule preset finds in a text. The rules are data kept
 * by their maintainers: a new version of `@secretlint/secretlint-rule-preset-recommend` brings
 * new formats without a change here. The rules are driven through their own interface
 * (`create(context).file(source)`), synchronously, because secretlint's engine only offers an
 * asynchronous API and the redactor is synchronous. Rules that read files from disk (binary
 * formats) are left out, and no comment in the scanned text can silence a rule: the text is a
 * pull request's, and its author must not be able to switch redaction off.
 */
import { createRequire } from 'node:module';
import type { rules } from '@secretlint/secretlint-rule-preset-recommend';
import type {
  SecretLintRuleContext,
  SecretLintRuleReportDescriptor,
  SecretLintSourceCode,
} from '@secretlint/types';
import { looksLikeUrlPassword } from './looks-random.js';
import { secretlintKind } from './secretlint-kinds.js';
import type { SecretRange } from './types.js';

/** A report of a rule: where it says the secret is, and the values it quoted in its message. */
interface RuleReport {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: readonly string[];
}

/**
 * The comment filter only asks the engine to ignore other rules' reports (`context.ignore`),
 * which this driver never honours: it would cost a pass over the text and change nothing.
 */
const COMMENT_FILTER = '@secretlint/secretlint-rule-filter-comments';

/** The preset's rules that scan text, in its order. */
export type SecretlintRule = (typeof rules)[number];

let scannersLoaded: readonly SecretlintRule[] | undefined;

/**
 * The preset's rules that scan text. The preset is loaded the first time a text is scanned, not
 * when this module is: building its 28 rules costs a process about 4.5 MB and 10 ms, and many
 * commands (`classify` with a policy that has no instructions) never scan a text.
 */
export const scanners = (): readonly SecretlintRule[] => {
  scannersLoaded ??= (
    createRequire(import.meta.url)('@secretlint/secretlint-rule-preset-recommend') as {
      rules: typeof rules;
    }
  ).rules.filter(
    (rule) =>
      rule.meta.type === 'scanner' &&
      rule.meta.supportedContentTypes.includes('text') &&
      rule.meta.id !== COMMENT_FILTER,
  );
  return scannersLoaded;
};

const sourceOf = (content: string): SecretLintSourceCode => ({
  hasBOM: false,
  content,
  filePath: undefined,
  physicalFilePath: undefined,
  contentType: 'text',
  ext: '',
  getFilePath: () => undefined,
  getPhysicalFilePath: () => undefined,
  locationToRange: () => [0, 0],
  rangeToLocation: () => ({ start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }),
  positionToIndex: () => 0,
  indexToPosition: () => ({ line: 1, column: 0 }),
});

const quotedValues = (descriptor: SecretLintRuleReportDescriptor): string[] => {
  const data: unknown = descriptor.message.data;
  if (typeof data !== 'object' || data === null) return [];
  return Object.values(data).filter(
    (value): value is string => typeof value === 'string' && value.length >= 8,
  );
};

const runRules = (content: string, scanners: readonly SecretlintRule[]): RuleReport[] => {
  const reports: RuleReport[] = [];
  const source = sourceOf(content);
  for (const rule of scanners) {
    const service = rule.meta.id.replace(/^@secretlint\/secretlint-rule-/, '');
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      createTranslator: () => (messageId, data) => ({
        message: String(messageId),
        messageId: String(messageId),
        data,
      }),
      report: (descriptor) =>
        reports.push({
          kind: secretlintKind(service, descriptor.message.messageId),
          start: descriptor.range[0],
          end: descriptor.range[1],
          quoted: quotedValues(descriptor),
        }),
      ignore: () => undefined,
    };
    // A rule whose handler is asynchronous reads files; none of the text-only scanners is.
    void rule.create(context, {}).file?.(source);
  }
  return reports;
};

/**
 * Where a report's secret is: the value its message quotes, found at or after the start of the
 * reported range (some rules report the range of the whole assignment), or else that range.
 */
const locate = (content: string, report: RuleReport): SecretRange => {
  for (const value of report.quoted) {
    const at = content.indexOf(value, report.start);
    if (at !== -1 && at <= report.end)
      return { start: at, end: at + value.length, kind: report.kind };
  }
  return { start: report.start, end: report.end, kind: report.kind };
};

/** `scheme://user:password@`: the password is the secret, the rest of the URL stays readable. */
const URL_CREDENTIALS = /:\/\/[^\s:/@"'`]{0,256}:(?<password>[^\s:/@"'`]{1,256})@/d;

/** A connection string narrowed to its password, or nothing when that is a default or template. */
const narrowUrl = (content: string, range: SecretRange): SecretRange | null => {
  const match = URL_CREDENTIALS.exec(content.slice(range.start, range.end));
  const at = match?.indices?.groups?.['password'];
  if (match === null || at === undefined) return range;
  if (!looksLikeUrlPassword(match.groups?.['password'] ?? '')) return null;
  return { start: range.start + at[0], end: range.start + at[1], kind: range.kind };
};

/** What `scanners` (by default every rule of the preset that scans text) find in `content`. */
export const secretlintRanges = (
  content: string,
  rulesToRun: readonly SecretlintRule[] = scanners(),
): SecretRange[] =>
  runRules(content, rulesToRun).flatMap((report) => {
    const found = locate(content, report);
    const range = found.kind === 'url-password' ? narrowUrl(content, found) : found;
    return range === null ? [] : [range];
  });
