import { describe, expect, it, vi } from 'vitest';
import { buildReviewPrompt } from './build-prompt.js';
import { countTokens } from './count-tokens.js';
import { classification, diffOf, file, formatFile, input } from './test-prompt-input.js';

describe('buildReviewPrompt', () => {
  it('puts files in the prompt in classification.fileRisk order, most risky first', () => {
    const result = buildReviewPrompt(input());

    expect(result.includedPaths).toEqual(['src/auth/session.ts', 'src/util.ts', 'README.md']);
    const positions = result.includedPaths.map((path) => result.prompt.indexOf(`### ${path}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result.omitted).toEqual([]);
  });

  it('puts files that classify did not rank after the ranked ones, in diff order', () => {
    const files = [file('b.ts'), file('a.ts'), file('ranked.ts')];
    const result = buildReviewPrompt(
      input({ diff: diffOf(files), classification: classification(['ranked.ts']) }),
    );

    expect(result.includedPaths).toEqual(['ranked.ts', 'b.ts', 'a.ts']);
  });

  it('leaves out ignored, binary and patchless files with their reason, without rendering them', () => {
    const files = [
      file('src/app.ts'),
      file('yarn.lock'),
      file('.cache/deps.lock'),
      file('logo.png', { binary: true, patchAvailable: false, hunks: [] }),
      file('big.sql', { patchAvailable: false, hunks: [] }),
    ];
    const render = vi.fn(formatFile);
    const result = buildReviewPrompt(
      input({
        diff: diffOf(files),
        classification: classification(files.map((change) => change.path)),
        formatFile: render,
      }),
    );

    expect(result.includedPaths).toEqual(['src/app.ts']);
    expect(result.omitted).toEqual([
      { path: 'yarn.lock', reason: 'ignored by policy' },
      { path: '.cache/deps.lock', reason: 'ignored by policy' },
      { path: 'logo.png', reason: 'binary' },
      { path: 'big.sql', reason: 'no patch from GitHub' },
    ]);
    expect(render).toHaveBeenCalledTimes(1);
    expect(result.prompt).toContain('- "big.sql": no patch from GitHub');
  });

  it('stops adding files at the token budget and lists the rest as over token budget', () => {
    const files = [
      file('first.ts', { lines: 40 }),
      file('second.ts', { lines: 40 }),
      file('third.ts', { lines: 40 }),
    ];
    const base = input({
      diff: diffOf(files),
      classification: classification(['first.ts', 'second.ts', 'third.ts']),
    });
    const all = buildReviewPrompt(base);
    const oneFileTokens = countTokens(formatFile(files[0]!));

    const result = buildReviewPrompt({
      ...base,
      maxInputTokens: all.inputTokens - oneFileTokens / 2,
    });

    expect(result.includedPaths).toEqual(['first.ts', 'second.ts']);
    expect(result.omitted).toEqual([{ path: 'third.ts', reason: 'over token budget' }]);
    expect(result.inputTokens).toBeLessThanOrEqual(all.inputTokens - oneFileTokens / 2);
    expect(result.prompt).not.toContain('### third.ts');
    expect(result.prompt).toContain('- "third.ts": over token budget');
  });

  it('renders every file once for the fence, and again only the files the budget reaches', () => {
    const files = Array.from({ length: 40 }, (_, index) => file(`f${index}.ts`, { lines: 200 }));
    const render = vi.fn(formatFile);
    const base = input({
      diff: diffOf(files),
      classification: classification(files.map((change) => change.path)),
      maxInputTokens: 6_000,
      formatFile: render,
    });
    const result = buildReviewPrompt(base);

    expect(result.includedPaths.length).toBeGreaterThan(0);
    expect(result.includedPaths.length).toBeLessThan(files.length);
    const rendered = render.mock.calls.map(([change]) => change.path);
    expect(rendered.slice(0, files.length)).toEqual(files.map((change) => change.path));
    // 6,000 tokens keep 48,000 characters of renderings from the fence's pass: of the files the
    // budget reaches, only those past them are rendered again, each once.
    const kept = Math.floor(48_000 / formatFile(files[0]!).length);
    expect(kept).toBeGreaterThan(0);
    const again = rendered.slice(files.length);
    expect(again).toEqual(files.slice(kept, kept + again.length).map((change) => change.path));
    expect(again.length).toBeLessThan(files.length - kept + 1);
  });

  it("takes a draft's fence without rendering a file for it, and is otherwise the prompt", () => {
    const sent = buildReviewPrompt(input());
    const fence = /<<<PR DATA ([0-9a-f]+): /.exec(sent.prompt)?.[1] ?? '';
    expect(fence).toMatch(/^[0-9a-f]{16}$/);
    const render = vi.fn(formatFile);
    const draft = buildReviewPrompt(input({ formatFile: render, draftFence: fence }));

    expect(draft).toEqual(sent);
    expect(render).toHaveBeenCalledTimes(draft.includedPaths.length);
  });

  it('skips a file too big for the remaining budget and still includes smaller, less risky ones', () => {
    const files = [file('huge.ts', { lines: 2_000 }), file('small.ts', { lines: 2 })];
    const result = buildReviewPrompt(
      input({
        diff: diffOf(files),
        classification: classification(['huge.ts', 'small.ts']),
        maxInputTokens: 4_000,
      }),
    );

    expect(result.includedPaths).toEqual(['small.ts']);
    expect(result.omitted).toEqual([{ path: 'huge.ts', reason: 'over token budget' }]);
  });

  it('includes no file when the fixed parts alone exceed the budget', () => {
    const result = buildReviewPrompt(input({ maxInputTokens: 100 }));

    expect(result.includedPaths).toEqual([]);
    expect(result.omitted.map((entry) => entry.reason)).toEqual(Array(3).fill('over token budget'));
    expect(result.prompt).toContain('No file diff fits in this review');
  });

  it('names at most 50 left-out files in the prompt but returns all of them', () => {
    const files = Array.from({ length: 80 }, (_, index) => file(`vendor/${index}.lock`));
    const result = buildReviewPrompt(
      input({
        diff: diffOf(files),
        classification: classification(files.map((change) => change.path)),
      }),
    );

    expect(result.omitted).toHaveLength(80);
    expect(result.prompt).toContain('- and 30 more');
    expect(result.prompt).not.toContain('vendor/50.lock');
  });

  it('estimates input tokens close to a count of the whole prompt', () => {
    const result = buildReviewPrompt(input());
    const whole =
      countTokens(result.system) +
      countTokens(result.repositoryContext) +
      countTokens(result.prompt);

    expect(Math.abs(result.inputTokens - whole)).toBeLessThanOrEqual(whole * 0.01 + 5);
  });

  it('fits a 3,000-file pull request into the token budget and accounts for every file', () => {
    const files = Array.from({ length: 3_000 }, (_, index) =>
      file(`src/module-${index}.ts`, { lines: 30 }),
    );
    const result = buildReviewPrompt(
      input({
        diff: diffOf(files),
        classification: classification(files.map((change) => change.path)),
        maxInputTokens: 200_000,
      }),
    );

    expect(result.includedPaths.length + result.omitted.length).toBe(3_000);
    expect(result.omitted.length).toBeGreaterThan(0);
    expect(result.inputTokens).toBeLessThanOrEqual(200_000);
  });
});
