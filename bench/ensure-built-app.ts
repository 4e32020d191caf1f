/** The built app (`dist/main.js`), rebuilt first when it is missing or older than a file in src/. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newestMtime = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory()
        ? newestMtime(join(dir, entry.name))
        : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );

/** Returns the path of `dist/main.js` under `root`, built as `npm start` needs it. */
export const ensureBuiltApp = (root: string): string => {
  const main = join(root, 'dist/main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(join(root, 'src'))) {
    console.log('building dist/ (npm run build)…');
    execFileSync(process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
    ]);
  }
  return main;
};
