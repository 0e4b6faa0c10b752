import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFromDocument, checkBundle, cloneJson, failuresOf, prepare } from '../src/index.js';
import { generateUpstream, type UpstreamFixture } from './helpers.js';

let up: UpstreamFixture;
beforeAll(() => {
  up = generateUpstream();
});
afterAll(() => up?.cleanup());

describe('upstream compared with itself', () => {
  for (const which of ['stable', 'experimental'] as const) {
    it(`${which}: every definition and method is equivalent`, () => {
      const bundle = up[which];
      // A structurally separate copy, so nothing can pass by object identity.
      const copy = bundleFromDocument(cloneJson(bundle.document), `copy/${which}`);
      const report = checkBundle(which, prepare(copy), prepare(bundle), { behaviour: { samplesPerSide: 4, maxMutants: 24 } });
      console.log(`${which}: ${report.results.length} definitions in ${report.durationMs} ms; samples`,
        report.results.reduce((n, r) => n + (r.behaviour?.samples.ours ?? 0), 0),
        'rejected', report.results.filter((r) => (r.behaviour?.rejectedDraws.ours ?? 0) > 0).map((r) => `${r.name}:${r.behaviour?.rejectedDraws.ours}`).slice(0, 20),
        'notes', report.results.flatMap((r) => r.behaviour?.notes ?? []).slice(0, 10));
      expect(failuresOf(report)).toEqual([]);
      expect(report.definitions.covered).toBe(report.definitions.upstreamTotal);
      expect(report.definitions.uncovered).toEqual([]);
      expect(report.methods.clientRequests.covered).toBe(report.methods.clientRequests.upstreamTotal);
      expect(report.methods.clientRequests.covered).toBeGreaterThan(50);
    }, 120_000);
  }
});
