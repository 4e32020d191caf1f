import type { RiskSignal } from '../../domain/classification.js';
import { compileGlobs } from '../match-paths.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

/** CI definitions run with the repository's secrets: a change there deserves a careful look. */
export const CI_WORKFLOW_GLOBS: readonly string[] = [
  '.github/workflows/**',
  '.github/actions/**',
  '**/action.{yml,yaml}',
  '**/.gitlab-ci.yml',
  '.gitlab-ci/**',
  '.circleci/**',
  '**/Jenkinsfile',
  '**/Jenkinsfile.*',
  '**/azure-pipelines*.{yml,yaml}',
  '.azure-pipelines/**',
  '.buildkite/**',
  'bitbucket-pipelines.yml',
  '.travis.yml',
  '.drone.yml',
];

export const detectCiWorkflow = (ctx: SignalContext): RiskSignal | null => {
  const isCi = compileGlobs(CI_WORKFLOW_GLOBS);
  const paths = ctx.counted.filter((facts) => facts.paths.some(isCi)).map((facts) => facts.path);
  if (paths.length === 0) return null;
  return {
    id: 'ci-workflow',
    weight: SIGNAL_WEIGHTS['ci-workflow'],
    message: `changes CI configuration: ${formatList(paths)}`,
    paths,
  };
};
