/**
 * Locating the `codex` executable that ships with the `@openai/codex`
 * dependency of this package.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { pinnedRelease } from './release.js';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The npm package name of the pinned Codex CLI. */
export const CODEX_PACKAGE = '@openai/codex';

/**
 * Maps `process.platform`/`process.arch` to the Rust target triple and the
 * per-platform npm package that carries the native binary. The launcher in
 * `@openai/codex` makes the same choice at run time.
 */
const TARGETS: Record<string, { triple: string; pkg: string }> = {
  'linux-x64': { triple: 'x86_64-unknown-linux-musl', pkg: '@openai/codex-linux-x64' },
  'linux-arm64': { triple: 'aarch64-unknown-linux-musl', pkg: '@openai/codex-linux-arm64' },
  'darwin-x64': { triple: 'x86_64-apple-darwin', pkg: '@openai/codex-darwin-x64' },
  'darwin-arm64': { triple: 'aarch64-apple-darwin', pkg: '@openai/codex-darwin-arm64' },
  'win32-x64': { triple: 'x86_64-pc-windows-msvc', pkg: '@openai/codex-win32-x64' },
  'win32-arm64': { triple: 'aarch64-pc-windows-msvc', pkg: '@openai/codex-win32-arm64' },
};

/** Which codex release to resolve; default: the release the kit is pinned to (`codex-release.json`). */
export interface CodexReleaseOptions {
  /**
   * An exact release such as `"0.169.0"`. It must be the pinned release or one of the compatibility releases
   * installed next to it as a dependency alias (see {@link codexAliasPackage}).
   */
  release?: string;
}

/**
 * Name of the dependency alias under which an extra codex release is installed next to the pinned one:
 * `@openai/codex-<major>.<minor>` (e.g. `@openai/codex-0.169` for `0.169.0`), declared in this package's
 * `package.json` as `"npm:@openai/codex@<release>"` by `pnpm codex-release:sync`.
 */
export function codexAliasPackage(release: string): string {
  const m = /^(\d+)\.(\d+)\.\d+(?:-[\w.]+)?$/.exec(release);
  if (!m) throw new Error(`not a codex release version: ${JSON.stringify(release)} (expected MAJOR.MINOR.PATCH)`);
  return `${CODEX_PACKAGE}-${m[1]}.${m[2]}`;
}

/**
 * The installed `@openai/codex` package of a release: its root directory, version and JS launcher.
 *
 * @throws Error naming the release and the package looked for when that release is not installed, or when the
 * installed package has another version.
 */
export function codexPackageInfo(options: CodexReleaseOptions = {}): {
  root: string;
  version: string;
  launcher: string;
} {
  const wanted = options.release;
  const name = wanted === undefined || wanted === pinnedRelease() ? CODEX_PACKAGE : codexAliasPackage(wanted);
  let pkgJsonPath: string;
  try {
    pkgJsonPath = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(
      `codex ${wanted ?? pinnedRelease()} is not installed: ${name} does not resolve from @cask/testkit ` +
        `(list the release in codex-release.json, run \`pnpm codex-release:sync\` and \`pnpm install\`)`,
    );
  }
  const pkg = readPackageJson(pkgJsonPath);
  if (wanted !== undefined && pkg.version !== wanted) {
    throw new Error(`${name} resolves to @openai/codex ${pkg.version}, not the requested ${wanted} (${pkgJsonPath})`);
  }
  const root = path.dirname(pkgJsonPath);
  const binRel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['codex'];
  if (!binRel) throw new Error(`${pkgJsonPath} declares no "codex" bin entry`);
  return { root, version: pkg.version, launcher: path.join(root, binRel) };
}

function readPackageJson(file: string): { version: string; bin?: string | Record<string, string> } {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || typeof parsed.version !== 'string') {
    throw new Error(`${file} has no "version" string`);
  }
  const bin = 'bin' in parsed ? parsed.bin : undefined;
  if (typeof bin === 'string') return { version: parsed.version, bin };
  if (typeof bin === 'object' && bin !== null) {
    const entries = Object.entries(bin).filter((e): e is [string, string] => typeof e[1] === 'string');
    return { version: parsed.version, bin: Object.fromEntries(entries) };
  }
  return { version: parsed.version };
}

/**
 * Path of the JavaScript launcher (`bin/codex.js`) of the `@openai/codex`
 * dependency. Run it with `node`; it finds and starts the native binary.
 * Slower to start than {@link codexBinaryPath}, and on Node 20 it stays
 * alive as an extra process between you and the real server.
 */
export function codexLauncherPath(options: CodexReleaseOptions = {}): string {
  return codexPackageInfo(options).launcher;
}

/**
 * Absolute path of the native `codex` executable from the pinned
 * `@openai/codex` dependency.
 *
 * The npm package is only a JavaScript launcher; the real binary lives in an
 * optional per-platform package (`@openai/codex-linux-x64`, ...) under
 * `vendor/<target-triple>/bin/codex`. We resolve that package from the
 * launcher's own location (as the launcher does) and return the binary, so
 * callers spawn the server directly: no extra Node process, and signals
 * reach the server itself. Set `CASK_CODEX_BIN` to override the pinned
 * release's binary (an explicit `release` is never overridden).
 *
 * @param options - `release`: another installed release, e.g. `{ release: '0.169.0' }` for compatibility tests
 * @throws Error naming the expected location when the binary is missing.
 */
export function codexBinaryPath(options: CodexReleaseOptions = {}): string {
  const override = process.env['CASK_CODEX_BIN'];
  if (override && options.release === undefined) {
    if (!existsSync(override)) throw new Error(`CASK_CODEX_BIN points at ${override}, which does not exist`);
    return override;
  }
  const { root } = codexPackageInfo(options);
  const key = `${process.platform}-${process.arch}`;
  const target = TARGETS[key];
  if (!target) throw new Error(`no Codex binary is published for platform ${key}`);
  const fromLauncher = createRequire(path.join(root, 'package.json'));
  const candidates: string[] = [];
  try {
    const platformPkg = fromLauncher.resolve(`${target.pkg}/package.json`);
    candidates.push(path.join(path.dirname(platformPkg), 'vendor', target.triple, 'bin', exeName()));
  } catch {
    // Not installed as a separate package; some installs vendor it in place.
  }
  candidates.push(path.join(root, 'vendor', target.triple, 'bin', exeName()));
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  throw new Error(
    `native codex binary not found for ${key}; looked in:\n  ${candidates.join('\n  ')}\n` +
      `(is the optional dependency ${target.pkg} installed?)`,
  );
}

function exeName(): string {
  return process.platform === 'win32' ? 'codex.exe' : 'codex';
}
