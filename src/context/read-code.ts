/**
 * The files context is built from, read in as few rounds as the source allows and redacted
 * before anything else sees them: each text is parsed once for its outline.
 */
import { redactText } from '../secrets/redact-text.js';
import type { KnownSecret } from '../secrets/types.js';
import { languageOf } from './languages.js';
import { outlineFile } from './outline-file.js';
import { safeRepoPath } from './safe-repo-path.js';
import { mentionsAny } from './search-words.js';
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
  private redacted: {
    text: string;
    lines: readonly string[];
    found: readonly KnownSecret[];
  } | null = null;

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

  /** The secrets redaction found in this file's text; none while its text was never asked for. */
  get found(): readonly KnownSecret[] {
    return this.redacted?.found ?? [];
  }

  private redact() {
    if (this.redacted === null) {
      const { text, found } = redactText(this.raw, this.known);
      this.redacted = { text, lines: text.split('\n'), found };
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
  /** Files the definition search read, not yet parsed, in the order read. */
  private readonly searched = new Map<string, string>();

  constructor(source: CodeSource, known: readonly KnownSecret[]) {
    this.source = source;
    this.known = known;
  }

  /**
   * Reads the paths not yet read (one request to the source), in the order given; then, in the
   * same request and up to `search.limit` files in all, the search's paths, kept unparsed for
   * `parseSearched`.
   */
  async read(
    paths: readonly string[],
    limit = MAX_FILES_PER_ROUND,
    search?: { readonly paths: readonly string[]; readonly limit: number },
  ): Promise<void> {
    const fresh = this.fresh(paths);
    const cut = Math.min(limit, MAX_FILES_PER_ROUND);
    const wanted = fresh.slice(0, cut);
    for (const path of fresh.slice(cut))
      this.unread.push({ path, reason: `past the first ${cut} files read in its round` });
    const chosen = new Set(wanted);
    const room = Math.min(search?.limit ?? 0, MAX_FILES_PER_ROUND) - wanted.length;
    const searched = this.fresh(search?.paths ?? [])
      .filter((path) => !chosen.has(path) && !this.searched.has(path))
      .slice(0, Math.max(0, room));
    // A file the search read already is not asked for again.
    const asked = [...wanted.filter((path) => !this.searched.has(path)), ...searched];
    const texts =
      asked.length === 0 ? new Map<string, string>() : await this.source.readFiles(asked);
    for (const path of wanted) {
      const known = this.searched.get(path);
      await this.keep(path, known ?? texts.get(path), known === undefined);
    }
    for (const path of searched) {
      const raw = texts.get(path);
      if (raw === undefined || this.chars + raw.length > MAX_CHARS_READ) continue;
      this.chars += raw.length;
      this.searched.set(path, raw);
    }
  }

  /**
   * Parses the searched files, in the order read, that mention a name no file parsed so far
   * defines (as a whole word), within what the parse limit has left; each file parsed takes the
   * names it defines off the list. Returns the names still not found.
   */
  async parseSearched(names: ReadonlySet<string>): Promise<Set<string>> {
    const open = new Set(names);
    for (const file of this.files.values())
      for (const definition of file.outline?.definitions ?? []) open.delete(definition.name);
    for (const [path, raw] of this.searched) {
      if (open.size === 0 || this.parsed >= MAX_CHARS_PARSED) break;
      if (this.files.has(path) || this.parsed + raw.length > MAX_CHARS_PARSED) continue;
      if (!mentionsAny(raw, open)) continue;
      const file = await this.keep(path, raw, false);
      for (const definition of file?.outline?.definitions ?? []) open.delete(definition.name);
    }
    this.searched.clear();
    return open;
  }

  private fresh(paths: readonly string[]): string[] {
    return [...new Set(paths)].filter(
      (path) => !this.files.has(path) && safeRepoPath(path) !== null,
    );
  }

  /** Parses (within the limit) and keeps one file; `count`: whether its characters are new. */
  private async keep(
    path: string,
    raw: string | undefined,
    count = true,
  ): Promise<ReadFile | null> {
    if (raw === undefined) {
      this.unread.push({
        path,
        reason: 'no text at this commit (a binary, missing or too large file)',
      });
      return null;
    }
    if (count && this.chars + raw.length > MAX_CHARS_READ) {
      this.unread.push({ path, reason: 'over the context read limit' });
      return null;
    }
    if (count) this.chars += raw.length;
    const language = languageOf(path);
    const parse = language !== null && this.parsed + raw.length <= MAX_CHARS_PARSED;
    if (parse) this.parsed += raw.length;
    const outline = parse ? await outlineFile(language, raw) : null;
    const file = new ReadFile(path, raw, this.known, outline);
    this.files.set(path, file);
    return file;
  }
}

/** Lines `start` to `end` (1-based, inclusive) of a file. */
export const linesOf = (file: ReadFile, start: number, end: number): string =>
  file.lines.slice(start - 1, end).join('\n');
