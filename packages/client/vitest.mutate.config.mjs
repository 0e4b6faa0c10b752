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

// The unit and hostile-peer tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// Left out: suites that need the real codex binary (contract, e2e, the spawned WebSocket server, the chat
// example), and suites that exercise the built package in dist/ rather than src/ (the esbuild bundle, the
// state subpath export), which no mutant of src/ can reach.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/contract/**',
      'test/e2e.test.ts',
      'test/websocket-server.test.ts',
      'test/examples/**',
      'test/bundle.test.ts',
      'test/state/exports.test.ts',
    ],
    sequence: { sequencer: FastestFirst },
  },
});
