/**
 * A path glob of the policy, checked before any pull request meets it. picomatch compiles a glob
 * to a backtracking regular expression: a glob it cannot read either throws later, while the job
 * runs, or never matches, and wildcards that can split one name many ways take time that grows
 * as a power of the name's length. The file names come from pull request authors, so a glob that
 * looks ordinary (`**\/*-*-*-*.ts`) would let a 255-character name hold the worker for a second,
 * once per file. Measured with picomatch 4: three `*` in one name took 21 ms on such a name and
 * four took 1.1 s; three `**` around literal folders took 2 s on a path of 1,500 folders.
 */
import picomatch from 'picomatch';
import type { z } from 'zod';

/** Longer than any glob a policy needs; picomatch's own limit is 65,536. */
export const MAX_GLOB_LENGTH = 500;
const MAX_STARS_IN_A_NAME = 2;
const MAX_GLOBSTARS = 2;

/** Why `glob` cannot be used, with a hint; null when it can. */
export const globProblem = (glob: string): { message: string; hint: string } | null => {
  // picomatch reads a leading ! as "every path but these": in a list, one such glob matches
  // almost every file, so `["**/*.md", "!CHANGELOG.md"]` would skip or ignore nearly everything.
  if (glob.startsWith('!'))
    return {
      message: 'a glob starting with ! matches every path but its own, not an exception to the list',
      hint: 'list only the paths to match; to keep a file out, write globs that do not match it',
    };
  if (glob.startsWith('/'))
    return {
      message: 'globs match paths from the repository root, which have no leading /',
      hint: `write ${JSON.stringify(glob.replace(/^\/+/, ''))}`,
    };
  try {
    picomatch.makeRe(glob, { dot: true, strictBrackets: true });
  } catch (error) {
    return {
      message: `not a glob picomatch can read: ${(error as Error).message}`,
      hint: 'close every [, { and ( it opens, or escape it with \\',
    };
  }
  const names = glob.split('/');
  const globstars = names.filter((name) => name === '**').length;
  if (globstars > MAX_GLOBSTARS)
    return {
      message: `${globstars} ** in one glob: at most ${MAX_GLOBSTARS}, since each more makes a deep path slower to match`,
      hint: 'split it into several globs of the list',
    };
  const busiest = Math.max(
    ...names
      .filter((name) => name !== '**')
      .map((name) => name.replace(/\\./g, '').split('*').length - 1),
  );
  if (busiest > MAX_STARS_IN_A_NAME)
    return {
      message: `${busiest} * in one file or folder name: at most ${MAX_STARS_IN_A_NAME}, since each more makes a long name slower to match`,
      hint: 'match on fewer parts of the name, or list the names',
    };
  return null;
};

/** The schema's check of one glob: an issue at the glob when it cannot be used. */
export const checkGlob = (glob: string, ctx: z.RefinementCtx): void => {
  const problem = globProblem(glob);
  if (problem !== null)
    ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint } });
};
