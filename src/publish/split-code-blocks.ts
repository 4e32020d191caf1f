/**
 * Splits Markdown into prose and fenced code blocks. Only prose needs defusing; code is shown as
 * written. GitHub must see the same code blocks, so each one is written back with a fence of its
 * own at column 0 (see `renderCodeBlock`): a fence longer than any backtick run in the code cannot
 * be closed early by the code, and a column-0 fence line ends any list or quote around it. Where
 * this splitter errs, it errs towards prose, which is always safe to show.
 */

export type Segment =
  | { readonly kind: 'prose'; readonly text: string }
  | {
      readonly kind: 'code';
      /** The language, already reduced to a safe identifier (or ''). */
      readonly info: string;
      readonly lines: readonly string[];
    };

const OPENER = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Languages GitHub renders as diagrams, maps or models instead of showing the code. */
const RENDERED = new Set(['mermaid', 'geojson', 'topojson', 'stl', 'math', 'plantuml', 'markmap']);

const safeInfo = (info: string): string => {
  const word = /^\s*([A-Za-z0-9_+.#-]{1,30})/.exec(info)?.[1] ?? '';
  return RENDERED.has(word.toLowerCase()) ? 'text' : word;
};

const stripIndent = (line: string, indent: number): string => {
  let cut = 0;
  while (cut < indent && line[cut] === ' ') cut += 1;
  return line.slice(cut);
};

export const splitCodeBlocks = (text: string): Segment[] => {
  const lines = text.split('\n');
  const segments: Segment[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) segments.push({ kind: 'prose', text: prose.join('\n') });
    prose = [];
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const opener = OPENER.exec(line);
    if (opener === null) {
      prose.push(line);
      index += 1;
      continue;
    }
    const indent = opener[1]?.length ?? 0;
    const fence = opener[2] ?? '```';
    const closer = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const code: string[] = [];
    index += 1;
    while (index < lines.length && !closer.test(stripIndent(lines[index] ?? '', indent))) {
      code.push(stripIndent(lines[index] ?? '', indent));
      index += 1;
    }
    index += 1; // the closing fence, or past the end
    flushProse();
    segments.push({ kind: 'code', info: safeInfo(opener[3] ?? ''), lines: code });
  }
  flushProse();
  return segments;
};

/** The fence for `lines`: backticks, one more than the longest run in them, at least three. */
export const fenceFor = (lines: readonly string[]): string => {
  let longest = 0;
  for (const line of lines) {
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  }
  return '`'.repeat(Math.max(3, longest + 1));
};

export const renderCodeBlock = (info: string, lines: readonly string[]): string => {
  const fence = fenceFor(lines);
  return [`${fence}${info}`, ...lines, fence].join('\n');
};
