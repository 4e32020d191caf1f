import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveGitDir } from '../calibrate/resolve-git-dir.js';
import { createTestHistory, type TestHistory } from '../calibrate/test-history.js';
import { runCli } from './main.js';
import { captureCliIo } from './test-cli-io.js';

let history: TestHistory;
let dir: string;

beforeAll(() => {
  history = createTestHistory();
  dir = mkdtempSync(join(tmpdir(), 'review-router-calibrate-cli-'));
});

afterAll(() => {
  history.repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('review-router calibrate', () => {
  it('prints the figures as JSON, writes the HTML report and shows progress on stderr', async () => {
    const { io, out, err } = captureCliIo();
    const report = join(dir, 'calibration.html');
    const code = await runCli(
      ['calibrate', '--git-dir', history.repo.dir, '--json', '--report', report],
      io,
    );
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0]!);
    expect(result).toMatchObject({
      status: 'ok',
      bugInducing: history.bugInducing.length,
      fixCommits: history.fixes.length,
      evaluatedCommits: history.bugInducing.length + history.clean.length,
      deepRate: 0.2,
    });
    expect(result.metrics.map((m: { scorer: string }) => m.scorer)).toEqual([
      'classifier',
      'lines-added',
      'size-class',
      'random',
    ]);
    expect(result.policySnippet).toContain('levels: { medium:');
    expect(result.commits).toBeUndefined();
    expect(readFileSync(report, 'utf8')).toContain('<svg');
    expect(err).toContain(`calibrate: report written to ${report}`);
    expect(err.some((line) => line.startsWith('calibrate: reading patches'))).toBe(true);
  });

  it('prints a table and a policy snippet for people, honouring --deep-rate and --since', async () => {
    const { io, out } = captureCliIo();
    const code = await runCli(
      [
        'calibrate',
        '--git-dir',
        history.repo.gitDir,
        '--deep-rate',
        '30%',
        '--since',
        '2020-01-01',
      ],
      io,
    );
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/classifier\s+\d\.\d{3}/);
    expect(text).toContain('Suggested levels for 30% deep');
    expect(text).toContain('risk:\n  levels: { medium: ');
  });

  it('reports the routing and cost of the policy in force and of a suggestion for --target-cost', async () => {
    const { io, out } = captureCliIo();
    const code = await runCli(
      ['calibrate', '--git-dir', history.repo.dir, '--json', '--target-cost', '0.3'],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out[0]!);
    expect(result).toMatchObject({ deepRate: null, targetCost: 0.3 });
    for (const routing of [result.inForce, result.suggestion.routing]) {
      expect(Object.keys(routing).sort()).toEqual(
        [
          'allDeepUsd',
          'allFastUsd',
          'caught',
          'costUsd',
          'costVsAllDeep',
          'costVsAllFast',
          'deepShare',
          'levels',
          'skipShare',
        ].sort(),
      );
      expect(routing.costUsd).toBeGreaterThan(0);
      expect(routing.allDeepUsd).toBeGreaterThan(routing.allFastUsd);
    }
    expect(result.suggestion.routing.costVsAllDeep).toBeLessThanOrEqual(0.3);
    expect(result.suggestion.withinTargetCost).toBe(true);
  });

  it('prints the cost columns and draws catch against cost in the report', async () => {
    const { io, out } = captureCliIo();
    const report = join(dir, 'cost.html');
    const code = await runCli(
      [
        'calibrate',
        '--git-dir',
        history.repo.dir,
        '--deep-rate',
        '0.2',
        '--target-cost',
        '0.3',
        '--report',
        report,
      ],
      io,
    );
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/The policy in force \(levels medium 0\.18, high 0\.6, critical 0\.85\)/);
    expect(text).toMatch(
      /estimated cost \$\d+\.\d\d: \d+\.\d% of all-deep \(\$\d+\.\d\d\), \d+\.\d\dx all-fast/,
    );
    expect(text).toContain('Suggested levels for 20% deep and within 30% of the all-deep cost');
    const html = readFileSync(report, 'utf8');
    expect(html.match(/<path data-cost-scorer="/g)).toHaveLength(4);
    expect(html).toContain('data-routing="policy in force"');
    expect(html).toContain('data-routing="suggested levels"');
  });

  it('measures the policy given with --policy, and refuses one whose model has no price', async () => {
    const strict = join(dir, 'strict.yml');
    writeFileSync(strict, 'risk:\n  levels: { medium: 0.5, high: 0.6 }\n');
    const ours = captureCliIo();
    expect(await runCli(['calibrate', '--git-dir', history.repo.dir, '--json'], ours.io)).toBe(0);
    const theirs = captureCliIo();
    const args = ['calibrate', '--git-dir', history.repo.dir, '--json', '--policy', strict];
    expect(await runCli(args, theirs.io)).toBe(0);
    const [defaults, custom] = [ours, theirs].map(({ out }) => JSON.parse(out[0]!).inForce);
    expect(custom.levels).toEqual({ medium: 0.5, high: 0.6, critical: 0.85 });
    expect(custom.deepShare).toBeLessThan(defaults.deepShare);
    expect(custom.costUsd).toBeLessThan(defaults.costUsd);

    const unpriced = join(dir, 'unpriced.yml');
    writeFileSync(
      unpriced,
      'models:\n  deep: { provider: anthropic, model: claude-unknown-9, effort: high }\n',
    );
    const refused = captureCliIo();
    const code = await runCli(
      ['calibrate', '--git-dir', history.repo.dir, '--policy', unpriced],
      refused.io,
    );
    expect(code).toBe(2);
    expect(refused.err.join('\n')).toContain('unknown model claude-unknown-9');
  });

  it.each([
    [['--target-cost', '30'], '--target-cost 30: expected a share between 0 and 1'],
    [['--deep-rate', '1.5'], '--deep-rate 1.5: expected a share between 0 and 1'],
    [['--since', 'yesterday-ish'], '--since yesterday-ish: expected a date'],
    [['--since', '2024-02-30'], '--since 2024-02-30: expected a date'],
    [['--max-commits', '0'], '--max-commits 0: expected a whole number'],
  ])('refuses %j with a message that says what is expected', async (flags, message) => {
    const { io, err } = captureCliIo();
    expect(await runCli(['calibrate', '--git-dir', history.repo.dir, ...flags], io)).toBe(2);
    expect(err.join('\n')).toContain(message);
  });

  it('says when the path is not a git repository', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['calibrate', '--git-dir', dir], io)).toBe(2);
    expect(err.join('\n')).toContain('not a git repository');
  });
});

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const projectGitDir = await resolveGitDir(projectRoot);
if (projectGitDir === null) {
  console.warn(`calibrate on this repository skipped: ${projectRoot} is not a git checkout`);
}

describe.skipIf(projectGitDir === null)('review-router calibrate on this repository', () => {
  it('measures its history, or says why it cannot yet, and exits 0', async () => {
    const { io, out, err } = captureCliIo();
    const report = join(dir, 'self.html');
    const code = await runCli(
      ['calibrate', '--git-dir', projectRoot, '--json', '--report', report],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out[0]!);
    if (result.status === 'ok') {
      expect(existsSync(report)).toBe(true);
    } else {
      expect(result.status).toBe('insufficient-history');
      expect(err.join('\n')).toContain('not enough follow-up history');
      expect(existsSync(report)).toBe(false);
    }
  });

  it('says why nothing was measured once, in the table, when it prints one', async () => {
    const { io, out, err } = captureCliIo();
    expect(await runCli(['calibrate', '--git-dir', projectRoot], io)).toBe(0);
    const said = [...out, ...err].join('\n').split('not enough follow-up history').length - 1;
    expect(said).toBeLessThanOrEqual(1);
  });
});
