import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BundleReport, Coverage, MethodGroup } from './conformance.js';
import { failuresOf } from './conformance.js';

/** The full machine-readable conformance report. */
export interface ConformanceReport {
  readonly codexVersion: string;
  readonly generatedAt: string;
  readonly ok: boolean;
  readonly failures: readonly string[];
  /** Findings that do not fail the check (layout differences). */
  readonly notes: readonly string[];
  readonly bundles: readonly ReportBundle[];
}

/** A bundle report without the per-item details of equivalent items (keeps the JSON file small). */
export type ReportBundle = Omit<BundleReport, 'results'>;

/**
 * Assembles the report of several bundle pairs.
 *
 * @param extraFailures - failures found outside the bundle comparison (e.g. schema files upstream does not have)
 * @param extraNotes - non-failing findings to include
 */
export function buildReport(
  codexVersion: string,
  bundles: readonly BundleReport[],
  extraFailures: readonly string[] = [],
  extraNotes: readonly string[] = [],
): ConformanceReport {
  const failures = [...bundles.flatMap(failuresOf), ...extraFailures];
  return {
    codexVersion,
    generatedAt: new Date().toISOString(),
    ok: failures.length === 0,
    failures,
    notes: [
      ...bundles.flatMap((b) =>
        b.misplaced.map(
          (m) => `${b.bundle}: definition ${m} lives in a different namespace (top level vs v2) than upstream's`,
        ),
      ),
      ...extraNotes,
    ],
    bundles: bundles.map(({ results: _r, ...rest }) => rest),
  };
}

/** Writes the report as pretty JSON, creating the directory. */
export function writeReport(file: string, report: ConformanceReport): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

const ROWS: [string, (b: ReportBundle) => Coverage][] = [
  ['definitions', (b) => b.definitions],
  ['client requests (methods)', (b) => b.methods.clientRequests],
  ['server notifications', (b) => b.methods.serverNotifications],
  ['server requests', (b) => b.methods.serverRequests],
  ['client notifications', (b) => b.methods.clientNotifications],
];

/**
 * Renders the report as text: a coverage table (covered/upstream total, equivalent/covered, unknown names per bundle),
 * then per bundle the first `listLimit` uncovered upstream items and every non-equivalent item with its reasons.
 */
export function formatReport(report: ConformanceReport, listLimit = 15): string {
  const lines: string[] = [];
  lines.push(
    `Conformance against codex ${report.codexVersion}: ${report.ok ? 'OK' : `${report.failures.length} failure(s)`}`,
  );
  const header = [
    '',
    ...report.bundles.flatMap((b) => [`${b.bundle} covered`, `${b.bundle} equivalent`, `${b.bundle} unknown`]),
  ];
  const rows = ROWS.map(([label, get]) => [
    label,
    ...report.bundles.flatMap((b) => {
      const c = get(b);
      return [`${c.covered}/${c.upstreamTotal}`, `${c.equivalent}/${c.covered}`, String(c.unknown.length)];
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  const inSections = new Set(report.bundles.flatMap(failuresOf));
  const other = report.failures.filter((f) => !inSections.has(f));
  for (const f of other) lines.push(`FAILURE ${f}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  for (const b of report.bundles) {
    lines.push('', `[${b.bundle}] ours: ${b.ours}`, `[${b.bundle}] upstream: ${b.upstream}  (${b.durationMs} ms)`);
    for (const [label, get] of ROWS) {
      const c = get(b);
      if (c.uncovered.length) {
        const shown = c.uncovered.slice(0, listLimit).join(', ');
        lines.push(
          `  uncovered ${label} (${c.uncovered.length}): ${shown}${c.uncovered.length > listLimit ? ', …' : ''}`,
        );
      }
      if (c.unknown.length) lines.push(`  UNKNOWN ${label} (not upstream): ${c.unknown.join(', ')}`);
      for (const ne of c.notEquivalent) {
        lines.push(`  NOT EQUIVALENT ${label.replace(/s?( \(.*\))?$/, '')} ${ne.name}:`);
        for (const r of ne.reasons) lines.push(`    - ${r}`);
      }
    }
  }
  return lines.join('\n');
}

/** Method groups in report order. */
export const METHOD_GROUPS: readonly MethodGroup[] = [
  'clientRequests',
  'serverNotifications',
  'serverRequests',
  'clientNotifications',
];
