import { describe, expect, it } from 'vitest';
import { isExplicitlyNullable, optionFieldsNotRequired, stripSchemaRequired } from '../src/option-fields.js';

describe('rule 9: required-but-nullable properties are not required in the schema (serde Option)', () => {
  const defs = {
    Turn: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        error: { anyOf: [{ $ref: '#/definitions/TurnError' }, { type: 'null' }] },
        completedAt: { type: ['integer', 'null'], format: 'int64' },
        sectionId: { type: ['string', 'null'], schemaRequired: '' },
        extra: { type: ['string', 'null'] },
      },
      required: ['completedAt', 'error', 'id', 'sectionId'],
    },
    OnlyNullable: { type: 'object', properties: { x: { type: ['string', 'null'] } }, required: ['x'] },
  } as const;

  it('drops nullable properties from `required` unless tagged @schemaRequired, and removes the tag', () => {
    const out = optionFieldsNotRequired(structuredClone(defs) as never);
    expect(out.Turn).toMatchObject({ required: ['id', 'sectionId'] });
    expect(JSON.stringify(out)).not.toContain('schemaRequired');
    // An object left with no required property has no `required` at all (as upstream writes it).
    expect(out.OnlyNullable).toEqual({ type: 'object', properties: { x: { type: ['string', 'null'] } } });
  });

  it('drops properties with a `default` (serde default) from `required` too', () => {
    const withDefault = {
      Q: {
        type: 'object',
        properties: { isOther: { type: 'boolean', default: false }, id: { type: 'string' } },
        required: ['id', 'isOther'],
      },
    };
    expect(optionFieldsNotRequired(withDefault as never).Q).toMatchObject({ required: ['id'] });
  });

  it('applies inside nested schemas (variants of a union, inline objects)', () => {
    const nested = { U: { oneOf: [defs.OnlyNullable, { type: 'array', items: defs.OnlyNullable }] } };
    const out = optionFieldsNotRequired(structuredClone(nested) as never);
    expect(JSON.stringify(out)).not.toContain('"required"');
  });

  it('without the rule only the tag goes (the TypeScript-faithful schema of the round trip)', () => {
    const out = stripSchemaRequired(structuredClone(defs) as never);
    expect(out.Turn).toMatchObject({ required: ['completedAt', 'error', 'id', 'sectionId'] });
    expect(JSON.stringify(out)).not.toContain('schemaRequired');
  });

  it('detects null only where it is spelled out', () => {
    expect(isExplicitlyNullable({ type: ['string', 'null'] })).toBe(true);
    expect(isExplicitlyNullable({ anyOf: [{ $ref: '#/definitions/X' }, { type: 'null' }] })).toBe(true);
    expect(isExplicitlyNullable({ $ref: '#/definitions/JsonValue' })).toBe(false);
    expect(isExplicitlyNullable(true)).toBe(false);
  });
});
