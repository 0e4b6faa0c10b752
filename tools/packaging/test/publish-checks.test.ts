/**
 * What a user installs: each public package, packed by `pnpm pack`, passes
 * `publint --strict` and `@arethetypeswrong/cli`, and carries the metadata
 * the ecosystem expects (LICENSE, repository, engines, sideEffects, exports
 * with a `default` condition and `./package.json`, ranges for internal
 * dependencies, no source maps, no private dependency).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_PACKAGES,
  ROOT,
  packAll,
  privatePackageNames,
  readManifest,
  runCommand,
  tarballFile,
  tarballFiles,
  type Manifest,
} from './packs.js';

const BIN = path.join(ROOT, 'tools/packaging/node_modules/.bin');

let tarballs: Map<string, string>;
let privates: string[];
const manifests = new Map<string, Manifest>();

beforeAll(() => {
  tarballs = packAll().tarballs;
  privates = privatePackageNames();
  for (const [name, tgz] of tarballs) {
    // Cast: package.json of a tarball we just packed; members are asserted below.
    manifests.set(name, JSON.parse(tarballFile(tgz, 'package.json')) as Manifest);
  }
}, 180_000);

const tgz = (name: string) => {
  const t = tarballs.get(name);
  if (!t) throw new Error(`${name} was not packed`);
  return t;
};
const manifest = (name: string) => {
  const m = manifests.get(name);
  if (!m) throw new Error(`${name} was not packed`);
  return m;
};

describe.each(PUBLIC_PACKAGES)('$name', ({ name, dir }) => {
  it('passes publint --strict', { timeout: 120_000 }, async () => {
    const r = await runCommand(path.join(BIN, 'publint'), ['run', '--strict', tgz(name)]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/All good!/);
  });

  it(
    'passes @arethetypeswrong/cli (ESM only: CommonJS callers use require(esm), Node >= 20.19)',
    { timeout: 120_000 },
    async () => {
      // The one rule we do not follow is "cjs-resolves-to-esm": the packages are ESM only,
      // and require() of them works on every Node these packages support (engines >= 20.19);
      // the tarball consumer test runs a real .cts/.cjs consumer to prove it.
      const args = [tgz(name), '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii', '--no-color'];
      const r = await runCommand(path.join(BIN, 'attw'), args);
      expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/No problems found/);
    },
  );

  it('ships LICENSE (Apache-2.0 full text), README, no source maps, nothing from src/test', () => {
    const files = tarballFiles(tgz(name));
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(tarballFile(tgz(name), 'LICENSE')).toBe(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'));
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(test|bench)\//.test(f) || /(^|\/)tsconfig.*\.json$/.test(f))).toEqual([]);
  });

  it('declares license, repository, engines, sideEffects, ESM exports with a default condition and ./package.json', () => {
    const m = manifest(name);
    expect(m.private).toBeUndefined();
    expect(m.license).toBe('Apache-2.0');
    expect(m.type).toBe('module');
    expect(m.repository).toMatchObject({ type: 'git', directory: dir });
    expect(m.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/);
    expect(m.engines).toEqual({ node: '>=20.19' });
    expect(m.sideEffects === false || Array.isArray(m.sideEffects)).toBe(true);
    const exp = m.exports ?? {};
    expect(exp['./package.json']).toBe('./package.json');
    const root = exp['.'];
    if (typeof root !== 'object' || root === null) throw new Error(`${name}: exports["."] is not an object`);
    const conditions = new Map(Object.entries(root));
    expect(conditions.get('types')).toMatch(/\.d\.ts$/);
    expect(conditions.get('default')).toMatch(/\.js$/);
    // `types` first, `default` last: the order conditions are matched in.
    const keys = [...conditions.keys()];
    expect(keys[0]).toBe('types');
    expect(keys.at(-1)).toBe('default');
  });

  it('depends on public packages only, internal ones by caret range', () => {
    const m = manifest(name);
    for (const field of ['dependencies', 'peerDependencies'] as const) {
      for (const [dep, range] of Object.entries(m[field] ?? {})) {
        expect(privates, `${name} ${field} ${dep}`).not.toContain(dep);
        // Dependencies by caret range; peers by a range over the whole 0.x line (the kit is released in
        // lockstep, see .changeset/config.json), so a 0.x minor of the client does not force a 1.0.0 here.
        if (dep.startsWith('@cask/')) {
          expect(range, `${name} ${field} ${dep}`).toMatch(
            field === 'dependencies' ? /^\^\d+\.\d+\.\d+$/ : /^>=\d+\.\d+\.\d+ <\d+\.0\.0$/,
          );
        }
        expect(range).not.toMatch(/^workspace:/);
      }
    }
    // The source manifest says workspace:^ so that pnpm publishes a range, not an exact pin.
    const source = readManifest(path.join(ROOT, dir, 'package.json'));
    for (const [dep, range] of Object.entries(source.dependencies ?? {})) {
      if (dep.startsWith('@cask/')) expect(range, dep).toBe('workspace:^');
    }
    for (const [dep, range] of Object.entries(source.peerDependencies ?? {})) {
      if (dep.startsWith('@cask/')) expect(range, dep).toMatch(/^workspace:>=/);
    }
  });
});

describe('identity across packages', () => {
  it('attestation takes the client as a peer, so one AppServerClient class is installed', () => {
    const m = manifest('@cask/attestation');
    expect(m.peerDependencies?.['@cask/client']).toMatch(/^>=0\.1\.0 <1\.0\.0$/);
    expect(m.dependencies?.['@cask/client']).toBeUndefined();
  });

  it('the cli has a bin and needs neither the codex binary nor a private package', () => {
    const m = manifest('@cask/cli');
    expect(m.bin).toEqual({ cask: './bin/cask.js' });
    expect(Object.keys({ ...m.dependencies, ...m.peerDependencies })).not.toContain('@openai/codex');
    expect(Object.keys(m.dependencies ?? {}).sort()).toEqual(['@cask/validators']);
  });
});
