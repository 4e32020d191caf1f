/**
 * Model output is untrusted: it may repeat what a pull request planted. Before anything is posted,
 * secrets are redacted, invisible and bidirectional control characters removed, and the prose
 * defused (`neutralizeProse`: no pings, no HTML, no images, no links outside the repository);
 * fenced code is kept as written inside a fence of its own. The result is capped in length.
 */
import { redactText } from '../secrets/redact-text.js';
import type { KnownSecret } from '../secrets/types.js';
import { neutralizeProse } from './neutralize-prose.js';
import { renderCodeBlock, splitCodeBlocks } from './split-code-blocks.js';
import type { RepositoryLink } from './types.js';

export interface SanitizeOptions {
  /** Characters, 8,000 by default; longer text is cut and says so. */
  readonly maxLength?: number;
  /** Links into this repository are kept; every other link becomes text. None when absent. */
  readonly repository?: RepositoryLink | null;
  /** Secrets found in the pull request, redacted even where no pattern would recognise them. */
  readonly knownSecrets?: readonly KnownSecret[];
  /**
   * For text inside a line of ours (a title, a path, a reason): line breaks become spaces and
   * nothing is read as a code block.
   */
  readonly inline?: boolean;
}

export const DEFAULT_MAX_LENGTH = 8_000;
const TRUNCATED = '… (truncated)';

/**
 * Zero-width and bidirectional controls can hide text or reorder it on screen; the characters used
 * as placeholders while sanitising must not come from the input. The zero-width joiner stays:
 * emoji sequences need it.
 */
const INVISIBLE =
  /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ue000\ue001]/g;

/** Control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const clean = (text: string, inline: boolean): string => {
  const lines = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROL, '');
  return inline ? lines.replace(/\n+/g, ' ') : lines;
};

/** Cut on a code point boundary. */
const cut = (text: string, length: number): string => {
  if (length <= 0) return '';
  let end = Math.min(length, text.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
};

export const sanitizeMarkdown = (text: string, options: SanitizeOptions = {}): string => {
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const inline = options.inline ?? false;
  const repository = options.repository ?? null;
  // Secrets first, on the whole text, so that no cut can leave half a secret unrecognised.
  // Defusing rarely shortens text by much: more than this much input would not fit anyway.
  const input = cut(redactText(clean(text, inline), options.knownSecrets ?? []).text, max * 4);
  if (inline) return capInline(neutralizeProse(input, repository), max);

  const parts: string[] = [];
  let length = 0;
  for (const segment of splitCodeBlocks(input)) {
    const separator = parts.length === 0 ? 0 : 1;
    const room = max - length - separator;
    if (segment.kind === 'prose') {
      const prose = neutralizeProse(segment.text, repository);
      if (prose.length > room) {
        parts.push(`${cut(prose, room)}${TRUNCATED}`);
        return parts.join('\n');
      }
      parts.push(prose);
      length += separator + prose.length;
    } else {
      const block = renderCodeBlock(segment.info, segment.lines);
      if (block.length > room) {
        // Keep the lines that fit; the block is closed either way.
        const lines: string[] = [];
        let used = block.length - segment.lines.join('\n').length;
        for (const line of segment.lines) {
          if (used + line.length + 1 > room) break;
          lines.push(line);
          used += line.length + 1;
        }
        parts.push(`${renderCodeBlock(segment.info, lines)}\n${TRUNCATED}`);
        return parts.join('\n');
      }
      parts.push(block);
      length += separator + block.length;
    }
  }
  return parts.join('\n');
};

const capInline = (text: string, max: number): string =>
  text.length <= max ? text : `${cut(text, max)}${TRUNCATED}`;

/**
 * Code for a fenced block of ours (a suggestion): secrets redacted, invisible characters removed.
 * The block's fence comes from `fenceFor`, so the code cannot close it.
 */
export const sanitizeCode = (
  code: string,
  knownSecrets: readonly KnownSecret[] = [],
  maxLength: number = DEFAULT_MAX_LENGTH,
): string => cut(redactText(clean(code, false), knownSecrets).text, maxLength);
