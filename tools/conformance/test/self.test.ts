import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFromDocument, checkBundle, cloneJson, failuresOf, prepare } from '../src/index.js';
import { generateUpstream, type UpstreamFixture } from './helpers.js';

let up: UpstreamFixture;
beforeAll(() => {
  up = generateUpstream();
  return () => {
    up.cleanup();
  };
});

describe('upstream compared with itself', () => {
  for (const which of ['stable', 'experimental'] as const) {
    it(`${which}: every definition and method is equivalent`, () => {
      const bundle = up[which];
      // A structurally separate copy, so nothing can pass by object identity.
      const copy = bundleFromDocument(cloneJson(bundle.document), `copy/${which}`);
      const report = checkBundle(which, prepare(copy), prepare(bundle), {
        behaviour: { samplesPerSide: 4, maxMutants: 24 },
      });
      expect(failuresOf(report)).toEqual([]);
      // The sampler's draws satisfy the schema they came from, for every definition, and each produced some.
      const rejected = report.results.filter(
        (r) => (r.behaviour?.rejectedDraws.ours ?? 0) + (r.behaviour?.rejectedDraws.upstream ?? 0) > 0,
      );
      expect(rejected.map((r) => r.name)).toEqual([]);
      expect(report.results.filter((r) => !r.behaviour || r.behaviour.samples.ours === 0).map((r) => r.name)).toEqual(
        [],
      );
      expect(report.results.flatMap((r) => r.behaviour?.notes ?? [])).toEqual([]);
      expect(report.definitions.covered).toBe(report.definitions.upstreamTotal);
      expect(report.definitions.uncovered).toEqual([]);
      expect(report.methods.clientRequests.covered).toBe(report.methods.clientRequests.upstreamTotal);
      expect(report.methods.clientRequests.covered).toBeGreaterThan(50);
    }, 120_000);
  }
});
