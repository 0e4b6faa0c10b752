/**
 * The schema-only tags of rule 1b (`@nullableInSchema`, `@schemaName`,
 * `@untypedInSchema`), the `@notInSchemaUnion` map-entry tag, rule 2b's
 * `JsonValue | null` marker and the fold of a definition that
 * typescript-json-schema writes as a reference to its own duplicate: each
 * checked on the generated protocol schema (with the rules on, and off as the
 * round trip uses it) and, where it is a pure function, on small inputs.
 */
import { describe, expect, it } from 'vitest';
import { FLAT_V2_FILE, generateSchema } from '../src/index.js';
import { isObject, type Json, type JsonObject } from '../src/json.js';
import { optionFieldsNotRequired } from '../src/option-fields.js';
import { collapseAnything, inlineHelperDefinitions, type Definitions } from '../src/postprocess.js';
import { loadProtocol } from '../src/protocol.js';
import { withNull } from '../src/source-refs.js';

function definitions(optionRule: boolean): JsonObject {
  const text = generateSchema({ experimental: true, optionRule }).get(FLAT_V2_FILE);
  if (text === undefined) throw new Error(`no ${FLAT_V2_FILE}`);
  const bundle: unknown = JSON.parse(text);
  if (!isObject(bundle) || !isObject(bundle.definitions)) throw new Error('bundle without definitions');
  return bundle.definitions;
}

function at(node: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let cur = node;
  for (const key of path) {
    if (typeof key === 'number') cur = Array.isArray(cur) ? cur[key] : undefined;
    else cur = isObject(cur) ? cur[key] : undefined;
  }
  return cur;
}

function list(node: Json | undefined): Json[] {
  return Array.isArray(node) ? node : [];
}

function keys(node: Json | undefined): string[] {
  return isObject(node) ? Object.keys(node).sort() : [];
}

/** The variant of a `oneOf`/`anyOf` whose `tag` property has the single value `value`. */
function variant(def: Json | undefined, tag: string, value: string): JsonObject {
  const branches = [...list(at(def, 'oneOf')), ...list(at(def, 'anyOf'))];
  const hit = branches.find((b) => JSON.stringify(at(b, 'properties', tag, 'enum')) === JSON.stringify([value]));
  if (!isObject(hit)) throw new Error(`no variant ${tag}=${value}`);
  return hit;
}

describe('schema-only tags on the generated protocol schema', () => {
  const wire = definitions(true);
  const faithful = definitions(false);

  it('@nullableInSchema: `description?: string` is nullable and not required in the schema only', () => {
    expect(at(wire, 'Tool', 'properties', 'description')).toEqual({ type: ['string', 'null'] });
    expect(at(faithful, 'Tool', 'properties', 'description')).toEqual({ type: 'string' });
    expect(at(wire, 'Tool', 'required')).not.toContain('description');
    // A reference is wrapped the way upstream writes `Option<T>`.
    const detail = at(variant(wire.FunctionCallOutputContentItem, 'type', 'input_image'), 'properties', 'detail');
    expect(at(detail, 'anyOf')).toEqual([{ $ref: '#/definitions/ImageDetail' }, { type: 'null' }]);
  });

  it('@schemaName: the wire name in the TypeScript, upstream schema spelling in the schema', () => {
    const started = variant(wire.ThreadTimelineEntry, 'type', 'turnStarted');
    expect(keys(at(started, 'properties'))).toEqual(['position', 'started_at', 'turn_id', 'type']);
    expect(at(started, 'required')).toEqual(['position', 'turn_id', 'type']);
    expect(at(started, 'properties', 'turn_id', 'x-wire-name')).toBe('turnId');
    const faithfulStarted = variant(faithful.ThreadTimelineEntry, 'type', 'turnStarted');
    expect(keys(at(faithfulStarted, 'properties'))).toEqual(['position', 'startedAt', 'turnId', 'type']);
  });

  it('@untypedInSchema: the map entries are typed in the TypeScript, open in the schema', () => {
    expect(at(wire, 'AppToolsConfig', 'additionalProperties')).toBeUndefined();
    expect(at(faithful, 'AppToolsConfig', 'additionalProperties')).toEqual({
      $ref: '#/definitions/AppToolConfig',
    });
  });

  it('rule 2b: `JsonValue | null` is any JSON and not required (serde Option<Value>)', () => {
    expect(at(wire, 'McpToolCallResult', 'properties', 'structuredContent')).toBeDefined();
    expect(at(wire, 'McpToolCallResult', 'required')).toEqual(['content']);
    expect(JSON.stringify(wire)).not.toContain('x-cask-');
  });

  it('@notInSchemaUnion: the raw-response notifications are in the map but not in the schema union', () => {
    const methods = list(at(wire, 'ServerNotification', 'oneOf')).map((v) =>
      JSON.stringify(at(v, 'properties', 'method', 'enum')),
    );
    expect(methods).toContain(JSON.stringify(['item/completed']));
    expect(methods).not.toContain(JSON.stringify(['rawResponseItem/completed']));
    expect(loadProtocol().maps.ServerNotification.map((e) => e.method)).not.toContain('rawResponse/completed');
    expect(wire.RawResponseItemCompletedNotification).toBeDefined();
  });
});

describe('withNull (the schema of T | null)', () => {
  it('spells null the way typescript-json-schema does before rule 6', () => {
    expect(withNull({ type: 'string' }, 'x')).toEqual({ type: ['string', 'null'] });
    expect(withNull({ type: ['string', 'number'] }, 'x')).toEqual({ type: ['string', 'number', 'null'] });
    expect(withNull({ $ref: '#/definitions/A', description: 'd' }, 'x')).toEqual({
      description: 'd',
      anyOf: [{ $ref: '#/definitions/A' }, { type: 'null' }],
    });
    expect(withNull({ anyOf: [{ type: 'string' }] }, 'x')).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(withNull({ type: 'string', enum: ['a'] }, 'x')).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    // Any JSON already admits null.
    expect(withNull(true, 'x')).toBe(true);
    expect(withNull({ description: 'any' }, 'x')).toEqual({ description: 'any' });
  });
  it('names the property when the schema cannot be made nullable', () => {
    expect(() => withNull({ not: {} }, 'Foo.bar')).toThrow(/Foo\.bar.*no type, \$ref or anyOf/);
  });
});

describe('rule 2b and rule 9 on small inputs', () => {
  it('keeps `JsonValue | null` out of required, while a plain `JsonValue` stays required', () => {
    const defs: Definitions = {
      A: {
        type: 'object',
        properties: { opt: { anyOf: [true, { type: 'null' }] }, any: true },
        required: ['any', 'opt'],
      },
    };
    expect(optionFieldsNotRequired(collapseAnything(defs)).A).toEqual({
      type: 'object',
      properties: { opt: true, any: true },
      required: ['any'],
    });
  });
});

describe('rule 1: a definition written as a reference to its own duplicate', () => {
  it('takes the duplicate as the definition, keeping the annotations', () => {
    const defs: Definitions = {
      A: { description: 'd', $ref: '#/definitions/A_1' },
      A_1: { type: 'object', properties: { b: { $ref: '#/definitions/B' } } },
      B: { type: 'string' },
    };
    expect(inlineHelperDefinitions(defs, new Set(['A', 'B']))).toEqual({
      A: { type: 'object', description: 'd', properties: { b: { $ref: '#/definitions/B' } } },
      B: { type: 'string' },
    });
  });
});
