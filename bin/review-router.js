#!/usr/bin/env node
// The review-router CLI. It needs Node >= 22.12 (node:sqlite); when an older node started it,
// hand over to the Node 24 that the project installs as a devDependency, if there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
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
// Node keeps the compiled code of the modules on disk, as tsc's own bin does, so each run after
// the first skips most of the parsing (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
module.enableCompileCache?.();
await import('../dist/cli/run.js');
