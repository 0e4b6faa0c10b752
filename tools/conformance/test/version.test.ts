import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BASELINE_COMMAND,
  baselineFailures,
  baselineOf,
  bundleFromDocument,
  compareWithBaseline,
  diffBundle,
  diffEntries,
  formatDiff,
  loadBundle,
  ourSchemaDirs,
  parseBaseline,
  pinnedCodex,
  readBaseline,
  writeBaseline,
  type JsonObject,
  type ProtocolDiff,
  type VersionBaseline,
} from '../src/index.js';
import { generateUpstream, type UpstreamFixture } from './helpers.js';

/** The committed allow-list (regenerate with `pnpm --filter @cask/conformance version:baseline`). */
const BASELINE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'version-baseline.json');

// ---------------------------------------------------------------------------------------------------------------
// Synthetic schemas: small bundles shaped like upstream's, to pin down what the comparison reports.
// ---------------------------------------------------------------------------------------------------------------

const ref = (name: string) => ({ $ref: `#/definitions/v2/${name}` });

/** A `ClientRequest`-style variant: `{id, method: <name>, params: $ref}`. */
function request(method: string, params: string): JsonObject {
  return {
    type: 'object',
    required: ['id', 'method', 'params'],
    properties: {
      id: { type: 'integer', format: 'int64' },
      method: { type: 'string', enum: [method] },
      params: ref(params),
    },
  };
}

/** A notification variant: `{method: <name>, params: $ref}`. */
function notification(method: string, params: string): JsonObject {
  return {
    type: 'object',
    required: ['method', 'params'],
    properties: { method: { type: 'string', enum: [method] }, params: ref(params) },
  };
}

const obj = (properties: JsonObject, required: string[]): JsonObject => ({ type: 'object', properties, required });

/**
 * Upstream: methods `same/method` (params `Same`), `changed/method` (params `Changed`), `new/method` (params `Added`),
 * notification `same/notify`; definitions `Same`, `Changed` (an int32 field), `Added`.
 */
const upstreamDoc: JsonObject = {
  definitions: {
    ClientRequest: {
      oneOf: [request('same/method', 'Same'), request('changed/method', 'Changed'), request('new/method', 'Added')],
    },
    ServerNotification: { oneOf: [notification('same/notify', 'Same')] },
    v2: {
      Same: obj({ name: { type: 'string' }, size: { type: ['integer', 'null'], format: 'uint32', minimum: 0 } }, [
        'name',
      ]),
      Changed: obj({ count: { type: 'integer', format: 'int32' } }, ['count']),
      Added: obj({ flag: { type: 'boolean' } }, ['flag']),
    },
  },
};

/**
 * Ours: `Same` written differently but equivalently (`anyOf` instead of a type list), `Changed` with `count` a string,
 * no `Added`/`new/method`, and an extra `Gone` with method `old/method` and notification `old/notify`.
 */
const oursDoc: JsonObject = {
  definitions: {
    ClientRequest: {
      oneOf: [request('same/method', 'Same'), request('changed/method', 'Changed'), request('old/method', 'Gone')],
    },
    ServerNotification: { oneOf: [notification('same/notify', 'Same'), notification('old/notify', 'Gone')] },
    v2: {
      Same: obj(
        {
          name: { type: 'string' },
          size: { anyOf: [{ type: 'integer', format: 'uint32', minimum: 0 }, { type: 'null' }] },
        },
        ['name'],
      ),
      Changed: obj({ count: { type: 'string' } }, ['count']),
      Gone: obj({ id: { type: 'string' } }, ['id']),
    },
  },
};

function syntheticDiff(ours = oursDoc, upstream = upstreamDoc, codexVersion = '9.9.9'): ProtocolDiff {
  const o = bundleFromDocument(ours, 'ours/synthetic');
  const u = bundleFromDocument(upstream, 'upstream/synthetic');
  return { codexVersion, bundles: [diffBundle('stable', o, u), diffBundle('experimental', o, u)] };
}

describe('protocol diff on synthetic schemas', () => {
  const diff = syntheticDiff();
  const stable = diff.bundles[0]!.kinds;

  it('reports an added definition and method (upstream has them, ours does not)', () => {
    expect(stable.definitions.added).toEqual(['Added']);
    expect(stable.clientRequests.added).toEqual(['new/method']);
  });

  it('reports a removed definition, method and notification (ours has them, upstream does not)', () => {
    expect(stable.definitions.removed).toEqual(['Gone']);
    expect(stable.clientRequests.removed).toEqual(['old/method']);
    expect(stable.serverNotifications.removed).toEqual(['old/notify']);
  });

  it('reports a changed definition with the checker reasons, and the method whose params changed', () => {
    expect(stable.definitions.changed.map((c) => c.name)).toEqual(['Changed']);
    expect(stable.definitions.changed[0]!.reasons.join('\n')).toMatch(/Changed\.count/);
    expect(stable.clientRequests.changed.map((c) => c.name)).toEqual(['changed/method']);
    expect(stable.clientRequests.changed[0]!.reasons).toContain('params Changed is not equivalent');
  });

  it('does not report an unchanged definition, method or notification (even when written differently)', () => {
    const names = diffEntries(diff).map((e) => e.name);
    expect(names).not.toContain('Same');
    expect(names).not.toContain('same/method');
    expect(names).not.toContain('same/notify');
    // The method unions are compared method by method, never as definitions.
    expect(names).not.toContain('ClientRequest');
    expect(names).not.toContain('ServerNotification');
  });

  it('reports nothing for a schema compared with itself', () => {
    expect(diffEntries(syntheticDiff(upstreamDoc, upstreamDoc))).toEqual([]);
  });

  it('formats every difference, with reasons, and per-kind counts', () => {
    const text = formatDiff(diff);
    expect(text).toMatch(/^Protocol differences against codex 9\.9\.9: 14$/m);
    expect(text).toContain('client requests: 1 added, 1 removed, 1 changed');
    expect(text).toContain('definitions added upstream (missing from ours): Added');
    expect(text).toContain('definitions removed upstream (only in ours): Gone');
    expect(text).toContain('client requests added upstream (missing from ours): new/method');
    expect(text).toMatch(/definition changed: Changed\n\s+- Changed\.count/);
  });
});

describe('baseline', () => {
  const diff = syntheticDiff();

  it('accepts exactly the differences it was made from', () => {
    const baseline = baselineOf(diff);
    expect(baseline.$comment).toContain(BASELINE_COMMAND);
    expect(baseline.bundles.stable.definitions).toEqual({ added: ['Added'], removed: ['Gone'], changed: ['Changed'] });
    const cmp = compareWithBaseline(diff, baseline);
    expect(cmp).toEqual({ unexpected: [], stale: [] });
    expect(baselineFailures(cmp, baseline)).toEqual([]);
  });

  it('fails on a difference the baseline does not list', () => {
    const baseline = baselineOf(diff);
    baseline.bundles.experimental.clientRequests.added = [];
    const failures = baselineFailures(compareWithBaseline(diff, baseline), baseline);
    expect(failures).toEqual([
      'new difference: experimental: client request "new/method" added upstream (missing from ours)',
    ]);
  });

  it('fails on a baseline entry that is no longer a difference (the baseline only shrinks)', () => {
    const baseline = baselineOf(diff);
    baseline.bundles.stable.definitions.changed.push('Same');
    const failures = baselineFailures(compareWithBaseline(diff, baseline), baseline);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^stale baseline entry .*version:baseline.*stable: definition "Same" changed/);
  });

  it('fails when a non-empty baseline was made for another upstream version; an empty one does not', () => {
    const old = baselineOf(syntheticDiff(oursDoc, upstreamDoc, '1.0.0'));
    const failures = baselineFailures(compareWithBaseline(diff, old), old, 'b.json');
    expect(failures).toEqual([
      expect.stringMatching(/^b\.json was generated against codex 1\.0\.0, the pinned version is 9\.9\.9/),
    ]);

    const clean = syntheticDiff(upstreamDoc, upstreamDoc);
    const empty = baselineOf(syntheticDiff(upstreamDoc, upstreamDoc, '1.0.0'));
    const cmp = compareWithBaseline(clean, empty);
    expect(cmp.versionMismatch).toEqual({ baseline: '1.0.0', pinned: '9.9.9' });
    expect(baselineFailures(cmp, empty)).toEqual([]);
  });

  it('round-trips through a file and rejects malformed files naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cask-version-test-'));
    try {
      const file = join(dir, 'baseline.json');
      const baseline = baselineOf(diff);
      writeBaseline(file, baseline);
      expect(readBaseline(file)).toEqual(baseline);

      const broken = JSON.parse(JSON.stringify(baseline)) as {
        bundles: { stable: { definitions: Record<string, unknown> } };
      };
      broken.bundles.stable.definitions['renamed'] = [];
      writeFileSync(file, JSON.stringify(broken));
      expect(() => readBaseline(file)).toThrow(/bundles\.stable\.definitions\.renamed is not a change/);
      expect(() => parseBaseline({ codexVersion: '1', bundles: { stable: {} } }, 'x.json')).toThrow(
        /x\.json: bundles\.stable\.definitions must be an object/,
      );
      expect(() => readBaseline(join(dir, 'missing.json'))).toThrow(
        /does not exist; generate it with `pnpm --filter @cask\/conformance version:baseline`/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The live check: our committed schema against the pinned upstream binary's output, generated now.
// ---------------------------------------------------------------------------------------------------------------

describe(`version check against the pinned upstream codex ${pinnedCodex().version}`, () => {
  let up: UpstreamFixture;
  beforeAll(() => {
    up = generateUpstream();
    return () => {
      up.cleanup();
    };
  });

  it('differs from our schema only by what version-baseline.json accepts', () => {
    const ours = ourSchemaDirs();
    const diff: ProtocolDiff = {
      codexVersion: pinnedCodex().version,
      bundles: [
        diffBundle('stable', loadBundle(ours.stable, 'ours/stable'), up.stable),
        diffBundle('experimental', loadBundle(ours.experimental, 'ours/experimental'), up.experimental),
      ],
    };
    // The full list, whether the check passes or not: this is what a maintainer reads when bumping @openai/codex.
    console.log(formatDiff(diff));
    const baseline: VersionBaseline = readBaseline(BASELINE_FILE);
    const failures = baselineFailures(compareWithBaseline(diff, baseline), baseline, BASELINE_FILE);
    if (failures.length) console.log(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
  }, 180_000);
});
