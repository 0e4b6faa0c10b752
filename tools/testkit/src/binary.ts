/**
 * Locating the `codex` executable that ships with the `@openai/codex`
 * dependency of this package.
 * @module
 */
import { existsSync } from 'node:fs';
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

/** The installed `@openai/codex` package: its root directory and version. */
export function codexPackageInfo(): { root: string; version: string; launcher: string } {
  const pkgJsonPath = require.resolve(`${CODEX_PACKAGE}/package.json`);
  const pkg = require(pkgJsonPath) as { version: string; bin?: string | Record<string, string> };
  const root = path.dirname(pkgJsonPath);
  const binRel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['codex'];
  if (!binRel) throw new Error(`${pkgJsonPath} declares no "codex" bin entry`);
  return { root, version: pkg.version, launcher: path.join(root, binRel) };
}

/**
 * Path of the JavaScript launcher (`bin/codex.js`) of the `@openai/codex`
 * dependency. Run it with `node`; it finds and starts the native binary.
 * Slower to start than {@link codexBinaryPath}, and on Node 20 it stays
 * alive as an extra process between you and the real server.
 */
export function codexLauncherPath(): string {
  return codexPackageInfo().launcher;
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
 * reach the server itself. Set `CASK_CODEX_BIN` to override.
 *
 * @throws Error naming the expected location when the binary is missing.
 */
export function codexBinaryPath(): string {
  const override = process.env['CASK_CODEX_BIN'];
  if (override) {
    if (!existsSync(override)) throw new Error(`CASK_CODEX_BIN points at ${override}, which does not exist`);
    return override;
  }
  const { root } = codexPackageInfo();
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
