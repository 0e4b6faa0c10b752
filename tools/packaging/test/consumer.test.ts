/**
 * A fresh npm project installs the packed tarballs (as a user would, from the
 * files `pnpm pack` makes) and type-checks and runs a small program under
 * `nodenext`, `bundler`, a `.cts` and a plain `.cjs` consumer, and the oldest
 * TypeScript we support (5.0), all with `skipLibCheck: false`. The `cask`
 * command installed from its tarball validates a transcript from stdin.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PACKAGES, ROOT, packAll, readManifest, runCommand } from './packs.js';

/** The oldest TypeScript the packages support (TypeScript 4.9 cannot read `export type *`). */
const OLDEST_TYPESCRIPT = '5.0.4';
const FIXTURE = path.join(ROOT, 'tools/packaging/fixtures/consumer');

let project: string;

const run = (cmd: string, args: string[], opts: { input?: string } = {}) =>
  runCommand(cmd, args, { cwd: project, ...opts });

beforeAll(async () => {
  const { tarballs } = packAll();
  project = mkdtempSync(path.join(tmpdir(), 'cask-consumer-'));
  cpSync(FIXTURE, project, { recursive: true });
  const typesNode = readManifest(path.join(ROOT, 'node_modules/@types/node/package.json')).version;
  const dependencies: Record<string, string> = {
    typescript: readManifest(path.join(ROOT, 'node_modules/typescript/package.json')).version,
    'typescript-oldest': `npm:typescript@${OLDEST_TYPESCRIPT}`,
    '@types/node': typesNode,
  };
  for (const [name, tgz] of tarballs) dependencies[name] = `file:${tgz}`;
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'cask-consumer', private: true, type: 'module', dependencies }, null, 2),
  );
  const r = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  if (r.code !== 0) throw new Error(`npm install failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);

const tsc = (version: 'typescript' | 'typescript-oldest', ...args: string[]) =>
  run(process.execPath, [path.join(project, 'node_modules', version, 'bin/tsc'), ...args]);

const expectedMain = {
  userAgent: 'consumer-test/1.0',
  answers: [{ token: 'v1.consumer-token' }],
  transcriptOk: true,
  kind: 'request',
  bundleFile: 'codex_app_server_protocol.schemas.json',
  bundleHasDefinitions: true,
  loopback: true,
  isAttestationError: false,
};

describe('a fresh npm project using the packed tarballs', { timeout: 180_000 }, () => {
  it('installs one copy of each package, without dev or private dependencies', async () => {
    const r = await run('npm', ['ls', '--all', '--json']);
    // Cast: `npm ls --json` prints a dependency tree.
    const tree = JSON.parse(r.stdout) as { dependencies: Record<string, unknown> };
    const text = JSON.stringify(tree);
    for (const p of PUBLIC_PACKAGES) expect(Object.keys(tree.dependencies)).toContain(p.name);
    for (const banned of ['@cask/testkit', '@types/ws', 'vscode-jsonrpc', 'fast-check']) {
      expect(text, banned).not.toContain(`"${banned}"`);
    }
    // The codex binary is an optional peer of the client: not installed unless the user asks for it.
    expect(readdirSync(path.join(project, 'node_modules'))).not.toContain('@openai');
    // The client appears once at the top (attestation takes it as a peer, so no nested copy).
    const nested = readdirSync(path.join(project, 'node_modules/@cask/attestation')).includes('node_modules');
    expect(nested).toBe(false);
  });

  it('declarations reference neither ws nor Node types', () => {
    for (const p of PUBLIC_PACKAGES) {
      const dir = path.join(project, 'node_modules', p.name);
      const dts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
      expect(dts.length, p.name).toBeGreaterThan(0);
      for (const f of dts) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        expect(text, `${p.name}/${f}`).not.toMatch(/from ['"](ws|node:[a-z_/]+)['"]|reference types="node"|NodeJS\./);
      }
    }
  });

  it('nodenext (ESM, skipLibCheck false, no @types/ws): type-checks and runs', async () => {
    const c = await tsc('typescript', '-p', 'tsconfig.nodenext.json');
    expect(c.stdout + c.stderr).toBe('');
    const r = await run(process.execPath, ['out/nodenext/main.js']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expectedMain);
  });

  it('bundler resolution, no Node types at all: type-checks and runs', async () => {
    const c = await tsc('typescript', '-p', 'tsconfig.bundler.json');
    expect(c.stdout + c.stderr).toBe('');
    const r = await run(process.execPath, ['out/bundler/main.js']);
    expect(JSON.parse(r.stdout)).toEqual(expectedMain);
  });

  it('a .cts consumer: type-checks under nodenext and runs through require(esm)', async () => {
    const c = await tsc('typescript', '-p', 'tsconfig.cts.json');
    expect(c.stdout + c.stderr).toBe('');
    const r = await run(process.execPath, ['out/cts/main.cjs']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'request', valid: true, loopback: true, transcriptOk: true });
  });

  it('a plain .cjs consumer requires every package', async () => {
    const r = await run(process.execPath, ['plain.cjs']);
    expect(r.code).toBe(0);
    // Cast: the fixture prints this shape.
    const out = JSON.parse(r.stdout) as { loaded: Record<string, number>; ok: boolean; bad: boolean };
    expect(Object.keys(out.loaded).sort()).toEqual(PUBLIC_PACKAGES.map((p) => p.name).sort());
    expect(out.loaded['@cask/client']).toBeGreaterThan(0);
    expect(out).toMatchObject({ ok: true, bad: false });
  });

  it(`the oldest supported TypeScript (${OLDEST_TYPESCRIPT}) type-checks the same program`, async () => {
    const v = await tsc('typescript-oldest', '--version');
    expect(v.stdout.trim()).toBe(`Version ${OLDEST_TYPESCRIPT}`);
    const c = await tsc('typescript-oldest', '-p', 'tsconfig.oldest.json');
    expect(c.stdout + c.stderr).toBe('');
    const r = await run(process.execPath, ['out/oldest/main.js']);
    expect(JSON.parse(r.stdout)).toEqual(expectedMain);
  });

  it('the installed cask command prints its version and validates a transcript from stdin', async () => {
    const cask = path.join(project, 'node_modules/.bin/cask');
    const v = await run(cask, ['--version']);
    expect(v.stdout.trim()).toBe(readManifest(path.join(ROOT, 'tools/cli/package.json')).version);
    const good = `${JSON.stringify({ dir: 'c2s', msg: { method: 'initialized' } })}\n`;
    const ok = await run(cask, ['validate', '-'], { input: good });
    expect(ok.stdout).toMatch(/ok: 1 messages, all valid/);
    expect(ok.code).toBe(0);
    const bad = `${JSON.stringify({ dir: 'c2s', msg: { id: 1, method: 'thread/start', params: { approvalPolicy: 'sometimes' } } })}\n`;
    const failed = await run(cask, ['validate', '--json', '-'], { input: bad });
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      ok: false,
      failureCount: 1,
      failures: [{ line: 1, pointer: '/params/approvalPolicy' }],
    });
    const empty = await run(cask, ['validate', '-'], { input: '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/is empty/);
  });
});
