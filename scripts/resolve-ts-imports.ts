/**
 * Lets Node run this project's TypeScript straight from source (`node --import
 * ./scripts/resolve-ts-imports.ts file.ts`): Node strips the types itself, and this hook maps
 * an import of `./x.js` to `./x.ts` when only the TypeScript file exists, as tsc does.
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
      const typescript = new URL(`${specifier.slice(0, -3)}.ts`, parent);
      if (existsSync(fileURLToPath(typescript))) return nextResolve(typescript.href, context);
    }
    return nextResolve(specifier, context);
  },
});
