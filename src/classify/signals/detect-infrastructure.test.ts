import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectInfrastructure } from './detect-infrastructure.js';
import { testContext } from './test-context.js';

const detect = (...paths: string[]) =>
  detectInfrastructure(testContext(paths.map((path) => testFile(path, { additions: 2 }))));

describe('detectInfrastructure', () => {
  it.each([
    'Dockerfile',
    'services/api/Dockerfile.prod',
    'docker-compose.yml',
    'docker-compose.override.yaml',
    'infra/main.tf',
    'infra/prod.tfvars',
    'deploy/charts/api/values.yaml',
    'helm/api/templates/deployment.yaml',
    'k8s/ingress.yaml',
    'ops/kubernetes/service.yml',
    'jobs/api.nomad',
    'ansible/site.yml',
    'serverless.yml',
    'config/nginx.conf',
  ])('flags %s as infrastructure', (path) => {
    expect(detect(path)).toMatchObject({ id: 'infrastructure', weight: 0.35, paths: [path] });
  });

  it.each(['src/docker.ts', 'docs/kubernetes.md', 'src/terraform-notes.txt'])(
    'does not flag %s',
    (path) => {
      expect(detect(path)).toBeNull();
    },
  );

  it('says which files it saw', () => {
    expect(detect('Dockerfile', 'k8s/app.yaml')?.message).toBe(
      'changes infrastructure: Dockerfile and k8s/app.yaml',
    );
  });
});
