#!/usr/bin/env node
// Per-file mutation figures of one package, from the incremental reports its Stryker runs left in
// reports/ (`stryker-incremental.json` of a full run, `stryker-incremental-<group>.json` of runs limited
// with MUTATE_FILES / MUTATE_GROUP). For each source file the newest report that holds it is used.
// Prints a Markdown table and the total; the score is Stryker's: (killed + timed out) / (killed +
// timed out + survived + no coverage); ignored mutants (disabled, or static with MUTATE_IGNORE_STATIC=1)
// are listed but not counted.
//
//   node scripts/mutation/summary.mjs packages/client
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.', 'reports');
const reports = readdirSync(dir)
  .filter((name) => /^stryker-incremental(-[\w-]+)?\.json$/.test(name))
  .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
  .sort((a, b) => a.mtime - b.mtime);
if (reports.length === 0) {
  console.error(`no stryker-incremental*.json in ${dir}: run \`pnpm run mutate\` in the package first`);
  process.exit(1);
}
const files = new Map();
for (const { name } of reports) {
  const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  for (const [file, result] of Object.entries(report.files)) files.set(file, { result, from: name });
}
const columns = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'];
const total = Object.fromEntries(columns.map((c) => [c, 0]));
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid === 0 ? '–' : ((100 * (c.Killed + c.Timeout)) / valid).toFixed(1);
};
console.log('| file | killed | timed out | survived | no coverage | ignored | score % | report |');
console.log('| ---- | -----: | --------: | -------: | ----------: | ------: | ------: | ------ |');
for (const [file, { result, from }] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const c = Object.fromEntries(columns.map((k) => [k, 0]));
  for (const m of result.mutants) if (m.status in c) c[m.status]++;
  for (const k of columns) total[k] += c[k];
  console.log(`| ${file} | ${columns.map((k) => c[k]).join(' | ')} | ${score(c)} | ${from} |`);
}
console.log(`| **all** | ${columns.map((k) => total[k]).join(' | ')} | **${score(total)}** | |`);
