import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Stryker runs this file from a sandbox copy of the package (inside the package folder), so the shared
// sequencer is found from the workspace root rather than by a relative path.
let root = path.dirname(fileURLToPath(import.meta.url));
while (!existsSync(path.join(root, 'pnpm-workspace.yaml'))) {
  if (path.dirname(root) === root)
    throw new Error('vitest.mutate.config.mjs: no pnpm-workspace.yaml above this folder');
  root = path.dirname(root);
}
const { FastestFirst } = await import(pathToFileURL(path.join(root, 'scripts/mutation/fastest-first.mjs')).href);

// The unit and hostile-input tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// The e2e suite needs the real codex binary and is left out to keep one run per mutant short.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/contract/**', 'test/e2e.test.ts', 'test/websocket-server.test.ts'],
    sequence: { sequencer: FastestFirst },
  },
});
