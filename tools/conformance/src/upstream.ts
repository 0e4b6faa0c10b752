import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** `codex-release.json` at the repository root: the one place the pinned codex release is written. */
export const CODEX_RELEASE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'codex-release.json');

/** The release `codex-release.json` pins (`release`). */
export function sourceRelease(file = CODEX_RELEASE_FILE): string {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const release = typeof parsed === 'object' && parsed !== null && 'release' in parsed ? parsed.release : undefined;
  if (typeof release !== 'string') throw new Error(`${file}: no "release" string`);
  return release;
}

/**
 * The pinned upstream package and its version, read from the installed `@openai/codex`.
 *
 * @throws Error when the installed version is not the release `codex-release.json` names (the fix: run
 * `pnpm codex-release:sync` and `pnpm install`), so a check never runs against a stale binary.
 */
export function pinnedCodex(): { version: string; script: string } {
  const pkgPath = require.resolve('@openai/codex/package.json');
  // The package.json of @openai/codex; only `version` and `bin` are read.
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string; bin: Record<string, string> | string };
  const wanted = sourceRelease();
  if (pkg.version !== wanted) {
    throw new Error(
      `installed @openai/codex is ${pkg.version} but ${CODEX_RELEASE_FILE} pins ${wanted}: ` +
        'run `pnpm codex-release:sync` and `pnpm install`',
    );
  }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['codex'];
  if (!bin) throw new Error(`${pkgPath}: no "codex" bin entry`);
  const script = join(dirname(pkgPath), bin);
  if (!existsSync(script)) throw new Error(`codex launcher not found at ${script}`);
  return { version: pkg.version, script };
}

/**
 * Runs the pinned `codex app-server generate-json-schema` into `outDir` and returns `outDir`.
 *
 * @param experimental - pass `--experimental` (include experimental methods and fields)
 * @throws Error with the command's stderr when generation fails
 */
export function generateUpstreamSchema(outDir: string, experimental: boolean): string {
  const { script } = pinnedCodex();
  mkdirSync(outDir, { recursive: true });
  const args = [
    script,
    'app-server',
    'generate-json-schema',
    '--out',
    outDir,
    ...(experimental ? ['--experimental'] : []),
  ];
  try {
    execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`codex ${args.slice(1).join(' ')} failed: ${e.stderr?.toString().trim() || e.message}`, {
      cause: error,
    });
  }
  return outDir;
}
