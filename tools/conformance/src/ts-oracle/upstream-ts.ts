/**
 * Runs the pinned `codex app-server generate-ts` and reads what it printed:
 * the exported type names and the file graph (which file imports which).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pinnedCodex } from '../upstream.js';

/**
 * Runs the pinned `codex app-server generate-ts` into `outDir` and returns `outDir`.
 *
 * @param experimental - pass `--experimental` (include experimental methods and fields)
 * @throws Error with the command's stderr when generation fails
 */
export function generateUpstreamTs(outDir: string, experimental: boolean): string {
  const { script } = pinnedCodex();
  mkdirSync(outDir, { recursive: true });
  const args = [script, 'app-server', 'generate-ts', '--out', outDir, ...(experimental ? ['--experimental'] : [])];
  try {
    execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : '';
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`codex ${args.slice(1).join(' ')} failed: ${stderr || message}`, { cause: error });
  }
  return outDir;
}

/** One exported upstream type: its name and the file (relative to the output root, no extension) declaring it. */
export interface UpstreamType {
  /** The exported name (`Turn`). */
  readonly name: string;
  /** The declaring file relative to the output root, without `.ts` (`v2/Turn`, `serde_json/JsonValue`). */
  readonly file: string;
}

/** What one `generate-ts` output holds. */
export interface UpstreamTsTree {
  readonly root: string;
  /** Every exported type, keyed by file (`v2/Turn`). */
  readonly types: ReadonlyMap<string, UpstreamType>;
  /** File → the files it imports (type references), keyed like `types`. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

const IMPORT = /^import type \{ (\w+) \} from "([^"]+)";$/gm;

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Reads every `.ts` file except the `index.ts` re-export lists: one exported type per file, as ts-rs writes them. */
export function readUpstreamTs(root: string): UpstreamTsTree {
  const types = new Map<string, UpstreamType>();
  const imports = new Map<string, string[]>();
  for (const abs of listTs(root)) {
    const file = relative(root, abs).replace(/\\/g, '/').replace(/\.ts$/, '');
    if (file === 'index' || file.endsWith('/index')) continue;
    const text = readFileSync(abs, 'utf8');
    const name = /^export type (\w+)/m.exec(text)?.[1];
    if (name === undefined) throw new Error(`${file}.ts: no \`export type\` found; generate-ts output changed shape`);
    types.set(file, { name, file });
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[2] ?? '';
      targets.push(join(dir, spec).replace(/\\/g, '/'));
    }
    imports.set(file, targets);
  }
  return { root, types, imports };
}
