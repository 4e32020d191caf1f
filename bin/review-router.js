#!/usr/bin/env node
// The review-router CLI. It needs a Node that gives node:sqlite without a flag (22.13, 23.4 and
// later; Node 24 LTS); on an older one, hand over to the Node 24 that the project installs as a
// devDependency, if there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const hasSqlite =
  typeof process.getBuiltinModule === 'function' &&
  process.getBuiltinModule('node:sqlite') !== undefined;
if (!hasSqlite) {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    console.error(
      `review-router needs node:sqlite, which this Node (${process.version}) does not give without a flag. To resolve, install Node 24 LTS (or 22.13 and later).`,
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
