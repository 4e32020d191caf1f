#!/usr/bin/env node
// The review-router CLI. It needs Node >= 22.12 (node:sqlite); when an older node started it,
// hand over to the Node 24 that the project installs as a devDependency, if there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    console.error(
      `review-router needs Node >= 22.12; this is ${process.version}. Install Node 24 LTS.`,
    );
    process.exit(1);
  }
  const child = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
await import('../dist/cli/run.js');
