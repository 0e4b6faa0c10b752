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
    apply: (text) => text.replace(/\bunknown\b/g, 'JsonValue'),
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
