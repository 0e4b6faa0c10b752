#!/usr/bin/env node
/**
 * After `tsc`: rewrites each entry point of `dist/` (`index.js`, `stable.js`,
 * `experimental.js`) as one ES module holding all of the package's own code it
 * imports, so importing an entry point loads one module of ours (plus the
 * generated method table and loader stub) instead of nine: each module an
 * import has to find, read and compile costs a few tenths of a millisecond.
 * The generated files stay separate (imported by the same relative paths), the
 * declaration files stay as `tsc` wrote them.
 *
 * Usage: `node scripts/bundle-entries.mjs` (run by `pnpm --filter @cask/validators build`).
 * Needs the dev dependency esbuild; it is not shipped.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(pkgDir, 'dist');

for (const name of ['index', 'stable', 'experimental']) {
  await build({
    entryPoints: [path.join(dist, `${name}.js`)],
    outfile: path.join(dist, `${name}.js`),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // The generated table and loaders stay files of their own (a bundler of the app follows them).
    external: ['../generated/*'],
    legalComments: 'inline',
    logLevel: 'warning',
  });
}
