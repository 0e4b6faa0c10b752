/**
 * The drift check: does the committed `schema/` match what the generator
 * produces from the current `@cask/protocol`?
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { firstDifference } from './json.js';
import { EXPERIMENTAL_DIR, generateAll, STABLE_DIR, type GenerateOptions } from './generate.js';
import { LEGACY_DIR } from './legacy.js';

/** One file that differs between the expected and the actual tree. */
export interface DriftEntry {
  /** Path relative to the schema directory, posix separators. */
  file: string;
  kind: 'changed' | 'missing' | 'extra';
  /** For `changed`: JSON pointer of the first difference (`''` = whole document, or text-only difference). */
  pointer?: string;
}

/** Outcome of {@link checkSchema}. */
export interface DriftReport {
  ok: boolean;
  entries: DriftEntry[];
  /** Human-readable summary naming every differing file; empty when `ok`. */
  message: string;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.name.endsWith('.json')) out.push(rel);
  }
  return out;
}

/** Reads every `.json` file under `dir/json`, `dir/json-experimental` and `dir/legacy`. */
export async function readSchemaDir(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sub of [STABLE_DIR, EXPERIMENTAL_DIR, LEGACY_DIR]) {
    for (const rel of await listFiles(path.join(dir, sub))) {
      out.set(`${sub}/${rel}`, await readFile(path.join(dir, sub, rel), 'utf8'));
    }
  }
  return out;
}

/** Compares two file trees (relative path → text). */
export function compareTrees(expected: Map<string, string>, actual: Map<string, string>): DriftReport {
  const entries: DriftEntry[] = [];
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const file of names) {
    const want = expected.get(file);
    const got = actual.get(file);
    if (want === undefined) entries.push({ file, kind: 'extra' });
    else if (got === undefined) entries.push({ file, kind: 'missing' });
    else if (want !== got) {
      let pointer: string;
      try {
        pointer = firstDifference(JSON.parse(got), JSON.parse(want)) ?? '';
      } catch (error) {
        pointer = `(not valid JSON: ${(error as Error).message})`;
      }
      entries.push({ file, kind: 'changed', pointer });
    }
  }
  const lines = entries.map((e) =>
    e.kind === 'changed'
      ? `  changed  ${e.file}  first difference at ${e.pointer === '' ? '(formatting only or whole document)' : e.pointer}`
      : e.kind === 'missing'
        ? `  missing  ${e.file}  (the generator writes it; it is not committed)`
        : `  extra    ${e.file}  (committed, but the generator no longer writes it)`,
  );
  const message =
    entries.length === 0
      ? ''
      : `schema/ is out of date with @cask/protocol (${entries.length} file${entries.length === 1 ? '' : 's'}):\n` +
        `${lines.join('\n')}\nRun \`pnpm codegen\` and commit the result.`;
  return { ok: entries.length === 0, entries, message };
}

/**
 * Regenerates the schema in memory and compares it with the files in `dir`.
 * @param dir the schema directory (holding `json/` and `json-experimental/`).
 */
export async function checkSchema(
  dir: string,
  options: Omit<GenerateOptions, 'experimental'> = {},
): Promise<DriftReport> {
  const expected = generateAll(options);
  const actual = await readSchemaDir(dir);
  return compareTrees(expected, actual);
}
