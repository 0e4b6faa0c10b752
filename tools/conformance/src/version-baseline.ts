/**
 * Regenerates `tools/conformance/version-baseline.json` from the live difference between our schema and the pinned
 * upstream's (run through `pnpm --filter @cask/conformance version:baseline`, which builds this package first).
 * Prints the full difference list. Options: `--check` only compares with the committed baseline and exits 1 on a
 * failure (what `test/version.test.ts` does); `CASK_SCHEMA_DIR` points at another schema root, as for the tests.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baselineFailures,
  baselineOf,
  compareWithBaseline,
  diffCount,
  formatDiff,
  liveProtocolDiff,
  readBaseline,
  writeBaseline,
} from './version.js';

/** The committed baseline, at the package root (next to `package.json`). */
export const BASELINE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'version-baseline.json');

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error(`unknown argument(s): ${unknown.join(' ')} (usage: version-baseline [--check])`);
    return 2;
  }
  const diff = liveProtocolDiff();
  console.log(formatDiff(diff));
  if (check) {
    const baseline = readBaseline(BASELINE_FILE);
    const failures = baselineFailures(compareWithBaseline(diff, baseline), baseline, BASELINE_FILE);
    for (const f of failures) console.error(`FAILURE ${f}`);
    console.log(`\n${failures.length} failure(s) against ${BASELINE_FILE}`);
    return failures.length ? 1 : 0;
  }
  writeBaseline(BASELINE_FILE, baselineOf(diff));
  console.log(`\nwrote ${BASELINE_FILE} (${diffCount(diff)} accepted difference(s), codex ${diff.codexVersion})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
