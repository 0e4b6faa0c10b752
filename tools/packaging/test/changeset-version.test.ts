/**
 * `changeset version` on a temp copy of the repository's manifests and
 * changesets: the public packages move in lockstep (one version for the kit),
 * a 0.x minor never turns into 1.0.0 through the attestation → client peer,
 * private packages are left alone, and each changelog carries its summary.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PACKAGES, ROOT, readManifest } from './packs.js';

const CHANGESET = path.join(ROOT, 'node_modules/.bin/changeset');

/** Copies the workspace layout (manifests, .changeset/) into a temp git repository. */
function copyRepo(keepPendingChangesets: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cask-changeset-'));
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /(^|\/)package\.json$/.test(f) || f.startsWith('.changeset/') || f === 'pnpm-workspace.yaml')
    .filter((f) => !f.includes('/fixtures/') && existsSync(path.join(ROOT, f)));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(dir, f));
  }
  // Changesets not yet committed (this branch's own) count too.
  for (const f of readdirSync(path.join(ROOT, '.changeset')))
    cpSync(path.join(ROOT, '.changeset', f), path.join(dir, '.changeset', f));
  if (!keepPendingChangesets) {
    for (const f of readdirSync(path.join(dir, '.changeset'))) {
      if (f.endsWith('.md') && f !== 'README.md') rmSync(path.join(dir, '.changeset', f));
    }
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', 'commit', '-qm', 'copy');
  return dir;
}

function addChangeset(dir: string, name: string, bumps: Record<string, string>, summary: string) {
  const front = Object.entries(bumps)
    .map(([pkg, bump]) => `'${pkg}': ${bump}`)
    .join('\n');
  writeFileSync(path.join(dir, '.changeset', `${name}.md`), `---\n${front}\n---\n\n${summary}\n`);
}

const version = (dir: string) => execFileSync(CHANGESET, ['version'], { cwd: dir, encoding: 'utf8' });
const versionsOf = (dir: string) =>
  Object.fromEntries(PUBLIC_PACKAGES.map((p) => [p.name, readManifest(path.join(dir, p.dir, 'package.json')).version]));
const changelog = (dir: string, pkgDir: string) => readFileSync(path.join(dir, pkgDir, 'CHANGELOG.md'), 'utf8');
const current = readManifest(path.join(ROOT, 'packages/client/package.json')).version;
const [major, minor, patch] = current.split('.').map(Number);

describe('changeset version', { timeout: 120_000 }, () => {
  it('a patch to the client releases every public package at the next patch, with the summary in the client changelog', () => {
    const dir = copyRepo(false);
    addChangeset(dir, 'sample-patch', { '@cask/client': 'patch' }, 'Fix a sample bug in the client.');
    version(dir);
    const next = `${major}.${minor}.${(patch ?? 0) + 1}`;
    expect(versionsOf(dir)).toEqual(Object.fromEntries(PUBLIC_PACKAGES.map((p) => [p.name, next])));
    expect(changelog(dir, 'packages/client')).toMatch(
      new RegExp(`## ${next.replace(/\./g, '\\.')}\\n\\n### Patch Changes\\n\\n- Fix a sample bug in the client\\.`),
    );
    expect(changelog(dir, 'packages/attestation')).toContain(`## ${next}`);
    expect(changelog(dir, 'packages/attestation')).not.toContain('Fix a sample bug');
    // Private packages are not versioned.
    expect(readManifest(path.join(dir, 'tools/demo/package.json')).version).toBe('0.1.0');
    expect(existsSync(path.join(dir, 'tools/demo/CHANGELOG.md'))).toBe(false);
    // The internal ranges stay workspace ranges (pnpm turns them into ^x.y.z / >= ranges when publishing).
    const attestation = readManifest(path.join(dir, 'packages/attestation/package.json'));
    expect(attestation.peerDependencies?.['@cask/client']).toMatch(/^workspace:/);
  });

  it('a 0.x minor of the client is a minor for the kit, not 1.0.0 through the attestation peer', () => {
    const dir = copyRepo(false);
    addChangeset(dir, 'sample-minor', { '@cask/client': 'minor' }, 'A new client feature.');
    addChangeset(dir, 'sample-protocol', { '@cask/protocol': 'patch' }, 'A protocol doc fix.');
    version(dir);
    const next = major === 0 ? `0.${(minor ?? 0) + 1}.0` : `${major}.${(minor ?? 0) + 1}.0`;
    expect(versionsOf(dir)).toEqual(Object.fromEntries(PUBLIC_PACKAGES.map((p) => [p.name, next])));
    const client = changelog(dir, 'packages/client');
    expect(client).toContain('### Minor Changes\n\n- A new client feature.');
    expect(changelog(dir, 'packages/protocol')).toContain('- A protocol doc fix.');
    expect(client).not.toContain('A protocol doc fix');
  });

  it('the pending changesets of the repository give one version for every public package, below 1.0.0', () => {
    const dir = copyRepo(true);
    const pending = readdirSync(path.join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    if (pending.length === 0) return; // nothing pending: nothing to release
    version(dir);
    const versions = new Set(Object.values(versionsOf(dir)));
    expect(versions.size).toBe(1);
    const [v] = [...versions];
    expect(v).toMatch(/^0\.\d+\.\d+$/);
    expect(readdirSync(path.join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
  });
});
