import type { RiskSignal } from '../../domain/classification.js';
import { compileGlobs } from '../match-paths.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

/** Containers, cloud resources, orchestration and web servers: what runs the code in production. */
export const INFRASTRUCTURE_GLOBS: readonly string[] = [
  '**/Dockerfile*',
  '**/*.dockerfile',
  '**/Containerfile*',
  '**/docker-compose*.{yml,yaml}',
  '**/compose.{yml,yaml}',
  '**/*.tf',
  '**/*.tfvars',
  '**/*.tf.json',
  '**/terragrunt.hcl',
  '**/Chart.yaml',
  '**/charts/**',
  '**/helm/**',
  '**/k8s/**',
  '**/kubernetes/**',
  '**/kustomization.{yml,yaml}',
  '**/*.nomad',
  '**/*.nomad.hcl',
  '**/ansible/**',
  '**/playbooks/**',
  '**/ansible.cfg',
  '**/serverless.{yml,yaml}',
  '**/nginx*.conf',
  '**/nginx/**',
];

export const detectInfrastructure = (ctx: SignalContext): RiskSignal | null => {
  const isInfrastructure = compileGlobs(INFRASTRUCTURE_GLOBS);
  const paths = ctx.counted
    .filter((facts) => facts.paths.some(isInfrastructure))
    .map((facts) => facts.path);
  if (paths.length === 0) return null;
  return {
    id: 'infrastructure',
    weight: SIGNAL_WEIGHTS.infrastructure,
    message: `changes infrastructure: ${formatList(paths)}`,
    paths,
  };
};
