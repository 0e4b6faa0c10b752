import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_FILE,
  buildReport,
  checkBundle,
  failuresOf,
  formatReport,
  loadBundle,
  ourSchemaDirs,
  pinnedCodex,
  unknownFiles,
  writeReport,
  type BundleReport,
} from '../src/index.js';
import { generateUpstream, type UpstreamFixture } from './helpers.js';

// The report lands here; override with CASK_CONFORMANCE_REPORT=/path/report.json.
const REPORT_FILE = process.env['CASK_CONFORMANCE_REPORT'] ?? join(tmpdir(), 'cask-conformance', 'report.json');

let up: UpstreamFixture;
const reports: BundleReport[] = [];
const fileFailures: string[] = [];
const fileNotes: string[] = [];
const ours = ourSchemaDirs();

beforeAll(() => {
  up = generateUpstream();
  return () => {
    up.cleanup();
  };
});

afterAll(() => {
  if (reports.length) {
    const report = buildReport(pinnedCodex().version, reports, fileFailures, fileNotes);
    writeReport(REPORT_FILE, report);
    console.log(`${formatReport(report)}\n\nJSON report: ${REPORT_FILE}`);
  }
});

describe(`conformance with upstream codex ${pinnedCodex().version}`, () => {
  for (const which of ['stable', 'experimental'] as const) {
    it(`${which}: every definition and method we have exists upstream and is equivalent`, () => {
      const dir = ours[which];
      if (!existsSync(join(dir, BUNDLE_FILE))) {
        throw new Error(
          `our ${which} schema bundle is missing: ${join(dir, BUNDLE_FILE)} (generate it with the @cask/codegen generator first)`,
        );
      }
      const upstreamDir = join(up.dir, which === 'stable' ? 'json' : 'json-experimental');
      // A file upstream does not write is a layout note when it is named after an upstream definition, else a failure.
      for (const f of unknownFiles(dir, upstreamDir)) {
        const name = f.replace(/^.*\//, '').replace(/\.json$/, '');
        if (up[which].definitions.has(name) || f.endsWith('.schemas.json'))
          fileNotes.push(`${which}: upstream writes no file ${f}`);
        else fileFailures.push(`${which}: schema file ${f} is in our schema but not upstream`);
      }
      const report = checkBundle(which, loadBundle(dir, `ours/${which}`), up[which]);
      reports.push(report);
      expect(report.definitions.covered, 'no definition of ours matches an upstream name').toBeGreaterThan(0);
      expect([...failuresOf(report), ...fileFailures.filter((f) => f.startsWith(`${which}:`))]).toEqual([]);
    }, 120_000);
  }
});
