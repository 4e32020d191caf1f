/**
 * Files nobody reviews line by line: dependency lockfiles and generated code. They are left out
 * of a review (they would spend the token budget on nothing) and never make its check neutral.
 */
export type GeneratedKind = 'lockfile' | 'generated';

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'composer.lock',
  'gemfile.lock',
  'cargo.lock',
  'poetry.lock',
  'pipfile.lock',
  'uv.lock',
  'go.sum',
  'flake.lock',
  'packages.lock.json',
  'pubspec.lock',
  'mix.lock',
]);

const GENERATED = [
  /(^|\/)(__generated__|generated|gen|dist)\//,
  /\.generated\.[^/]+$/,
  /\.g\.(dart|cs)$/,
  /\.pb(\.gw)?\.go$/,
  /_pb2(_grpc)?\.pyi?$/,
  /\.pb\.(h|cc)$/,
  /_pb\.(js|d\.ts|ts)$/,
  /\.min\.(js|css)$/,
  /\.(js|css)\.map$/,
  /\.snap$/,
];

export const detectGeneratedFile = (path: string): GeneratedKind | null => {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  if (LOCKFILES.has(name)) return 'lockfile';
  return GENERATED.some((pattern) => pattern.test(lower)) ? 'generated' : null;
};

/** Why a file was left out, in the summary's words: the policy's ignore names what it ignored. */
export const describeOmission = (path: string, reason: string): string => {
  if (reason !== 'ignored by policy') return reason;
  const kind = detectGeneratedFile(path);
  return kind === null ? reason : `${kind} (ignored by policy)`;
};
