/**
 * The documented exceptions of the TypeScript oracle: places where upstream's
 * generated TypeScript is wrong about what `JSON.parse` yields, so ours
 * deliberately differs. Each exception is a rewrite applied to a copy of
 * upstream's output before comparing; the report counts the types each one
 * touched. Nothing else is excused.
 * @module
 */

/** One rewrite of upstream's generated TypeScript, with the reason ours differs. */
export interface Rewrite {
  /** Short id used in the report. */
  readonly id: string;
  /** What upstream prints and what ours says instead. */
  readonly summary: string;
  /** Why ours is right at run time. */
  readonly reason: string;
  /** Applies the rewrite to one file's text; returns the text unchanged when it does not apply. */
  readonly apply: (text: string) => string;
}

/** The rewrites, applied in this order. */
export const REWRITES: readonly Rewrite[] = [
  {
    id: 'int64-number',
    summary: '`bigint` → `number`',
    reason:
      'ts-rs prints Rust i64/u64 as `bigint`, but the wire is JSON and `JSON.parse` yields `number` (a client ' +
      'would have to use a custom reviver to ever see a bigint). Ours are `number` with `@format int64|uint64`.',
    apply: (text) => text.replace(/\bbigint\b/g, 'number'),
  },
  {
    id: 'index-signature-undefined',
    summary: '`{ [key in string]?: T }` → `{ [key in string]: T }`',
    reason:
      'ts-rs prints maps with an optional mapped key, so every lookup and every value is `T | undefined`. A JSON ' +
      'object never holds `undefined`; ours are `{ [key: string]: T }` (lookups of absent keys are caught by ' +
      '`noUncheckedIndexedAccess`, not by the value type).',
    apply: (text) => text.replace(/\{ \[key in (\w+)\]\?: /g, '{ [key in $1]: '),
  },
  {
    id: 'unknown-json',
    summary: '`unknown` → `JsonValue`',
    reason:
      'ts-rs prints `serde_json::Value` fields it cannot name as `unknown`. What arrives is JSON, so ours say ' +
      '`JsonValue`, which keeps narrowing possible and rejects functions, `undefined` and class instances on send.',
    // Only the type keyword: the string literal `"unknown"` (an enum value) stays.
    apply: (text) => text.replace(/(?<!["\w])unknown(?!["\w])/g, 'JsonValue'),
  },
  {
    id: 'empty-object',
    summary: '`Record<string, never>` → `{}`',
    reason:
      "ts-rs prints a struct without fields as `Record<string, never>`, which forbids every member. Upstream's own " +
      'JSON Schema for these types is an open object (`{"type": "object"}`), and serde ignores unknown members, so a ' +
      'later server may add fields to such a response. Ours are empty interfaces, as open as the schema.',
    apply: (text) => text.replace(/\bRecord<string, never>/g, '{}'),
  },
];

/** A single upstream type that fails its direction check for a reason we accept. */
export interface TypeException {
  /** Upstream file (`v2/Turn`). */
  readonly file: string;
  readonly reason: string;
}

/** Per-type exceptions. Keep this short: each entry needs a reason a reviewer can check against the wire. */
export const TYPE_EXCEPTIONS: readonly TypeException[] = [];

/** An upstream type whose name ours gives to a different type, so ours exports it under another name. */
export interface Rename {
  /** Upstream file (`SessionSource`, the root one). */
  readonly file: string;
  /** Our name for the same type. */
  readonly ours: string;
  readonly reason: string;
}

const COLLISION =
  "upstream's root and v2/ folders each declare a different type under this name; our package exports one flat " +
  'namespace, where the name belongs to the v2 type every v2 method uses';

/** Upstream types checked against a differently named type of ours. */
export const RENAMES: readonly Rename[] = [
  { file: 'SessionSource', ours: 'CoreSessionSource', reason: `${COLLISION} (the root one is the legacy API's)` },
  {
    file: 'WebSearchAction',
    ours: 'ResponsesApiWebSearchAction',
    reason: `${COLLISION}; upstream's JSON Schema names the root one ResponsesApiWebSearchAction too`,
  },
];
