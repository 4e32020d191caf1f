import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

const MANIFESTS = new Set(
  (
    'package.json pyproject.toml Pipfile setup.py setup.cfg go.mod Cargo.toml Gemfile pom.xml ' +
    'build.gradle build.gradle.kts settings.gradle settings.gradle.kts composer.json mix.exs ' +
    'Package.swift pubspec.yaml'
  ).split(' '),
);
const MANIFEST_NAMES = [/^requirements.*\.(?:txt|in)$/, /\.gemspec$/, /\.csproj$/];

const LOCKFILES = new Set(
  (
    'package-lock.json npm-shrinkwrap.json yarn.lock pnpm-lock.yaml bun.lock bun.lockb ' +
    'poetry.lock Pipfile.lock uv.lock pdm.lock go.sum Cargo.lock Gemfile.lock composer.lock ' +
    'gradle.lockfile mix.lock Package.resolved pubspec.lock packages.lock.json'
  ).split(' '),
);

type DependencyFile = 'manifest' | 'lockfile' | null;

const dependencyFileOf = (path: string): DependencyFile => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (LOCKFILES.has(name)) return 'lockfile';
  if (MANIFESTS.has(name) || MANIFEST_NAMES.some((pattern) => pattern.test(name)))
    return 'manifest';
  return null;
};

/**
 * Manifests and lockfiles of the common package managers. Lockfiles count here even when the
 * policy ignores them for size and review: a changed dependency is a supply-chain risk.
 */
export const detectDependencyManifest = (ctx: SignalContext): RiskSignal | null => {
  const paths: string[] = [];
  let manifestChanged = false;
  for (const facts of ctx.files) {
    const kind = dependencyFileOf(facts.path);
    if (kind === null) continue;
    paths.push(facts.path);
    manifestChanged ||= kind === 'manifest';
  }
  if (paths.length === 0) return null;
  return manifestChanged
    ? {
        id: 'dependency-manifest',
        weight: SIGNAL_WEIGHTS['dependency-manifest'],
        message: `changes dependencies: ${formatList(paths)}`,
        paths,
      }
    : {
        id: 'dependency-manifest',
        weight: SIGNAL_WEIGHTS['dependency-lockfile'],
        message: `changes locked dependency versions: ${formatList(paths)}`,
        paths,
      };
};
