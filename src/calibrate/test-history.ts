/** A small history with known bug-inducing commits, shared by the calibrate and CLI tests. */
import { createTestGitRepo, numberedLines, type TestGitRepo } from './test-git-repo.js';

export interface TestHistory {
  readonly repo: TestGitRepo;
  /** The commits a fix or a revert should label, and the ones that must stay clean. */
  readonly bugInducing: readonly string[];
  readonly clean: readonly string[];
  readonly fixes: readonly string[];
}

const day = (n: number): string =>
  new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().replace('.000Z', 'Z');

const featureFile = (index: number): string =>
  `// feature ${index}\n${numberedLines(`export const f${index}_`, 39)}`;

/**
 * 62 commits in 2020 and one in 2022 (the follow-up year): documentation, ten features of 40
 * source lines, five fixes that change a line of features 1 to 5, a small change that is
 * reverted, test-only changes, a "fix" of a typo and a fix that only edits a comment.
 */
export const createTestHistory = (): TestHistory => {
  const repo = createTestGitRepo();
  let n = 0;
  const next = () => day((n += 1));
  const commit = (files: Record<string, string | null>, message: string) =>
    repo.commit({ files, message, date: next() });
  const clean: string[] = [];
  const fixes: string[] = [];

  clean.push(
    commit({ 'src/app.js': numberedLines('const a', 30), 'README.md': '# app\n' }, 'Start'),
  );
  let readme = '# app\n';
  for (let index = 0; index < 36; index += 1) {
    readme += numberedLines(`docs ${index}:`, 200);
    clean.push(commit({ 'README.md': readme }, `Document part ${index}`));
  }
  const features: string[] = [];
  for (let index = 1; index <= 10; index += 1) {
    features.push(
      commit({ [`src/feature${index}.js`]: featureFile(index) }, `Add feature ${index}`),
    );
  }
  for (let index = 1; index <= 5; index += 1) {
    const fixed = featureFile(index).replace(`f${index}_ 9;`, `f${index}_ 9 + 1;`);
    fixes.push(commit({ [`src/feature${index}.js`]: fixed }, `Fix crash in feature ${index}`));
  }
  const small = commit(
    { 'src/app.js': `${numberedLines('const a', 30)}const b = 1;\nconst c = 2;\n` },
    'Add b and c',
  );
  clean.push(
    commit(
      { 'src/app.js': numberedLines('const a', 30) },
      `Revert "Add b and c"\n\nThis reverts commit ${small}.`,
    ),
  );
  clean.push(commit({ 'test/app.test.js': numberedLines('test', 50) }, 'Test the app'));
  clean.push(commit({ 'test/app.test.js': numberedLines('test', 60) }, 'Fix flaky test'));
  clean.push(commit({ 'README.md': `${readme}typo\n` }, 'Fix typo in README'));
  clean.push(
    commit(
      { 'src/feature6.js': featureFile(6).replace('// feature 6', '// feature six') },
      'Fix the comment of feature 6',
    ),
  );
  repo.commit({
    files: { 'NEWS.md': 'later\n' },
    message: 'Much later',
    date: '2022-06-01T00:00:00Z',
  });
  return {
    repo,
    bugInducing: [...features.slice(0, 5), small],
    clean: [...clean, ...features.slice(5), ...fixes],
    fixes,
  };
};
