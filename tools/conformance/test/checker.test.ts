import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleFromDocument,
  checkBundle,
  cloneJson,
  compareDefinition,
  compareSchemas,
  compareUnionLevel,
  failuresOf,
  isObject,
  prepare,
  type JsonObject,
  type JsonValue,
  type SchemaBundle,
  UNION_LEVEL_ITEM,
} from '../src/index.js';
import { generateUpstream, type UpstreamFixture } from './helpers.js';

let up: UpstreamFixture;
beforeAll(() => {
  up = generateUpstream();
  return () => {
    up.cleanup();
  };
});

/** A copy of `bundle` with definition `name` (in whichever namespace holds it) changed by `edit`. */
function mutated(bundle: SchemaBundle, name: string, edit: (schema: JsonObject) => void): SchemaBundle {
  const doc = cloneJson(bundle.document);
  const defs = doc['definitions'] as JsonObject;
  const v2 = defs['v2'] as JsonObject;
  const target = (name in v2 ? v2[name] : defs[name]) as JsonValue;
  if (!isObject(target)) throw new Error(`no definition ${name}`);
  edit(target);
  return bundleFromDocument(doc, `mutated/${name}`);
}

function prop(schema: JsonObject, name: string): JsonObject {
  const p = (schema['properties'] as JsonObject)[name];
  if (!isObject(p)) throw new Error(`no property ${name}`);
  return p;
}

/** Runs the structural and the behavioural check separately; each must flag the mutation on its own. */
function verdicts(ours: SchemaBundle, name: string) {
  const structural = compareDefinition(name, ours, up.experimental, { structuralOnly: true });
  const full = compareDefinition(name, ours, up.experimental, { behaviour: { samplesPerSide: 16, maxMutants: 400 } });
  return { structural, behaviour: full.behaviour };
}

describe('checker flags mutations of an upstream definition', () => {
  it('a field made required', () => {
    const ours = mutated(up.experimental, 'ClientInfo', (s) => {
      (s['required'] as string[]).push('title');
    });
    const { structural, behaviour } = verdicts(ours, 'ClientInfo');
    expect(structural.equivalent).toBe(false);
    expect(structural.reasons.join('\n')).toMatch(/ClientInfo: required differs: required only in ours \["title"\]/);
    // An upstream sample (or a mutant) without "title" is accepted upstream and rejected by ours.
    expect(behaviour?.disagreement).toBeDefined();
    expect(behaviour?.disagreement?.ours.valid).toBe(false);
    expect(behaviour?.disagreement?.upstream.valid).toBe(true);
  });

  it('an enum member dropped', () => {
    const ours = mutated(up.experimental, 'SandboxMode', (s) => {
      s['enum'] = (s['enum'] as string[]).filter((v) => v !== 'danger-full-access');
    });
    const { structural, behaviour } = verdicts(ours, 'SandboxMode');
    expect(structural.reasons.join('\n')).toMatch(/string enum differs.*only upstream: \["danger-full-access"\]/);
    expect(behaviour?.disagreement?.instance).toBe('danger-full-access');
    expect(behaviour?.disagreement?.origin).toBe('upstream-sample');
  });

  it('integer changed to number (format kept: structural only; format double: behavioural too)', () => {
    const keptFormat = mutated(up.experimental, 'ByteRange', (s) => {
      prop(s, 'end')['type'] = 'number';
    });
    const a = verdicts(keptFormat, 'ByteRange');
    expect(a.structural.reasons.join('\n')).toMatch(
      /ByteRange\.end: numeric type differs: ours number, upstream integer/,
    );
    // The uint format alone still forces integers, so both validators agree: behaviour must not invent a difference.
    expect(a.behaviour?.disagreement).toBeUndefined();

    const asDouble = mutated(up.experimental, 'ByteRange', (s) => {
      const end = prop(s, 'end');
      end['type'] = 'number';
      end['format'] = 'double';
    });
    const b = verdicts(asDouble, 'ByteRange');
    expect(b.structural.reasons.join('\n')).toMatch(/numeric type differs/);
    expect(b.structural.reasons.join('\n')).toMatch(/format differs: ours double, upstream uint/);
    // A non-integer (a double sampled from ours, or a "non-integer" mutant) is accepted by ours only.
    expect(Number.isInteger((b.behaviour?.disagreement?.instance as JsonObject | undefined)?.['end'])).toBe(false);
    expect(b.behaviour?.disagreement?.ours.valid).toBe(true);
    expect(b.behaviour?.disagreement?.upstream.valid).toBe(false);
  });

  it('nullable made non-nullable (type list and anyOf-with-null forms)', () => {
    const typeList = mutated(up.experimental, 'ClientInfo', (s) => {
      prop(s, 'title')['type'] = 'string';
    });
    const a = verdicts(typeList, 'ClientInfo');
    expect(a.structural.reasons.join('\n')).toMatch(/ClientInfo\.title: variant null is upstream but not in ours/);
    expect(a.behaviour?.disagreement).toBeDefined();
    expect(a.behaviour?.disagreement?.upstream.valid).toBe(true);

    const anyOfNull = mutated(up.experimental, 'ThreadStartParams', (s) => {
      const p = prop(s, 'approvalPolicy');
      p['anyOf'] = (p['anyOf'] as JsonObject[]).filter((b) => b['type'] !== 'null');
    });
    const b = verdicts(anyOfNull, 'ThreadStartParams');
    expect(b.structural.reasons.join('\n')).toMatch(
      /ThreadStartParams\.approvalPolicy: variant null is upstream but not in ours/,
    );
    expect(b.behaviour?.disagreement).toBeDefined();
  });

  it('additionalProperties: false added', () => {
    const ours = mutated(up.experimental, 'TurnInterruptParams', (s) => {
      s['additionalProperties'] = false;
    });
    const { structural, behaviour } = verdicts(ours, 'TurnInterruptParams');
    expect(structural.reasons.join('\n')).toMatch(
      /additionalProperties:false differs: ours false, upstream "\(absent\)"/,
    );
    expect(behaviour?.disagreement?.mutation).toMatch(/extra property/);
    expect(behaviour?.disagreement?.ours.valid).toBe(false);
    expect(behaviour?.disagreement?.upstream.valid).toBe(true);
  });

  it('a property renamed, a tagged-union variant dropped, an unsigned format made signed', () => {
    const renamed = mutated(up.experimental, 'TurnInterruptParams', (s) => {
      const props = s['properties'] as JsonObject;
      props['turnID'] = props['turnId'] as JsonValue;
      delete props['turnId'];
      s['required'] = ['threadId', 'turnID'];
    });
    expect(verdicts(renamed, 'TurnInterruptParams').structural.reasons.join('\n')).toMatch(
      /property names differ: only ours \["turnID"\], only upstream \["turnId"\]/,
    );

    const dropped = mutated(up.experimental, 'ThreadStatus', (s) => {
      s['oneOf'] = (s['oneOf'] as JsonObject[]).filter((v) => !JSON.stringify(v).includes('"systemError"'));
    });
    const d = verdicts(dropped, 'ThreadStatus');
    expect(d.structural.reasons.join('\n')).toMatch(/variant object\[type=systemError\] is upstream but not in ours/);
    expect(d.behaviour?.disagreement).toBeDefined();

    const signed = mutated(up.experimental, 'ByteRange', (s) => {
      const start = prop(s, 'start');
      start['format'] = 'int64';
      delete start['minimum'];
    });
    const g = verdicts(signed, 'ByteRange');
    expect(g.structural.reasons.join('\n')).toMatch(/ByteRange\.start: format differs: ours int64, upstream uint/);
    // A negative start (sampled from ours' int64 range, or a "negative" mutant) is accepted by ours only.
    expect((g.behaviour?.disagreement?.instance as JsonObject | undefined)?.['start']).toBeLessThan(0);
    expect(g.behaviour?.disagreement?.ours.valid).toBe(true);
    expect(g.behaviour?.disagreement?.upstream.valid).toBe(false);
  });

  it('a whole-bundle check reports the mutated definition, dependants and name mismatches', () => {
    const doc = cloneJson(up.experimental.document);
    const v2 = (doc['definitions'] as JsonObject)['v2'] as JsonObject;
    (v2['ThreadArchiveParams'] as JsonObject)['additionalProperties'] = false;
    v2['ThreadArchiveParamz'] = v2['ThreadUnarchiveParams'] as JsonValue;
    const clientRequest = (doc['definitions'] as JsonObject)['ClientRequest'] as JsonObject;
    const variants = clientRequest['oneOf'] as JsonObject[];
    const bogus = cloneJson<JsonObject>(variants[0]!);
    prop(bogus, 'method')['enum'] = ['thread/bogus'];
    variants.push(bogus);
    const ours = bundleFromDocument(doc, 'mutated');
    // Definitions are restricted to a few names to keep this fast; name coverage is still computed for all.
    const only = ['ThreadArchiveParams', 'ThreadUnarchiveParams', 'ThreadStartParams', 'RequestId'];
    const report = checkBundle('experimental', prepare(ours), prepare(up.experimental), {
      only,
      behaviour: { samplesPerSide: 4, maxMutants: 32 },
    });
    const failures = failuresOf(report).join('\n');
    expect(report.definitions.unknown).toEqual(['ThreadArchiveParamz']);
    expect(report.methods.clientRequests.unknown).toEqual(['thread/bogus']);
    expect(report.definitions.notEquivalent.map((n) => n.name)).toEqual(['ThreadArchiveParams']);
    expect(report.methods.clientRequests.notEquivalent.map((n) => n.name)).toEqual(['thread/archive']);
    expect(failures).toMatch(/definition "ThreadArchiveParamz" is in our schema but not upstream/);
    expect(failures).toMatch(/clientRequests "thread\/bogus" is in our schema but not upstream/);
    expect(failures).toMatch(
      /clientRequests "thread\/archive" is not equivalent: params ThreadArchiveParams is not equivalent/,
    );
  }, 60_000);

  it('a partial schema: uncovered upstream items are reported, not failed', () => {
    const doc = cloneJson(up.stable.document);
    const keep = new Set(['ThreadArchiveParams', 'RequestId']);
    const all = doc['definitions'] as JsonObject;
    const allV2 = all['v2'] as JsonObject;
    const v2 = Object.fromEntries(Object.entries(allV2).filter(([k]) => keep.has(k)));
    const defs = Object.fromEntries(Object.entries(all).filter(([k]) => keep.has(k) || k === 'ClientRequest'));
    defs['v2'] = v2;
    doc['definitions'] = defs;
    // Moved from v2 to the top level: reported as misplaced, not a failure.
    defs['ThreadArchiveResponse'] = allV2['ThreadArchiveResponse'] as JsonValue;
    const cr = defs['ClientRequest'] as JsonObject;
    cr['oneOf'] = (cr['oneOf'] as JsonObject[]).filter((v) => JSON.stringify(v).includes('"thread/archive"'));
    const report = checkBundle('stable', bundleFromDocument(doc, 'partial'), up.stable, {
      behaviour: { samplesPerSide: 4 },
    });
    expect(failuresOf(report)).toEqual([]);
    expect(report.definitions.covered).toBe(3);
    expect(report.definitions.equivalent).toBe(3);
    expect(report.definitions.uncovered.length).toBe(report.definitions.upstreamTotal - 3);
    expect(report.misplaced).toEqual(['ThreadArchiveResponse']);
    expect(report.methods.clientRequests.covered).toBe(1);
    expect(report.methods.serverNotifications.covered).toBe(0);
    expect(report.methods.serverNotifications.uncovered.length).toBe(report.methods.serverNotifications.upstreamTotal);
  });
});

describe('checker compares the members a method union declares beside its oneOf', () => {
  /** A copy of upstream's experimental bundle with the root `ServerNotification` union changed by `edit`. */
  function withServerNotification(edit: (union: JsonObject) => void): SchemaBundle {
    const doc = cloneJson(up.experimental.document);
    const union = (doc['definitions'] as JsonObject)['ServerNotification'];
    if (!isObject(union)) throw new Error('upstream has no ServerNotification');
    edit(union);
    return bundleFromDocument(doc, 'mutated/ServerNotification');
  }

  it('upstream declares emittedAtMs on ServerNotification, and agrees with itself', () => {
    const union = (up.experimental.document['definitions'] as JsonObject)['ServerNotification'] as JsonObject;
    expect(Object.keys(union['properties'] as JsonObject)).toEqual(['emittedAtMs']);
    for (const name of ['ClientRequest', 'ServerRequest', 'ServerNotification', 'ClientNotification'])
      expect(compareUnionLevel(name, up.experimental, up.experimental)).toEqual([]);
  });

  it('a missing union-level property fails the method group, though every method still matches', () => {
    const ours = withServerNotification((u) => {
      delete u['properties'];
    });
    const report = checkBundle('experimental', ours, up.experimental, { only: ['RequestId'], structuralOnly: true });
    const group = report.methods.serverNotifications;
    expect(group.covered).toBe(group.upstreamTotal);
    expect(group.notEquivalent.map((n) => n.name)).toEqual([UNION_LEVEL_ITEM]);
    expect(failuresOf(report).join('\n')).toMatch(
      /serverNotifications "\(union-level members\)" is not equivalent: ServerNotification: union-level property "emittedAtMs" is missing from ours/,
    );
    expect(report.methods.clientRequests.notEquivalent).toEqual([]);
  }, 60_000);

  it('a changed, an extra and a required union-level property are each reported', () => {
    const ours = withServerNotification((u) => {
      const props = u['properties'] as JsonObject;
      prop(u, 'emittedAtMs')['format'] = 'int32';
      props['sentBy'] = { type: 'string' };
      u['required'] = ['emittedAtMs'];
    });
    const reasons = compareUnionLevel('ServerNotification', ours, up.experimental).join('\n');
    expect(reasons).toMatch(/ServerNotification\.properties\.emittedAtMs.*int32/);
    expect(reasons).toMatch(/union-level property "sentBy" is only in ours/);
    expect(reasons).toMatch(/union-level required differs: only in ours \["emittedAtMs"\]/);
  });
});

describe('representation-independent structural comparison', () => {
  const bundle = (defs: JsonObject) => bundleFromDocument({ definitions: defs }, 'inline');
  const cmp = (a: JsonValue, b: JsonValue, defsA: JsonObject = {}, defsB: JsonObject = {}) =>
    compareSchemas({ bundle: bundle(defsA), schema: a }, { bundle: bundle(defsB), schema: b }, 'X');

  it('treats type lists, anyOf-with-null and per-value enum variants as equal', () => {
    expect(cmp({ type: ['string', 'null'] }, { anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual([]);
    expect(
      cmp(
        { type: 'string', enum: ['a', 'b'] },
        {
          oneOf: [
            { type: 'string', enum: ['a'] },
            { type: 'string', enum: ['b'], description: 'b' },
          ],
        },
      ),
    ).toEqual([]);
    expect(
      cmp(
        { allOf: [{ $ref: '#/definitions/A' }], description: 'x' },
        { $ref: '#/definitions/A' },
        { A: { type: 'string' } },
        { A: { type: 'string' } },
      ),
    ).toEqual([]);
  });

  it('inlined schema vs a reference to an identical definition is equal; a different one is not', () => {
    const a = { type: 'object', properties: { x: { type: 'integer', format: 'uint32', minimum: 0 } }, required: ['x'] };
    expect(cmp(a, { $ref: '#/definitions/A' }, {}, { A: a })).toEqual([]);
    const diffs = cmp(a, { $ref: '#/definitions/A' }, {}, { A: { ...a, required: [] } });
    expect(diffs.map((d) => d.message).join()).toMatch(/required differs/);
  });

  it('matches tagged variants by tag value regardless of order', () => {
    const v = (t: string, extra: JsonObject = {}) => ({
      type: 'object',
      properties: { type: { type: 'string', enum: [t] }, ...extra },
      required: ['type'],
    });
    expect(cmp({ oneOf: [v('a'), v('b')] }, { oneOf: [v('b'), v('a')] })).toEqual([]);
    const diffs = cmp(
      { oneOf: [v('a'), v('b', { n: { type: 'integer' } })] },
      { oneOf: [v('b', { n: { type: 'number' } }), v('a')] },
    );
    expect(diffs).toEqual([
      { path: 'X<object[type=b]>.n', message: 'numeric type differs: ours integer, upstream number' },
    ]);
  });
});
