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

/** One file as the prompt may quote it: redacted text, its lines, and its outline when parsed. */
export interface ReadFile {
  readonly path: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly outline: FileOutline | null;
}

/** At most this many files are read per round: a bounded cost on every source. */
export const MAX_FILES_PER_ROUND = 300;
/** And at most this many characters in all, so a repository of huge files cannot exhaust memory. */
export const MAX_CHARS_READ = 12_000_000;

export class CodeReader {
  readonly files = new Map<string, ReadFile>();
  readonly unread: { path: string; reason: string }[] = [];
  private chars = 0;

  constructor(
    private readonly source: CodeSource,
    private readonly known: readonly KnownSecret[],
  ) {}

  /** Reads the paths not yet read (one request to the source), in the order given. */
  async read(paths: readonly string[]): Promise<void> {
    const wanted = [...new Set(paths)]
      .filter((path) => !this.files.has(path) && safeRepoPath(path) !== null)
      .slice(0, MAX_FILES_PER_ROUND);
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
      const text = redactText(raw, this.known).text;
      const language = languageOf(path);
      const outline = language === null ? null : await outlineFile(language, text);
      this.files.set(path, { path, text, lines: text.split('\n'), outline });
    }
  }
}

/** Lines `start` to `end` (1-based, inclusive) of a file. */
export const linesOf = (file: ReadFile, start: number, end: number): string =>
  file.lines.slice(start - 1, end).join('\n');
