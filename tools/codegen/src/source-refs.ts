/**
 * Rule 1b: restore references that the type checker loses.
 *
 * typescript-json-schema works from checked types, and the checker forgets a
 * type alias when the alias is a primitive (`type AbsolutePathBuf = string`)
 * or when a union alias is combined with something else
 * (`AskForApproval | null` becomes one flat union). The schema then inlines
 * the alias's members instead of `$ref`-ing the definition, unlike upstream.
 * This pass walks the declarations' syntax next to the schema and puts the
 * references back; it also restores the source order of string-literal enums
 * (the checker sorts union members by its own internal ids).
 * @module
 */
import ts from 'typescript';
import { isObject, only, type Definitions, type Json, type JsonObject } from './json.js';
import { SCHEMA_REQUIRED_KEYWORD } from './option-fields.js';
import type { ProtocolModel } from './protocol.js';

const REF = '#/definitions/';
const KEEP = ['description', 'default', 'title', 'experimental', 'examples', '$comment', SCHEMA_REQUIRED_KEYWORD];

/**
 * Keyword tags typescript-json-schema can lose: on a property whose type is a
 * reference and that also carries `@default`, it keeps only `description` and
 * `default`. They are written back from the declaration.
 */
const TAG_KEYWORDS = ['experimental', SCHEMA_REQUIRED_KEYWORD];

function restoreTagKeywords(member: ts.PropertySignature, schema: Json): Json {
  if (!isObject(schema)) return schema;
  const tags = new Set(ts.getJSDocTags(member).map((t) => t.tagName.text));
  const missing = TAG_KEYWORDS.filter((k) => tags.has(k) && !(k in schema));
  if (missing.length === 0) return schema;
  const out: JsonObject = { ...schema };
  for (const k of missing) out[k] = '';
  return out;
}

/**
 * `@nullableInSchema` on a property: the TypeScript says `x?: T` (the server
 * leaves the member out rather than sending `null`: Rust `#[ts(optional)]`
 * on an `Option` with `skip_serializing_if`), but upstream's schema, made
 * from the same `Option`, also admits `null`. The tag is not a
 * typescript-json-schema keyword (a keyword on a property whose type is a
 * reference ends up on the referenced definition); this pass reads it from
 * the declaration and makes the property schema nullable the way the checker
 * writes `T | null`, which rule 6 then spells like upstream.
 */
export const NULLABLE_IN_SCHEMA_TAG = 'nullableInSchema';

/** The schema of `T | null` for the schema of `T`, as typescript-json-schema writes it before rule 6. */
export function withNull(schema: Json, where: string): Json {
  if (schema === true || (isObject(schema) && Object.keys(schema).every((k) => KEEP.includes(k)))) return schema;
  if (!isObject(schema)) throw new Error(`${where}: @${NULLABLE_IN_SCHEMA_TAG} on a property whose schema is false`);
  const isNull = (s: Json) => isObject(s) && s.type === 'null';
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    return { ...rest, anyOf: [{ $ref }, { type: 'null' }] };
  }
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf.some(isNull) ? schema : { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  }
  const out: JsonObject = { ...schema };
  if (typeof schema.type === 'string') out.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type)) out.type = schema.type.includes('null') ? schema.type : [...schema.type, 'null'];
  else throw new Error(`${where}: @${NULLABLE_IN_SCHEMA_TAG} on a property whose schema has no type, $ref or anyOf`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

/**
 * `@untypedInSchema` on an index signature: the TypeScript says what the map's
 * entries are (as upstream's TypeScript does), but upstream's schema writes the
 * map (a serde `flatten`ed `HashMap`) as an open object without
 * `additionalProperties`; this pass removes the entry schema.
 */
export const UNTYPED_IN_SCHEMA_TAG = 'untypedInSchema';

function hasTag(node: ts.Node, tag: string): boolean {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === tag);
}

/**
 * `@schemaName <name>` on a property: upstream's schema spells the member
 * differently from the wire (and from upstream's TypeScript). schemars ignores
 * serde's `rename_all_fields`, which serde and ts-rs apply, so for the struct
 * variants of such enums upstream's schema keeps the Rust field names
 * (`turn_id` where the server sends `turnId`). The TypeScript follows the wire;
 * this pass writes the property under `name` in the schema so that it stays
 * equal to upstream's. Off for the TypeScript-faithful schema (round trip).
 */
export const SCHEMA_NAME_TAG = 'schemaName';

/**
 * The annotation a `@schemaName` property carries in the schema: the name the
 * server actually sends (`"x-wire-name": "turnId"` on `turn_id`). Validators
 * ignore unknown keywords, so it changes nothing that validates (and
 * `tools/conformance` compares validation keywords only); `@cask/validators`
 * reads it to check the wire's names.
 */
export const WIRE_NAME_KEYWORD = 'x-wire-name';

function schemaNameOf(member: ts.Node): string | undefined {
  const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === SCHEMA_NAME_TAG);
  if (!tag) return undefined;
  const name = ts.getTextOfJSDocComment(tag.comment)?.trim();
  if (!name || !/^[\w$-]+$/.test(name)) {
    throw new Error(`${member.getSourceFile().fileName}: @${SCHEMA_NAME_TAG} needs one property name`);
  }
  return name;
}

function renameProperty(schema: JsonObject, from: string, to: string): void {
  const props = schema.properties;
  if (!isObject(props) || !(from in props)) return;
  if (to in props) throw new Error(`@${SCHEMA_NAME_TAG} ${to}: the object already has a property \`${to}\``);
  const renamed: JsonObject = {};
  for (const [k, v] of Object.entries(props)) {
    if (k !== from) renamed[k] = v;
    else if (isObject(v)) renamed[to] = { ...v, [WIRE_NAME_KEYWORD]: from };
    else throw new Error(`@${SCHEMA_NAME_TAG} ${to}: the property \`${from}\` has no object schema to annotate`);
  }
  schema.properties = renamed;
  if (Array.isArray(schema.required)) schema.required = schema.required.map((r) => (r === from ? to : r));
}

function hasNullableTag(member: ts.Node): boolean {
  return hasTag(member, NULLABLE_IN_SCHEMA_TAG);
}

function applyNullableTag(member: ts.PropertySignature, schema: Json, applied: Set<ts.Node>): Json {
  if (!hasNullableTag(member)) return schema;
  applied.add(member);
  const where = `${member.getSourceFile().fileName}: ${member.name.getText()}`;
  if (!member.questionToken) throw new Error(`${where}: @${NULLABLE_IN_SCHEMA_TAG} on a required property`);
  const type = member.type ? unwrap(member.type) : undefined;
  if (type && ts.isUnionTypeNode(type) && type.types.some((t) => isNullNode(unwrap(t)))) {
    throw new Error(`${where}: @${NULLABLE_IN_SCHEMA_TAG} on a property whose type already admits null`);
  }
  return withNull(schema, where);
}

function annotations(schema: Json): JsonObject {
  const out: JsonObject = {};
  if (!isObject(schema)) return out;
  for (const k of KEEP) {
    const value = schema[k];
    if (value !== undefined) out[k] = value;
  }
  return out;
}

function unwrap(node: ts.TypeNode): ts.TypeNode {
  let n = node;
  while (ts.isParenthesizedTypeNode(n)) n = n.type;
  return n;
}

function isNullNode(n: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(n) && n.literal.kind === ts.SyntaxKind.NullKeyword;
}

function literalValue(n: ts.TypeNode): Json | undefined {
  if (!ts.isLiteralTypeNode(n)) return undefined;
  const lit = n.literal;
  if (ts.isStringLiteral(lit)) return lit.text;
  if (ts.isNumericLiteral(lit)) return Number(lit.text);
  if (lit.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (lit.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

function memberName(m: ts.TypeElement): string | undefined {
  const name = m.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** Puts `$ref`s and enum order back where the declarations have them. */
export function restoreSourceRefs(
  defs: Definitions,
  model: Pick<ProtocolModel, 'types' | 'program'>,
  options: { schemaTags: boolean } = { schemaTags: true },
): Definitions {
  const checker = model.program.getTypeChecker();
  const applied = new Set<ts.Node>();
  const exportedRef = (n: ts.TypeNode): string | undefined => {
    if (!ts.isTypeReferenceNode(n) || n.typeArguments) return undefined;
    const name = n.typeName.getText();
    return model.types.has(name) ? name : undefined;
  };

  /** Every property of an interface, inherited ones included, from its own declaration. */
  const interfaceMembers = (decl: ts.InterfaceDeclaration): ts.TypeElement[] => [
    ...checker
      .getTypeAtLocation(decl)
      .getProperties()
      .map((p) => p.valueDeclaration)
      .filter((d): d is ts.PropertySignature => d !== undefined && ts.isPropertySignature(d)),
    ...decl.members.filter(ts.isIndexSignatureDeclaration),
  ];

  const walkMembers = (members: readonly ts.TypeElement[], schema: JsonObject): void => {
    for (const m of members) {
      if (ts.isPropertySignature(m) && m.type) {
        const key = memberName(m);
        const props = schema.properties;
        const prop = key !== undefined && isObject(props) ? props[key] : undefined;
        if (key !== undefined && isObject(props) && prop !== undefined)
          props[key] = restoreTagKeywords(m, walk(m.type, prop, false));
        const current = key !== undefined && isObject(props) ? props[key] : undefined;
        if (key !== undefined && isObject(props) && current !== undefined && hasNullableTag(m)) {
          applied.add(m);
          if (options.schemaTags) props[key] = applyNullableTag(m, current, applied);
        }
        const schemaName = key !== undefined && options.schemaTags ? schemaNameOf(m) : undefined;
        if (key !== undefined && schemaName !== undefined) renameProperty(schema, key, schemaName);
      } else if (ts.isIndexSignatureDeclaration(m) && options.schemaTags && hasTag(m, UNTYPED_IN_SCHEMA_TAG)) {
        // Upstream's schema leaves the entries of this (flattened) map unconstrained: an open object.
        delete schema.additionalProperties;
      } else if (ts.isIndexSignatureDeclaration(m) && isObject(schema.additionalProperties)) {
        schema.additionalProperties = walk(m.type, schema.additionalProperties, false);
      }
    }
  };

  /**
   * The object alternatives a type node stands for, as lists of members: a
   * type literal is one alternative, an intersection is the cross product of
   * its parts' alternatives (as rule 1c merges them), a union the concatenation
   * of its members', and a reference to a non-exported interface its members.
   * `undefined` when the node is anything else.
   */
  const expand = (rawNode: ts.TypeNode, depth = 0): ts.TypeElement[][] | undefined => {
    const node = unwrap(rawNode);
    if (depth > 20) return undefined;
    if (ts.isTypeLiteralNode(node)) return [[...node.members]];
    if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
      const symbol = checker.getSymbolAtLocation(node.typeName);
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const decl = target?.declarations?.[0];
      if (decl && ts.isInterfaceDeclaration(decl)) return [interfaceMembers(decl)];
      if (decl && ts.isTypeAliasDeclaration(decl) && !model.types.has(decl.name.text))
        return expand(decl.type, depth + 1);
      return undefined;
    }
    if (ts.isIntersectionTypeNode(node)) {
      let combos: ts.TypeElement[][] = [[]];
      for (const part of node.types) {
        const alts = expand(part, depth + 1);
        if (!alts) return undefined;
        combos = combos.flatMap((c) => alts.map((a) => [...c, ...a]));
      }
      return combos;
    }
    if (ts.isUnionTypeNode(node)) {
      const out: ts.TypeElement[][] = [];
      for (const member of node.types) {
        const alts = expand(member, depth + 1);
        if (!alts) return undefined;
        out.push(...alts);
      }
      return out;
    }
    return undefined;
  };

  /** Finds the schema branch that matches one alternative (by key set, then by a literal-typed member). */
  const branchFor = (members: readonly ts.TypeElement[], branches: Json[]): number => {
    const keys = [...new Set(members.map(memberName).filter((k): k is string => k !== undefined))].sort();
    const matches = branches
      .map((b, i) => [b, i] as const)
      .filter(
        ([b]) =>
          isObject(b) &&
          isObject(b.properties) &&
          JSON.stringify(Object.keys(b.properties).sort()) === JSON.stringify(keys),
      );
    const match = only(matches);
    if (match) return match[1];
    // Several variants with the same keys: tell them apart by a literal-typed member.
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const value = literalValue(unwrap(m.type));
      const key = memberName(m);
      if (value === undefined || key === undefined) continue;
      const hit = matches.filter(([b]) => {
        const p = (b as JsonObject).properties as JsonObject;
        const s = p[key];
        return (
          isObject(s) && ((Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === value) || s.const === value)
        );
      });
      const single = only(hit);
      if (single) return single[1];
    }
    return -1;
  };

  /** Walks an object-like alternative's members into the object schema `schema`. */
  const walkObject = (members: readonly ts.TypeElement[], schema: Json): Json => {
    if (!isObject(schema)) return schema;
    const copy = { ...schema };
    if (isObject(copy.properties)) copy.properties = { ...copy.properties };
    walkMembers(members, copy);
    return copy;
  };

  /** Walks every object alternative of `node` into the matching branch of `schema`'s union. */
  const walkAlternatives = (alternatives: ts.TypeElement[][], schema: JsonObject): JsonObject => {
    const key = Array.isArray(schema.anyOf) ? 'anyOf' : Array.isArray(schema.oneOf) ? 'oneOf' : undefined;
    if (!key) {
      const alternative = only(alternatives);
      return alternative ? (walkObject(alternative, schema) as JsonObject) : schema;
    }
    const branches = [...(schema[key] as Json[])];
    for (const members of alternatives) {
      const i = branchFor(members, branches);
      const branch = branches[i];
      if (branch !== undefined) branches[i] = walkObject(members, branch);
    }
    return { ...schema, [key]: branches };
  };

  const walk = (rawNode: ts.TypeNode, schema: Json, root: boolean): Json => {
    const node = unwrap(rawNode);
    const ref = exportedRef(node);
    if (ref !== undefined) return root ? schema : { ...annotations(schema), $ref: REF + ref };
    if (!isObject(schema)) return schema;
    if (ts.isArrayTypeNode(node)) {
      if (schema.items !== undefined && !Array.isArray(schema.items)) {
        return { ...schema, items: walk(node.elementType, schema.items, false) };
      }
      return schema;
    }
    if (ts.isTypeLiteralNode(node)) return walkObject(node.members, schema);
    if (ts.isIntersectionTypeNode(node)) {
      const alternatives = expand(node);
      return alternatives ? walkAlternatives(alternatives, schema) : schema;
    }
    if (ts.isUnionTypeNode(node)) {
      const members = node.types.map(unwrap);
      const hasNull = members.some(isNullNode);
      const rest = members.filter((m) => !isNullNode(m) && m.kind !== ts.SyntaxKind.UndefinedKeyword);
      const refs = rest.map(exportedRef);
      if (rest.length > 0 && refs.every((r) => r !== undefined)) {
        const branches: Json[] = refs.map((r) => ({ $ref: REF + r }));
        if (hasNull) branches.push({ type: 'null' });
        if (branches.length === 1) return { ...annotations(schema), ...(branches[0] as JsonObject) };
        return { ...annotations(schema), anyOf: branches };
      }
      const literals = rest.map(literalValue);
      if (rest.length > 0 && literals.every((v) => v !== undefined) && Array.isArray(schema.enum)) {
        const order = hasNull ? [...literals, null] : literals;
        const current = schema.enum;
        if (current.length === order.length && order.every((v) => current.includes(v))) {
          return { ...schema, enum: order };
        }
        return schema;
      }
      const key = Array.isArray(schema.anyOf) ? 'anyOf' : Array.isArray(schema.oneOf) ? 'oneOf' : undefined;
      if (!key) return schema;
      const branches = [...(schema[key] as Json[])];
      const single = only(rest);
      if (single) {
        const nonNull = branches.filter((b) => !(isObject(b) && b.type === 'null'));
        const target = only(nonNull);
        if (target !== undefined) {
          branches[branches.indexOf(target)] = walk(single, target, false);
          return { ...schema, [key]: branches };
        }
      }
      for (const member of rest) {
        const alternatives = ts.isTypeLiteralNode(member) ? undefined : expand(member);
        if (alternatives) {
          Object.assign(branches, walkAlternatives(alternatives, { [key]: branches })[key]);
          continue;
        }
        const i = ts.isTypeLiteralNode(member) ? branchFor(member.members, branches) : -1;
        const branch = branches[i];
        if (branch !== undefined) branches[i] = walk(member, branch, false);
      }
      return { ...schema, [key]: branches };
    }
    return schema;
  };

  const out: Definitions = { ...defs };
  for (const [name, t] of model.types) {
    const def = out[name];
    if (!isObject(def)) continue;
    if (ts.isInterfaceDeclaration(t.decl)) {
      out[name] = walkObject(interfaceMembers(t.decl), def) as Definitions[string];
    } else {
      out[name] = walk(t.decl.type, def, true) as Definitions[string];
    }
  }
  // Every tagged property must have been reached, or its schema would silently lack `null`.
  for (const t of model.types.values()) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && hasNullableTag(node) && !applied.has(node)) {
        throw new Error(
          `${node.getSourceFile().fileName}: ${t.name}.${node.name.getText()}: @${NULLABLE_IN_SCHEMA_TAG} on a ` +
            'property the schema pass does not reach (write the variant as a type literal or a named interface)',
        );
      }
      ts.forEachChild(node, visit);
    };
    visit(t.decl);
  }
  return out;
}
