/**
 * The files context is built from, read in as few rounds as the source allows and redacted
 * before anything else sees them: each text is parsed once for its outline.
 */
import { redactText } from '../secrets/redact-text.js';
import type { KnownSecret } from '../secrets/types.js';
import { languageOf } from './languages.js';
import { outlineFile } from './outline-file.js';
import { safeRepoPath } from './safe-repo-path.js';
import type { CodeSource, FileOutline } from './types.js';

/**
 * One file as the prompt may quote it: its outline when parsed, and its text and lines redacted.
 * The redaction is done on first use, whole-file (a private key spans lines), so files read only
 * for their definitions' names and lines cost no scan: every text that can reach a prompt is
 * redacted, and nothing else is kept.
 */
export class ReadFile {
  readonly path: string;
  readonly outline: FileOutline | null;
  private readonly raw: string;
  private readonly known: readonly KnownSecret[];
  private redacted: { text: string; lines: readonly string[] } | null = null;

  constructor(
    path: string,
    raw: string,
    known: readonly KnownSecret[],
    outline: FileOutline | null,
  ) {
    this.path = path;
    this.raw = raw;
    this.known = known;
    this.outline = outline;
  }

  get text(): string {
    return this.redact().text;
  }

  get lines(): readonly string[] {
    return this.redact().lines;
  }

  private redact() {
    if (this.redacted === null) {
      const text = redactText(this.raw, this.known).text;
      this.redacted = { text, lines: text.split('\n') };
    }
    return this.redacted;
  }
}

/** At most this many files are read per round: a bounded cost on every source. */
export const MAX_FILES_PER_ROUND = 300;
/** And at most this many characters in all, so a repository of huge files cannot exhaust memory. */
export const MAX_CHARS_READ = 12_000_000;
/** Files are parsed, in the order read, until this many characters: parsing is the CPU cost. */
export const MAX_CHARS_PARSED = 1_500_000;

export class CodeReader {
  readonly files = new Map<string, ReadFile>();
  readonly unread: { path: string; reason: string }[] = [];
  private readonly source: CodeSource;
  private readonly known: readonly KnownSecret[];
  private chars = 0;
  private parsed = 0;

  constructor(source: CodeSource, known: readonly KnownSecret[]) {
    this.source = source;
    this.known = known;
  }

  /** Reads the paths not yet read (one request to the source), in the order given. */
  async read(paths: readonly string[], limit = MAX_FILES_PER_ROUND): Promise<void> {
    const wanted = [...new Set(paths)]
      .filter((path) => !this.files.has(path) && safeRepoPath(path) !== null)
      .slice(0, Math.min(limit, MAX_FILES_PER_ROUND));
    if (wanted.length === 0) return;
    const texts = await this.source.readFiles(wanted);
    for (const path of wanted) {
      const raw = texts.get(path);
      if (raw === undefined) {
        this.unread.push({ path, reason: 'not a text file at this commit' });
        continue;
      }
      if (this.chars + raw.length > MAX_CHARS_READ) {
        this.unread.push({ path, reason: 'over the context read limit' });
        continue;
      }
      this.chars += raw.length;
      const language = languageOf(path);
      const parse = language !== null && this.parsed + raw.length <= MAX_CHARS_PARSED;
      if (parse) this.parsed += raw.length;
      const outline = parse ? await outlineFile(language, raw) : null;
      this.files.set(path, new ReadFile(path, raw, this.known, outline));
    }
  }
}

/** Lines `start` to `end` (1-based, inclusive) of a file. */
export const linesOf = (file: ReadFile, start: number, end: number): string =>
  file.lines.slice(start - 1, end).join('\n');
