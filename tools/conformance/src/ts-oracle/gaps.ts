/**
 * Known gaps: upstream types ours does not yet match per direction, listed in
 * `ts-oracle-gaps.json` so the oracle can run in CI while the list is worked
 * down. Unlike the exceptions (`exceptions.ts`), a gap is not a justified
 * difference: it is work left. The oracle fails on any failure not listed and
 * on any listed gap that now passes, so the list can only shrink.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypeResult } from './check.js';

/** Path of the committed gap list. */
export const GAPS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ts-oracle-gaps.json');

/** One line per gap: `<flavour> <upstream file> [<direction>] <category>`. */
export function gapKey(r: Pick<TypeResult, 'flavour' | 'file' | 'direction' | 'category'>): string {
  return `${r.flavour} ${r.file} [${r.direction}] ${r.category}`;
}

/** Reads the gap list (an empty list when the file is absent). */
export function readGaps(file: string = GAPS_FILE): Set<string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every((g) => typeof g === 'string')) {
      throw new Error(`${file}: expected a JSON array of strings`);
    }
    return new Set(parsed);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return new Set();
    throw error;
  }
}

/** Writes the failures as the new gap list (sorted). */
export function writeGaps(failures: readonly TypeResult[], file: string = GAPS_FILE): void {
  writeFileSync(file, `${JSON.stringify(failures.map(gapKey).sort(), null, 2)}\n`);
}

/** Failures not listed as gaps, and listed gaps that no longer fail. */
export function compareWithGaps(
  failures: readonly TypeResult[],
  gaps: ReadonlySet<string>,
): { unexpected: string[]; fixed: string[] } {
  const now = new Set(failures.map(gapKey));
  return {
    unexpected: [...now].filter((k) => !gaps.has(k)).sort(),
    fixed: [...gaps].filter((k) => !now.has(k)).sort(),
  };
}
