/**
 * The module a worker thread runs, and the options Node needs to run it. Built, it is the `.js`
 * beside the module that starts the thread. Run from source (tests, benchmarks), it is the `.ts`,
 * loaded through the repository's TypeScript hooks (`scripts/typescript-hooks.mjs`), which
 * compile it natively: Node's own type stripping would compile WebAssembly in every thread.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ThreadModule {
  readonly url: URL;
  readonly execArgv?: string[];
}

/** `name` is the thread's file name without extension, in the folder of `moduleUrl`. */
export const threadModule = (name: string, moduleUrl: string): ThreadModule => {
  const extension = extname(fileURLToPath(moduleUrl));
  const url = new URL(`./${name}${extension}`, moduleUrl);
  if (extension !== '.ts') return { url };
  const hooks = new URL('../../scripts/typescript-hooks.mjs', import.meta.url);
  return { url, execArgv: ['--import', hooks.href] };
};
