/**
 * The package's entry points: `@cask/client/state` resolves (through the
 * package's `exports`, to the build) and is the same module as the one
 * `@cask/client` re-exports. Needs `pnpm build`.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('@cask/client/state is a subpath export of the built package, shared with @cask/client', async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, { default: string; types: string }>;
  };
  // The same conditions as the main entry (`types`, then `default`), as every published package here uses.
  expect(pkg.exports['./state']).toEqual({ types: './dist/state/index.d.ts', default: './dist/state/index.js' });
  const state = (await import('@cask/client/state')) as Record<string, unknown>;
  const client = (await import('@cask/client')) as Record<string, unknown>;
  for (const name of ['reduce', 'reduceAll', 'initialState', 'resync', 'finalAgentText', 'displayItems', 'itemText']) {
    expect(state[name], name).toBeDefined();
    expect(client[name], name).toBe(state[name]);
  }
  expect(client['ThreadHandle']).toBeTypeOf('function');
});
