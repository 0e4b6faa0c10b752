/**
 * Packs the public packages with `pnpm pack` (as `pnpm publish` would) into a
 * temp directory, and reads what a tarball holds.
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every public package: its folder and name. */
export const PUBLIC_PACKAGES = [
  { dir: 'packages/protocol', name: '@cask/protocol' },
  { dir: 'schema', name: '@cask/schema' },
  { dir: 'packages/validators', name: '@cask/validators' },
  { dir: 'packages/client', name: '@cask/client' },
  { dir: 'packages/attestation', name: '@cask/attestation' },
  { dir: 'tools/cli', name: '@cask/cli' },
] as const;

/** A package.json as far as these tests read it. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  type?: string;
  engines?: Record<string, string>;
  sideEffects?: boolean | string[];
  repository?: { type: string; url: string; directory: string };
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Reads a JSON file. */
export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Reads a package.json (the shape is checked by the tests that use it). */
export function readManifest(file: string): Manifest {
  // Cast: a manifest is untyped JSON; the tests assert every member they use.
  return readJson(file) as Manifest;
}

/** The names of the private workspace packages (which nothing published may depend on). */
export function privatePackageNames(): string[] {
  const out = execFileSync('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: ROOT, encoding: 'utf8' });
  // Cast: `pnpm ls --json` prints an array of { name, private } objects.
  const list = JSON.parse(out) as Array<{ name?: string; private?: boolean }>;
  return list.filter((p) => p.private && p.name).map((p) => p.name ?? '');
}

/** Packs every public package into a new temp directory; returns tarball paths by package name. */
export function packAll(): { dir: string; tarballs: Map<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cask-packs-'));
  const tarballs = new Map<string, string>();
  for (const p of PUBLIC_PACKAGES) {
    const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', dir], {
      cwd: path.join(ROOT, p.dir),
      encoding: 'utf8',
    });
    // Cast: `pnpm pack --json` prints { name, version, filename, files }.
    const info = JSON.parse(out) as { filename: string };
    tarballs.set(p.name, path.isAbsolute(info.filename) ? info.filename : path.join(dir, info.filename));
  }
  return { dir, tarballs };
}

/** Lists the files of a tarball (paths under `package/`). */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

/** Reads one file of a tarball. */
export function tarballFile(tarball: string, file: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** What a finished command printed and its exit code. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (no shell) to its end, optionally writing `input` to its stdin. */
export function runCommand(
  cmd: string,
  args: string[],
  opts: { cwd?: string; input?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(opts.input ?? '');
  });
}
