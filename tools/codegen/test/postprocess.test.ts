import { describe, expect, it } from 'vitest';
import { generateSchema, BUNDLE_FILE, RESULT_KEYWORD } from '../src/index.js';
import { buildUnion } from '../src/layout.js';
import { mergeIntersections, type Definitions } from '../src/postprocess.js';

const obj = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) =>
  ({ type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...extra }) as Definitions[string];

describe('rule 1c: mergeIntersections', () => {
  it('merges an allOf of object schemas into one object (properties and required united)', () => {
    const defs: Definitions = {
      A: {
        description: 'whole',
        allOf: [
          obj({ a: { type: 'string' } }, ['a']),
          obj({ b: { type: 'number' } }, ['b'], { additionalProperties: false }),
        ],
      },
    };
    expect(mergeIntersections(defs).A).toEqual({
      description: 'whole',
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' } },
      required: ['a', 'b'],
      additionalProperties: false,
    });
  });

  it('distributes over a union inside the allOf and flattens the result into the outer anyOf', () => {
    const defs: Definitions = {
      U: {
        anyOf: [
          obj({ type: { enum: ['text'] } }, ['type']),
          {
            allOf: [
              obj({ type: { enum: ['image'] }, detail: { $ref: '#/definitions/D' } }, ['type']),
              { anyOf: [obj({ url: { type: 'string' } }, ['url']), obj({ fileId: { type: 'string' } }, ['fileId'])] },
            ],
          },
        ],
      },
      D: { enum: ['low', 'high'], type: 'string' },
    };
    const out = mergeIntersections(defs).U as { anyOf: { properties: Record<string, unknown>; required: string[] }[] };
    expect(out.anyOf).toHaveLength(3);
    expect(out.anyOf.map((v) => v.required)).toEqual([['type'], ['type', 'url'], ['fileId', 'type']]);
    expect(out.anyOf[1]!.properties.detail).toEqual({ $ref: '#/definitions/D' });
    expect(Object.keys(out.anyOf[2]!.properties).sort()).toEqual(['detail', 'fileId', 'type']);
  });

  it('inlines a reference to an object definition inside an intersection', () => {
    const defs: Definitions = {
      Timing: obj({ startedAtMs: { type: 'integer' } }),
      Item: { allOf: [{ $ref: '#/definitions/Timing' }, obj({ id: { type: 'string' } }, ['id'])] },
    };
    expect(mergeIntersections(defs).Item).toEqual(
      obj({ startedAtMs: { type: 'integer' }, id: { type: 'string' } }, ['id']),
    );
  });

  it('keeps an annotated reference wrapper (allOf with one $ref)', () => {
    const defs: Definitions = {
      P: obj({ x: { description: 'd', allOf: [{ $ref: '#/definitions/Q' }] } }),
      Q: { type: 'string' },
    };
    expect(mergeIntersections(defs)).toEqual(defs);
  });

  it('fails with the definition and property named when a property is declared twice differently', () => {
    const defs: Definitions = {
      Bad: { allOf: [obj({ x: { type: 'string' } }), obj({ x: { type: 'number' } })] },
    };
    expect(() => mergeIntersections(defs)).toThrow(/Bad: the intersection declares property `x` twice/);
  });

  it('fails on parts that disagree on additionalProperties, and on non-object members', () => {
    expect(() =>
      mergeIntersections({
        Bad: {
          allOf: [
            obj({}, [], { additionalProperties: false }),
            obj({}, [], { additionalProperties: { type: 'string' } }),
          ],
        },
      }),
    ).toThrow(/Bad: the parts of the intersection disagree on additionalProperties/);
    expect(() => mergeIntersections({ Str: { allOf: [{ type: 'string' }, obj({})] } })).toThrow(
      /Str: an intersection member is not a plain object type/,
    );
  });
});

describe('x-result (method → result link)', () => {
  it('writes a $ref to the result type, or {"type":"null"} for a method without result', () => {
    const union = buildUnion('ClientRequest', [
      { method: 'a/b', experimental: false, params: { kind: 'required', type: 'AParams' }, result: 'AResponse' },
      { method: 'c', experimental: false, params: { kind: 'none' }, result: null },
    ]) as { oneOf: Record<string, unknown>[] };
    expect(union.oneOf[0]![RESULT_KEYWORD]).toEqual({ $ref: '#/definitions/AResponse' });
    expect(union.oneOf[1]![RESULT_KEYWORD]).toEqual({ type: 'null' });
    const notes = buildUnion('ServerNotification', [
      { method: 'n', experimental: false, params: { kind: 'none' } },
    ]) as {
      oneOf: Record<string, unknown>[];
    };
    expect(notes.oneOf[0]).not.toHaveProperty(RESULT_KEYWORD);
  });
});

describe('generated intersections', () => {
  it('UserInput and ThreadItem variants are flat objects and keep references to aliases', () => {
    interface Branch {
      required: string[];
      allOf?: unknown;
      properties: Record<string, { enum?: string[]; anyOf?: unknown[] }>;
    }
    const bundle = JSON.parse(generateSchema({ experimental: true }).get(BUNDLE_FILE)!) as {
      definitions: { v2: { UserInput: { anyOf: Branch[] }; ThreadItem: { anyOf: Branch[] } } };
    };
    const v2 = bundle.definitions.v2;
    // The only allOf left is the annotated-reference wrapper `allOf: [{$ref}]`.
    const allOfs: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${path}/${i}`));
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (
          Array.isArray(o.allOf) &&
          !(o.allOf.length === 1 && typeof (o.allOf[0] as { $ref?: unknown }).$ref === 'string')
        )
          allOfs.push(path);
        for (const [k, v] of Object.entries(o)) visit(v, `${path}/${k}`);
      }
    };
    visit(bundle, '');
    expect(allOfs).toEqual([]);
    const images = v2.UserInput.anyOf.filter((b) => b.properties.type?.enum?.[0] === 'image');
    expect(images.map((b) => b.required)).toEqual([
      ['type', 'url'],
      ['fileId', 'type'],
    ]);
    for (const b of images) expect(b.properties.detail?.anyOf?.[0]).toEqual({ $ref: '#/definitions/v2/ImageDetail' });
    for (const b of v2.ThreadItem.anyOf) {
      expect(b.allOf).toBeUndefined();
      expect(Object.keys(b.properties)).toEqual(expect.arrayContaining(['startedAtMs', 'completedAtMs', 'type']));
    }
    // Generating the whole schema takes several seconds on a loaded machine.
  }, 120_000);
});
