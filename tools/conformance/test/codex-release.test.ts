/**
 * The codex release is written once, in `codex-release.json`; `pnpm codex-release:sync` writes every copy that
 * must be a literal. These tests fail when a copy disagrees with the source (like the schema drift check), when a
 * full codex version is written by hand elsewhere, and when the installed binaries are not the ones it names.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED, ROOT, aliasOf, plan, readSource, strayVersions } from '../../../scripts/codex-release-sync.mjs';
import { pinnedCodex } from '../src/index.js';

const source = readSource();

function packageJson(dir: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${dir}/package.json is not an object`);
  return { ...parsed };
}

function field(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = obj[key];
  return typeof value === 'object' && value !== null ? { ...value } : {};
}

describe('codex-release.json is the one source of the codex version', () => {
  it('every generated copy equals what `pnpm codex-release:sync` writes', () => {
    const stale = plan()
      .filter((p) => p.current !== p.wanted)
      .map((p) => p.file);
    expect(stale, 'out of date; run `pnpm codex-release:sync`').toEqual([]);
  });

  it('no hand-written full codex version outside the generated places (tests read the source)', () => {
    expect(strayVersions()).toEqual([]);
  });

  it('each published package states its codex release in package.json and in its README', () => {
    for (const dir of PUBLISHED) {
      const pkg = packageJson(dir);
      expect(pkg['codex'], dir).toEqual({ release: source.release });
      const readme = readFileSync(join(ROOT, dir, 'README.md'), 'utf8');
      expect(readme, dir).toContain(`**${source.release}**`);
    }
  });

  it('pins and aliases follow the source; the client peer range starts at the oldest tested release', () => {
    const testkit = field(packageJson('test-support/testkit'), 'dependencies');
    expect(testkit['@openai/codex']).toBe(source.release);
    for (const v of source.compatibilityReleases) expect(testkit[aliasOf(v)]).toBe(`npm:@openai/codex@${v}`);
    expect(Object.keys(testkit).filter((k) => k.startsWith('@openai/codex')).length).toBe(
      1 + source.compatibilityReleases.length,
    );
    expect(field(packageJson('tools/conformance'), 'devDependencies')['@openai/codex']).toBe(source.release);
    const oldest = [source.release, ...source.compatibilityReleases].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }),
    )[0];
    expect(field(packageJson('packages/client'), 'peerDependencies')['@openai/codex']).toBe(`>=${oldest}`);
  });

  it('the installed @openai/codex is the pinned release', () => {
    expect(pinnedCodex().version).toBe(source.release);
  });
});

describe('the sync check itself', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the files the sync owns, in a temp dir, to tamper with. */
  function copyOwned(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cask-codex-release-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'codex-release.json'), join(dir, 'codex-release.json'));
    for (const p of plan()) cpSync(join(ROOT, p.file), join(dir, p.file), { recursive: true });
    return dir;
  }

  it('names a copy that disagrees and the fix, and a new release changes every copy', () => {
    const dir = copyOwned();
    expect(plan(dir).filter((p) => p.current !== p.wanted)).toEqual([]);
    const readme = join(dir, 'packages/client/README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(`**${source.release}**`, '**0.0.1**'));
    expect(
      plan(dir)
        .filter((p) => p.current !== p.wanted)
        .map((p) => p.file),
    ).toEqual(['packages/client/README.md']);

    writeFileSync(
      join(dir, 'codex-release.json'),
      JSON.stringify({ release: '9.8.7', compatibilityReleases: [source.release] }),
    );
    const next = plan(dir);
    for (const p of next) expect(p.wanted, p.file).not.toBe(p.current);
    const testkit = next.find((p) => p.file === 'test-support/testkit/package.json');
    expect(testkit?.wanted).toContain('"@openai/codex": "9.8.7"');
    expect(testkit?.wanted).toContain(`"${aliasOf(source.release)}": "npm:@openai/codex@${source.release}"`);
    expect(next.find((p) => p.file === 'packages/protocol/src/codexRelease.ts')?.wanted).toContain(
      "export const CODEX_RELEASE = '9.8.7';",
    );
  });

  it('rejects a malformed source, naming the field', () => {
    const dir = copyOwned();
    writeFileSync(join(dir, 'codex-release.json'), JSON.stringify({ release: 'latest' }));
    expect(() => plan(dir)).toThrow(/"release" must be a version/);
    writeFileSync(
      join(dir, 'codex-release.json'),
      JSON.stringify({ release: '1.0.0', compatibilityReleases: ['1.0.0'] }),
    );
    expect(() => plan(dir)).toThrow(/"compatibilityReleases" must be versions other than "release"/);
  });
});
