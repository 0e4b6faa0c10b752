// Benchmark of `cask schema diff` on two full bundles: the oldest compatibility release and the pinned release of
// codex-release.json, experimental (about 1 MB each).
// Prints medians measured side by side in this one run:
//   - in process: read + JSON.parse of both bundles (the floor any diff pays) vs load + index + diff;
//   - whole process: `node -e ""` (Node start-up) vs `node dist/bin.js schema diff <old> <new> --json`.
// Needs `pnpm --filter "@cask/cli..." build`; installs the two releases into the install cache on first use.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codexForVersion, diffSchemas, generateSchema, kitResultHints, loadSchema } from '../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '../dist/bin.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

const releases = JSON.parse(readFileSync(path.join(here, '../../../codex-release.json'), 'utf8'));
const oldRelease = releases.compatibilityReleases[0];
const newRelease = releases.release;
const oldSchema = generateSchema(codexForVersion(oldRelease), true);
const newSchema = generateSchema(codexForVersion(newRelease), true);
try {
  const file = (dir) => path.join(dir, 'codex_app_server_protocol.schemas.json');
  const hints = kitResultHints();
  const parse = [];
  const diff = [];
  const nodeStart = [];
  const cli = [];
  let changes = 0;
  for (let i = 0; i < RUNS; i++) {
    parse.push(
      time(() => {
        JSON.parse(readFileSync(file(oldSchema.dir), 'utf8'));
        JSON.parse(readFileSync(file(newSchema.dir), 'utf8'));
      }),
    );
    diff.push(
      time(() => {
        changes = diffSchemas(loadSchema(oldSchema.dir), loadSchema(newSchema.dir), { resultHints: hints }).summary
          .changes;
      }),
    );
    nodeStart.push(time(() => execFileSync(process.execPath, ['-e', ''])));
    cli.push(
      time(() =>
        execFileSync(process.execPath, [bin, 'schema', 'diff', oldSchema.dir, newSchema.dir, '--json'], {
          maxBuffer: 64 * 1024 * 1024,
        }),
      ),
    );
  }
  const row = (label, base, subject) =>
    `${label.padEnd(44)} ${median(base).toFixed(1).padStart(8)} ms ${median(subject).toFixed(1).padStart(8)} ms  x${(median(subject) / median(base)).toFixed(2)}`;
  console.log(
    `schema diff bench: ${oldRelease} → ${newRelease} experimental, ${changes} changes, median of ${RUNS} runs`,
  );
  console.log(`${''.padEnd(44)} ${'baseline'.padStart(11)} ${'diff'.padStart(11)}  ratio`);
  console.log(row('in process: JSON.parse both | load+diff', parse, diff));
  console.log(row('whole process: node -e "" | cask schema diff', nodeStart, cli));
} finally {
  oldSchema.dispose();
  newSchema.dispose();
}
