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
 * that only mentions a command later on, or `/reviewer`, is no command.
 */
export const parseCommand = (body: string): CommandName | null => {
  const first = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  if (first === undefined) return null;
  const words = first.toLowerCase().split(/\s+/);
  const known = COMMANDS[words.join(' ')];
  if (known !== undefined) return known;
  return words[0] === '/review' ? 'help' : null;
};
