// @ts-check
/**
 * Lets Node run this project's TypeScript straight from source, in a process or a worker thread
 * (`node --import ./scripts/typescript-hooks.mjs file.ts`):
 * - an import of `./x.js` resolves to `./x.ts` when only the TypeScript file exists, as tsc does;
 * - a `.ts` file is compiled to JavaScript by oxc's native transform, with an inline source map.
 *
 * Node could strip the types itself, but its stripper is WebAssembly, compiled again in every
 * worker thread and freed when the thread ends. Test runs start many threads from source
 * (the queue's checkpoints, the report reader, `costs` streaming), and that churn of WebAssembly
 * code has crashed V8 in its JIT page registry (`Check failed: jit_page.has_value()`, or a
 * SIGSEGV) in a test process now and then. A native transform leaves no WebAssembly in a thread.
 * This file is JavaScript so that loading it needs no TypeScript support of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'oxc-transform';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
      const typescript = new URL(`${specifier.slice(0, -3)}.ts`, parent);
      if (existsSync(fileURLToPath(typescript))) return nextResolve(typescript.href, context);
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const { code, map, errors } = transformSync(path, readFileSync(path, 'utf8'), {
      sourcemap: true,
    });
    const [error] = errors;
    if (error !== undefined) throw new SyntaxError(`${path}: ${error.message}`);
    const inlineMap =
      map === undefined
        ? ''
        : `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
    return { format: 'module', source: code + inlineMap, shortCircuit: true };
  },
});
