/** The short comments the app answers a pull request command with: pure markdown. */
import { sanitizeMarkdown } from './sanitize-markdown.js';
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { CommandName } from '../domain/review-job.js';
import { formatUsd } from '../domain/format-usd.js';

/** The commands as people type them. */
export const COMMAND_TEXT: Readonly<Record<CommandName, string>> = {
  review: '/review',
  'review-deep': '/review deep',
  'review-fast': '/review fast',
  'review-skip': '/review skip',
  cost: '/cost',
  help: '/review',
};

/** The `/cost` table lists this many attempts, the newest ones. */
export const MAX_COST_ROWS = 30;

export const renderCommandHelp = (): string =>
  [
    'review-router understands these commands, each alone on the first line of a comment:',
    '',
    '- `/review`: review the pull request now (and review later pushes again after `/review skip`)',
    '- `/review deep` or `/review fast`: review now on that tier',
    '- `/review skip`: stop reviewing this pull request',
    '- `/cost`: what review-router has spent on this pull request, per review',
    '',
    'Every command but `/cost` needs write access to the repository.',
  ].join('\n');

/**
 * A polite refusal for someone without write access. It names nobody with `@`: the reply sits
 * under their own comment, and a mention would notify them a second time.
 */
export const renderRefusal = (name: CommandName, role: string): string => {
  const command = COMMAND_TEXT[name];
  const why =
    name === 'review-deep'
      ? 'A deep review costs real money, so only people with write access to this repository can ask for one.'
      : 'Only people with write access to this repository can steer review-router.';
  return (
    `Sorry, \`${command}\` needs write access to this repository ` +
    `(your role here: ${role}). ${why} A maintainer can comment \`${command}\` instead; ` +
    '`/cost` works for everyone.'
  );
};

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** `/cost`: every review attempt on the pull request with its cost, oldest first, and the total. */
export const renderCostReply = (rows: readonly LedgerRow[]): string => {
  if (rows.length === 0) return 'review-router has not spent anything on this pull request yet.';
  const total = rows.reduce((sum, row) => sum + row.costUsd, 0);
  const posted = rows.filter((row) => row.outcome === 'posted').length;
  const newestFirst = [...rows].sort(
    (a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id,
  );
  const shown = newestFirst.slice(0, MAX_COST_ROWS).reverse();
  const lines = [
    `**review-router has spent ${formatUsd(total)} on this pull request:** ` +
      `${posted} ${posted === 1 ? 'review' : 'reviews'} posted, ${rows.length} ` +
      `${rows.length === 1 ? 'attempt' : 'attempts'} in all.`,
    '',
    '| when (UTC) | commit | tier | model | outcome | cost |',
    '| --- | --- | --- | --- | --- | ---: |',
    ...shown.map(
      (row) =>
        `| ${when(row.startedAt)} | \`${row.headSha.slice(0, 7)}\` | ${row.tier} | ` +
        `${row.model === null ? '—' : `\`${row.model}\``} | ${row.outcome} | ${formatUsd(row.costUsd)} |`,
    ),
  ];
  const hidden = rows.length - shown.length;
  if (hidden > 0)
    lines.push('', `<sub>… and ${hidden} earlier attempts, counted in the total.</sub>`);
  return lines.join('\n');
};

/** What the app says after a `/review` that did not post a review; null when it did. */
export const explainCommandOutcome = (
  rows: readonly LedgerRow[],
  headSha: string,
  forcedTier: string | null,
): string | null => {
  if (rows.some((row) => row.outcome === 'posted')) return null;
  const newest = rows[0];
  const commit = `\`${headSha.slice(0, 7)}\``;
  if (newest === undefined) {
    const tier = forcedTier === null ? '' : ` ${forcedTier}`;
    const other =
      forcedTier === 'deep'
        ? 'ask for the fast tier with `/review fast`'
        : forcedTier === 'fast'
          ? 'ask for the deep tier with `/review deep`'
          : 'ask for the other tier with `/review deep` or `/review fast`';
    return (
      `${commit} already has a${tier} review from review-router, so there is nothing new to ` +
      `review. Push new commits, or ${other}.`
    );
  }
  // Reasons quote the policy and the pull request (paths, labels, branches): `@acme/ui` would
  // mention a team, so they are defused as model text is.
  const quoted = (text: string) => sanitizeMarkdown(text, { maxLength: 1_000, inline: true });
  if (newest.outcome === 'skipped') return `Not reviewed: ${quoted(newest.reason)}.`;
  if (newest.outcome === 'superseded')
    return `Not reviewed: ${quoted(newest.reason)}; the newer commit gets its own review.`;
  return `The review of ${commit} did not finish (${quoted(newest.error ?? newest.reason)}); the review-router check run has the details.`;
};
