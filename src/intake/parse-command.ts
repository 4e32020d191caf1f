import type { CommandName } from '../domain/review-job.js';

const COMMANDS: Readonly<Record<string, CommandName>> = {
  '/review': 'review',
  '/review deep': 'review-deep',
  '/review fast': 'review-fast',
  '/review skip': 'review-skip',
  '/cost': 'cost',
};

/**
 * The command a pull request comment starts with: its first non-empty line, in any case, words
 * separated by any spaces. `/review` with an argument it does not know asks for help; a comment
 * that only mentions a command later on, or `/reviewer`, is no command; nor is a first line
 * indented by four spaces or a tab, which Markdown shows as code.
 */
export const parseCommand = (body: string): CommandName | null => {
  const line = body.split(/\r?\n/).find((text) => text.trim() !== '');
  if (line === undefined || /^( {4}|\t)/.test(line)) return null;
  const first = line.trim();
  const words = first.toLowerCase().split(/\s+/);
  const known = COMMANDS[words.join(' ')];
  if (known !== undefined) return known;
  return words[0] === '/review' ? 'help' : null;
};
