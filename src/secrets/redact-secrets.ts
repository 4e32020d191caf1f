/**
 * Redacts secrets before a pull request leaves for a model provider: the diff model keeps its files,
 * hunks, line numbers and counts; only line texts change.
 * A value the detectors recognise once is redacted wherever else it occurs, in any line, the
 * title or the description. Each added line that held a secret becomes one critical finding; a
 * PEM key spread over several added lines becomes one finding on its first.
 */
import type { DiffLine, DiffModel, FileChange, Hunk } from '../domain/diff.js';
import type { Finding } from '../domain/model-answer.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import { applyRedactions, mergeRanges } from './apply-redactions.js';
import { secretFinding, secretNote } from './describe-secret.js';
import { findJoinedSecrets } from './find-line-secrets.js';
import { joinLines } from './joined-lines.js';
import { knownLinesRanges, secretsIn } from './known-secret-ranges.js';
import { redactText } from './redact-text.js';
import { mayOpenBlock, scanBlocks } from './scan-lines.js';
import type { KnownSecret, SecretKind, SecretRange, SecretReport } from './types.js';

export interface RedactedPullRequest {
  readonly diff: DiffModel;
  /** The facts with title, description and branch names redacted. */
  readonly pr: PullRequestFacts;
  readonly report: SecretReport;
}

/** What the detectors find in one hunk: per line, and in its section heading. */
interface ScannedHunk {
  readonly lines: SecretRange[][];
  readonly section: SecretRange[];
}

/** Every section heading and line of the diff, in order: per file, per hunk, the section then its lines. */
const diffTexts = (diff: DiffModel): string[] => {
  const texts: string[] = [];
  for (const file of diff.files)
    for (const hunk of file.hunks) {
      texts.push(hunk.section);
      for (const line of hunk.lines) texts.push(line.text);
    }
  return texts;
};

/** Entries given per text of `diffTexts`, grouped per file and per hunk. */
const perHunk = <T>(diff: DiffModel, perText: readonly T[]): T[][][] => {
  let at = 0;
  return diff.files.map((file) =>
    file.hunks.map((hunk) => {
      const count = hunk.lines.length + 1;
      at += count;
      return perText.slice(at - count, at);
    }),
  );
};

/**
 * Adds what spans lines on the new side (added + context) and the old side (deleted + context)
 * of a hunk to its lines' single-line ranges (a line without any may have no entry). A hunk with
 * no line that could start such a secret keeps its single-line ranges as they are.
 */
const scanHunk = (hunk: Hunk, single: readonly SecretRange[][]): ScannedHunk => {
  const section = single[0] ?? [];
  if (!hunk.lines.some((line) => mayOpenBlock(line.text)))
    return { lines: single.slice(1), section };
  const right = hunk.lines.flatMap((line, index) => (line.kind === 'del' ? [] : [index]));
  const left = hunk.lines.flatMap((line, index) => (line.kind === 'add' ? [] : [index]));
  const lines: SecretRange[][] = hunk.lines.map((_, index) => [...(single[index + 1] ?? [])]);
  for (const side of [right, left]) {
    const texts = side.map((index) => hunk.lines[index]?.text ?? '');
    const found = scanBlocks(
      texts,
      texts.map(() => []),
    );
    side.forEach((lineIndex, at) => lines[lineIndex]?.push(...(found[at] ?? [])));
  }
  return { lines, section };
};

const isPrivateKeyOnly = (ranges: readonly SecretRange[]): boolean =>
  ranges.length > 0 && ranges.every((range) => range.kind === 'private-key');

const kindsOf = (ranges: readonly SecretRange[]): SecretKind[] => [
  ...new Set(mergeRanges(ranges).map((range) => range.kind)),
];

const NONE: readonly SecretRange[] = [];

/** Both lists of ranges; most lines have neither, and those share one empty list. */
const joined = (
  own: readonly SecretRange[] | undefined,
  extra: readonly SecretRange[] | undefined,
): readonly SecretRange[] =>
  extra === undefined || extra.length === 0 ? (own ?? NONE) : [...(own ?? NONE), ...extra];

/**
 * Applies the scanned ranges plus every recurrence of a known value (`known`: the section's
 * ranges, then each line's); reports added lines.
 */
const redactHunk = (
  path: string,
  hunk: Hunk,
  scanned: ScannedHunk,
  known: readonly SecretRange[][],
): { hunk: Hunk; findings: Finding[] } => {
  const findings: Finding[] = [];
  const sectionRanges = joined(scanned.section, known[0]);
  const anyRange = (ranges: readonly (readonly SecretRange[] | undefined)[]): boolean =>
    ranges.some((entry) => entry !== undefined && entry.length > 0);
  if (sectionRanges.length === 0 && !anyRange(scanned.lines) && !anyRange(known))
    return { hunk, findings };
  let changed = false;
  let previousAddedKey = false;
  const lines = hunk.lines.map((line, index): DiffLine => {
    const ranges = joined(scanned.lines[index], known[index + 1]);
    const keyOnly = isPrivateKeyOnly(ranges);
    if (line.kind === 'add' && ranges.length > 0 && line.newLine !== null) {
      if (!(keyOnly && previousAddedKey))
        findings.push(secretFinding(path, line.newLine, kindsOf(ranges)));
    }
    previousAddedKey = line.kind === 'add' && keyOnly;
    if (ranges.length === 0) return line;
    changed = true;
    return { ...line, text: applyRedactions(line.text, ranges) };
  });
  if (!changed && sectionRanges.length === 0) return { hunk, findings };
  return {
    hunk: { ...hunk, section: applyRedactions(hunk.section, sectionRanges), lines },
    findings,
  };
};

const redactFile = (
  file: FileChange,
  scanned: readonly ScannedHunk[],
  known: readonly SecretRange[][][],
): { file: FileChange; findings: Finding[] } => {
  const redacted = file.hunks.map((hunk, index) =>
    redactHunk(file.path, hunk, scanned[index] ?? { lines: [], section: [] }, known[index] ?? []),
  );
  const findings = redacted.flatMap((entry) => entry.findings);
  if (redacted.every((entry, index) => entry.hunk === file.hunks[index])) return { file, findings };
  return { file: { ...file, hunks: redacted.map((entry) => entry.hunk) }, findings };
};

/** The values the detectors found in the diff, longest first so that no part of one survives. */
const knownFromDiff = (diff: DiffModel, scanned: readonly ScannedHunk[][]): KnownSecret[] => {
  const found: KnownSecret[] = [];
  diff.files.forEach((file, fileIndex) =>
    file.hunks.forEach((hunk, hunkIndex) => {
      const hunkScan = scanned[fileIndex]?.[hunkIndex];
      if (hunkScan === undefined) return;
      hunkScan.lines.forEach((ranges, index) => {
        if (ranges.length > 0)
          found.push(...secretsIn(hunk.lines[index]?.text ?? '', mergeRanges(ranges)));
      });
      if (hunkScan.section.length > 0)
        found.push(...secretsIn(hunk.section, mergeRanges(hunkScan.section)));
    }),
  );
  return found;
};

const unique = (secrets: readonly KnownSecret[]): KnownSecret[] => {
  const byValue = new Map<string, KnownSecret>();
  for (const secret of secrets) if (!byValue.has(secret.value)) byValue.set(secret.value, secret);
  return [...byValue.values()].sort((a, b) => b.value.length - a.value.length);
};

/**
 * `alsoKnown`: secrets found earlier (in the whole pull request, when `diff` is only what changed
 * since the last review), redacted here too wherever they occur.
 */
export const redactSecrets = (
  diff: DiffModel,
  pr: PullRequestFacts,
  alsoKnown: readonly KnownSecret[] = [],
): RedactedPullRequest => {
  const texts = joinLines(diffTexts(diff));
  const single = perHunk(diff, findJoinedSecrets(texts, true));
  const scanned = diff.files.map((file, fileIndex) =>
    file.hunks.map((hunk, hunkIndex) => scanHunk(hunk, single[fileIndex]?.[hunkIndex] ?? [])),
  );
  const facts = [pr.title, pr.body, pr.headRef, pr.baseRef];
  const firstPass = facts.flatMap((text) => redactText(text).found);
  const known = unique([...knownFromDiff(diff, scanned), ...firstPass, ...alsoKnown]);

  const recurring = perHunk(diff, knownLinesRanges(texts, known));
  const files = diff.files.map((file, index) =>
    redactFile(file, scanned[index] ?? [], recurring[index] ?? []),
  );
  const title = redactText(pr.title, known);
  const body = redactText(pr.body, known);
  const headRef = redactText(pr.headRef, known);
  const baseRef = redactText(pr.baseRef, known);
  const branchKinds = [...new Set([...headRef.kinds, ...baseRef.kinds])];
  const notes = [
    ...(title.kinds.length > 0 ? [secretNote('title', title.kinds)] : []),
    ...(body.kinds.length > 0 ? [secretNote('description', body.kinds)] : []),
    ...(branchKinds.length > 0 ? [secretNote('branch name', branchKinds)] : []),
  ];
  return {
    diff: files.every((entry, index) => entry.file === diff.files[index])
      ? diff
      : { ...diff, files: files.map((entry) => entry.file) },
    pr: { ...pr, title: title.text, body: body.text, headRef: headRef.text, baseRef: baseRef.text },
    report: { findings: files.flatMap((entry) => entry.findings), notes, known },
  };
};
