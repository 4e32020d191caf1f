/** Renders policy problems as markdown for a check run: where, what, and how to fix it. */
import type { PolicyError, PolicyProblem } from './types.js';

/** GitHub caps a check run's text at 65,535 characters; a broken file must not break the run. */
const MAX_LISTED = 50;
const MAX_PART = 200;

const clip = (text: string): string =>
  text.length > MAX_PART ? `${text.slice(0, MAX_PART - 1)}…` : text;

/** A code span that user-written text (a key with a backtick in it) cannot break out of. */
const code = (text: string): string => `\`${clip(text).replaceAll('`', "'")}\``;

const formatProblem = (problem: PolicyProblem): string => {
  const where =
    problem.line === null ? code(problem.file) : `${code(problem.file)} line ${problem.line}`;
  const path = problem.path === '' ? '' : ` ${code(problem.path)}:`;
  const hint = problem.hint === null ? '' : ` — ${clip(problem.hint)}`;
  return `- ${where}:${path} ${clip(problem.message)}${hint}`;
};

export const formatPolicyProblems = (error: PolicyError): string => {
  const { problems } = error;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED).map(formatProblem);
  const more = problems.length - listed.length;
  return [
    `The review-router policy has ${count}:`,
    '',
    ...listed,
    ...(more > 0 ? [`- …and ${more} more`] : []),
    '',
    'Fix the file on the default branch; review-router reads the policy from there, never from the pull request.',
  ].join('\n');
};
