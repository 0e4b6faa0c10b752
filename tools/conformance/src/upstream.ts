import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The pinned upstream package and its version, read from the installed `@openai/codex`. */
export function pinnedCodex(): { version: string; script: string } {
  const pkgPath = require.resolve('@openai/codex/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string; bin: Record<string, string> | string };
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
