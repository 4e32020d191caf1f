/**
 * The injection corpus (test/fixtures/injection/*.patch): hostile pull requests written as
 * `git format-patch` mails. The subject is the pull request's title, the message its description,
 * and each file becomes an entry of GitHub's files API. Placeholders keep secret-shaped strings and
 * invisible characters out of the repository: `{{GITHUB_TOKEN}}` and its kind become fake secrets
 * generated at run time (`{{PRIVATE_KEY}}` spans several lines), `{{RLO}}` and its kind become
 * Unicode controls, `{{HUGE}}` a 200,000-character run. Hunk headers are recounted after expansion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { FAKE_SECRETS } from '../../src/secrets/test-secrets.js';
import { prFile } from './github-payloads.js';

const DIR = new URL('../fixtures/injection/', import.meta.url);

const SECRETS: Record<string, string> = {
  GITHUB_TOKEN: FAKE_SECRETS.githubToken,
  GITHUB_PAT: FAKE_SECRETS.githubPat,
  AWS_ACCESS_KEY_ID: FAKE_SECRETS.awsAccessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_SECRETS.awsSecretAccessKey,
  SLACK_TOKEN: FAKE_SECRETS.slackToken,
  STRIPE_KEY: FAKE_SECRETS.stripeKey,
  GOOGLE_API_KEY: FAKE_SECRETS.googleApiKey,
  OPENAI_API_KEY: FAKE_SECRETS.openaiKey,
  ANTHROPIC_API_KEY: FAKE_SECRETS.anthropicKey,
  JWT: FAKE_SECRETS.jwt,
  PASSWORD: FAKE_SECRETS.password,
};

const CHARACTERS: Record<string, string> = {
  CR: '\r',
  RLO: '\u202e',
  LRI: '\u2066',
  PDI: '\u2069',
  ZWSP: '\u200b',
  ZWJ: '\u200d',
  WJ: '\u2060',
  FULLWIDTH_AT: '\uff20',
  HUGE: 'A'.repeat(200_000),
  FENCES: '```~~~<<<>>>'.repeat(2_000),
};

export interface InjectionCase {
  readonly name: string;
  readonly title: string;
  readonly body: string;
  readonly files: Record<string, unknown>[];
  /** Every secret value planted anywhere in the case (each PEM line on its own). */
  readonly planted: readonly string[];
  /** Added lines that carry a planted secret: the review must report each. */
  readonly plantedLines: readonly { readonly path: string; readonly line: number }[];
  /** The whole case with placeholders expanded: what an obeying model would repeat. */
  readonly rawText: string;
}

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

const expand = (text: string, planted: Set<string>): string =>
  text.replace(PLACEHOLDER, (match, name: string) => {
    if (name === 'PRIVATE_KEY') {
      for (const line of FAKE_SECRETS.privateKeyBody) planted.add(line);
      return FAKE_SECRETS.privateKey;
    }
    const secret = SECRETS[name];
    if (secret !== undefined) {
      planted.add(secret);
      return secret;
    }
    const character = CHARACTERS[name];
    if (character === undefined) throw new Error(`unknown placeholder ${match} in the corpus`);
    return character;
  });

const hasSecret = (line: string): boolean =>
  [...line.matchAll(PLACEHOLDER)].some(
    ([, name]) => name === 'PRIVATE_KEY' || SECRETS[name ?? ''] !== undefined,
  );

/** `+++ b/path`, `+++ "b/a\nb"` (C-quoted) or `/dev/null`. */
const pathOf = (header: string): string | null => {
  const raw = header.slice(4);
  if (raw === '/dev/null') return null;
  const unquoted = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  return unquoted.replace(/^[ab]\//, '');
};

/** Expands one file's hunks, recounts their headers, and notes the added lines with secrets. */
const readHunks = (lines: readonly string[], path: string, planted: Set<string>) => {
  const out: string[] = [];
  const plantedLines: { path: string; line: number }[] = [];
  let header: { index: number; oldStart: string; newStart: number; rest: string } | null = null;
  let oldCount = 0;
  let newCount = 0;
  const closeHunk = () => {
    if (header !== null)
      out[header.index] =
        `@@ -${header.oldStart},${oldCount} +${header.newStart},${newCount} @@${header.rest}`;
  };
  for (const line of lines) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/.exec(line);
    if (hunk !== null) {
      closeHunk();
      header = {
        index: out.length,
        oldStart: hunk[1] ?? '0',
        newStart: Number(hunk[2]),
        rest: hunk[3] ?? '',
      };
      oldCount = 0;
      newCount = 0;
      out.push(line);
      continue;
    }
    const prefix = line[0] ?? ' ';
    if (prefix === '+' && hasSecret(line) && header !== null)
      plantedLines.push({ path, line: header.newStart + newCount });
    for (const expanded of expand(line.slice(1), planted).split('\n')) {
      out.push(prefix + expanded);
      if (prefix !== '+') oldCount += prefix === '\\' ? 0 : 1;
      if (prefix !== '-') newCount += prefix === '\\' ? 0 : 1;
    }
  }
  closeHunk();
  return { patch: out.join('\n'), plantedLines };
};

const readCase = (name: string): InjectionCase => {
  const text = readFileSync(new URL(name, DIR), 'utf8');
  const lines = text.replace(/\n$/, '').split('\n');
  const planted = new Set<string>();
  const headerEnd = lines.indexOf('');
  const subject = lines.slice(0, headerEnd).find((line) => line.startsWith('Subject: ')) ?? '';
  const messageEnd = lines.indexOf('---', headerEnd);
  const title = expand(subject.replace(/^Subject: (\[PATCH\] )?/, ''), planted);
  const body = expand(lines.slice(headerEnd + 1, messageEnd).join('\n'), planted);

  const files: Record<string, unknown>[] = [];
  const plantedLines: { path: string; line: number }[] = [];
  const sections: string[][] = [];
  for (const line of lines.slice(messageEnd + 1)) {
    if (line.startsWith('diff --git ')) sections.push([line]);
    else sections.at(-1)?.push(line);
  }
  for (const section of sections) {
    const oldPath = pathOf(section.find((line) => line.startsWith('--- ')) ?? '--- /dev/null');
    const newPath = pathOf(section.find((line) => line.startsWith('+++ ')) ?? '+++ /dev/null');
    const binary = section.find((line) => line.startsWith('Binary files '));
    if (binary !== undefined) {
      const path = binary.replace(/^Binary files .* and b\/(.*) differ$/, '$1');
      files.push({
        ...prFile(path, undefined),
        status: 'added',
        additions: 0,
        deletions: 0,
        changes: 0,
      });
      continue;
    }
    const path = newPath ?? oldPath ?? 'unknown';
    const firstHunk = section.findIndex((line) => line.startsWith('@@'));
    const read = readHunks(section.slice(firstHunk), path, planted);
    plantedLines.push(...read.plantedLines);
    const status = oldPath === null ? 'added' : newPath === null ? 'removed' : 'modified';
    files.push(prFile(path, read.patch, { status }));
  }
  return {
    name: name.replace(/\.patch$/, ''),
    title,
    body,
    files,
    planted: [...planted],
    plantedLines,
    rawText: expand(text, new Set()),
  };
};

export const loadInjectionCorpus = (): InjectionCase[] =>
  readdirSync(DIR)
    .filter((name) => name.endsWith('.patch'))
    .sort()
    .map(readCase);
