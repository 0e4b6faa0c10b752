/**
 * The oracle's table: per flavour and folder, how many upstream types ours
 * matches in each category, and the failures.
 * @module
 */
import type { Category, Flavour, TypeResult } from './check.js';
import type { RewriteLog } from './normalise.js';
import { REWRITES } from './exceptions.js';

const CATEGORIES: readonly Category[] = ['equivalent', 'as precise', 'accepting', 'incompatible', 'missing'];

function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : '(root)';
}

/** Formats the results as a fixed-width table, then the rewrites applied, then one line per failure. */
export function formatOracleReport(
  codexVersion: string,
  results: readonly TypeResult[],
  rewrites: ReadonlyMap<Flavour, RewriteLog>,
): string {
  const header = ['flavour', 'folder', 'types', ...CATEGORIES, 'failing'];
  const rows: string[][] = [];
  const flavours = [...new Set(results.map((r) => r.flavour))];
  for (const flavour of flavours) {
    const mine = results.filter((r) => r.flavour === flavour);
    const folders = [...new Set(mine.map((r) => folderOf(r.file)))].sort();
    for (const folder of [...folders, 'all']) {
      const rs = folder === 'all' ? mine : mine.filter((r) => folderOf(r.file) === folder);
      rows.push([
        flavour,
        folder,
        String(rs.length),
        ...CATEGORIES.map((c) => String(rs.filter((r) => r.category === c).length)),
        String(rs.filter((r) => !r.ok).length),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const out = [`TypeScript oracle: @cask/protocol vs codex ${codexVersion} generate-ts`, fmt(header)];
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out.push(fmt(r));
  out.push('', 'direction: server = ours assignable to upstream; client = upstream assignable to ours; both = mutual');
  out.push('documented rewrites of upstream before comparing (types touched per flavour):');
  for (const rewrite of REWRITES) {
    const counts = flavours.map((f) => `${f} ${rewrites.get(f)?.get(rewrite.id)?.length ?? 0}`).join(', ');
    out.push(`  ${rewrite.id}: ${rewrite.summary} (${counts})`);
  }
  const failures = results.filter((r) => !r.ok);
  if (failures.length > 0) out.push('', `${failures.length} failing:`);
  for (const f of failures) {
    const why = f.detail ? `: ${f.detail.split('\n').slice(0, 3).join(' / ')}` : '';
    out.push(`  ${f.flavour} ${f.file} [${f.direction}] ${f.category}${why}`);
  }
  return out.join('\n');
}
