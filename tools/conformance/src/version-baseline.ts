/**
 * Regenerates `tools/conformance/version-baseline.json` from the live difference between our schema and the pinned
 * upstream's (run through `pnpm --filter @cask/conformance version:baseline`, which builds this package first).
 * Prints the full difference list. Options: `--check` only compares with the committed baseline and exits 1 on a
 * failure (what `test/version.test.ts` does); `CASK_SCHEMA_DIR` points at another schema root, as for the tests.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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

const USAGE = `usage: version-baseline [--check]

Prints the difference between our schema and the pinned upstream's, then writes it to
version-baseline.json, or with --check compares it with that file (exit 1 on a failure).
`;

function main(argv: string[]): number {
  let check: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    check = values.check ?? false;
  } catch (err) {
    console.error(`version-baseline: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
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
