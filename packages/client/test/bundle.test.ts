/**
 * A small client program bundled with esbuild: the bundler follows the
 * client's import of the validators, so validation works in the bundle (run
 * from a folder with no node_modules at all); and a bundle built without them
 * says so at start-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.join(here, 'fixtures', 'fake-server.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'cask-client-bundle-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a client on the fake server with `validate`, sends a bad request, prints what happened. */
const PROGRAM = (validate: string) => `
import { AppServerClient } from '@cask/client';
const warnings = [];
process.on('warning', (w) => warnings.push(w.message));
try {
  const client = await AppServerClient.start({
    codexPath: process.execPath,
    args: [${JSON.stringify(FAKE)}],
    clientInfo: { name: 'bundled', version: '0.0.0' },
    validate: ${JSON.stringify(validate)},
    shutdownGraceMs: 300,
  });
  let outcome = 'sent';
  try {
    await client.request('turn/start', { threadId: 'thr_1', input: [{ type: 'txt', text: 'hi' }] }, { timeoutMs: 2000 });
  } catch (err) {
    outcome = err.message;
  }
  await client.shutdown();
  await new Promise((r) => setImmediate(r));
  console.log(JSON.stringify({ started: true, outcome, warnings }));
} catch (err) {
  console.log(JSON.stringify({ started: false, error: err.message }));
}
`;

async function bundle(name: string, validate: string, external: string[] = []): Promise<string> {
  const entry = path.join(dir, `${name}.src.mjs`);
  writeFileSync(entry, PROGRAM(validate));
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    external,
    logLevel: 'error',
    alias: { '@cask/client': path.join(here, '..', 'dist', 'index.js') },
    // CommonJS dependencies (ws) call require() for Node built-ins.
    banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);` },
  });
  return outfile;
}

function run(file: string): Record<string, unknown> {
  // From a folder with no node_modules: whatever the program uses must be in the bundle.
  const out = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  expect(out.status, out.stderr).toBe(0);
  const last = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

describe('a bundled client', () => {
  it('validates: esbuild follows the import of @cask/validators into the bundle', async () => {
    const file = await bundle('with-validators', 'strict');
    const result = run(file);
    expect(result.started).toBe(true);
    // Strict validation refused the request before it was sent, naming the problem.
    expect(result.outcome).toMatch(/turn\/start params: \/input\/0\/type must be one of "text"/);
    expect(result.warnings).not.toContainEqual(expect.stringMatching(/@cask\/validators/));
  }, 120_000);

  it('without the validators, says so at start-up (strict refuses, warn continues)', async () => {
    const strict = run(await bundle('without-strict', 'strict', ['@cask/validators']));
    expect(strict).toMatchObject({ started: false });
    expect(strict.error).toMatch(/needs the optional peer dependency @cask\/validators, which is not installed/);
    const warn = run(await bundle('without-warn', 'warn', ['@cask/validators']));
    expect(warn).toMatchObject({ started: true, outcome: expect.not.stringMatching(/params/) as unknown });
    expect(warn.warnings).toEqual([
      expect.stringMatching(
        /needs the optional peer dependency @cask\/validators, which is not installed.*continuing without validation/,
      ),
    ]);
  }, 120_000);
});
