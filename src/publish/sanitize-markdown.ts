/**
 * Model output is untrusted: it may repeat what a pull request planted. Before anything is posted,
 * mentions are defused (no pings), raw HTML is escaped, images are dropped (their URLs can carry
 * data out) and the text is capped.
 */
const ZERO_WIDTH_SPACE = '\u200b';

export interface SanitizeOptions {
  readonly maxLength?: number;
}

const defuseMentions = (text: string): string =>
  text.replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, `$1@${ZERO_WIDTH_SPACE}`);

const escapeHtml = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

const dropImages = (text: string): string =>
  text.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_match, alt: string) => `[image removed: ${alt}]`);

export const sanitizeMarkdown = (text: string, options: SanitizeOptions = {}): string => {
  const max = options.maxLength ?? 8_000;
  const clean = defuseMentions(escapeHtml(dropImages(text)));
  return clean.length <= max ? clean : `${clean.slice(0, max)}… (truncated)`;
};

/** Text that goes inside a fenced code block: only the fence itself must not be closable. */
export const sanitizeCode = (code: string): string => code.replace(/```/g, "'''");
