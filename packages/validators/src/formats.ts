/**
 * Format definitions for the numeric `format` values the Codex schema uses.
 *
 * The schema is generated from Rust types, so integer fields carry the Rust
 * width as a format (`int32`, `uint64`, ...). ajv does not know these names;
 * each one is defined here as a range check on an integer. Standard formats
 * (`date-time`, `uri`, ...) come from `ajv-formats`.
 *
 * `int64` and `uint64` are checked against JavaScript's safe-integer range
 * (±2^53-1) rather than the full 64-bit range: `JSON.parse` cannot represent
 * larger integers exactly, so a value outside that range has already lost
 * precision by the time it is validated and is rejected.
 *
 * This file is also transpiled by `scripts/build-validators.mjs` into
 * `generated/formats.js`, which the generated validators import, so it must
 * not import anything except `ajv-formats`.
 * @module
 */

/** An ajv format definition that checks numbers. */
export interface NumberFormat {
  /** ajv applies the format only to numbers. */
  type: 'number';
  /** Returns true when `value` satisfies the format. */
  validate: (value: number) => boolean;
}

/** Inclusive bounds and integrality requirement of one numeric format. */
export interface NumericFormatRange {
  /** Smallest allowed value. */
  min: number;
  /** Largest allowed value. */
  max: number;
  /** Whether the value must be a whole number. */
  integer: boolean;
}

/**
 * The numeric formats and their ranges. `uint` is Rust's `usize`, treated
 * as 64-bit (and so limited to the safe-integer range like `uint64`).
 * `double` only requires a finite number.
 */
export const NUMERIC_FORMAT_RANGES: Readonly<Record<string, NumericFormatRange>> = {
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1, integer: true },
  uint8: { min: 0, max: 2 ** 8 - 1, integer: true },
  uint16: { min: 0, max: 2 ** 16 - 1, integer: true },
  uint32: { min: 0, max: 2 ** 32 - 1, integer: true },
  int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true },
  uint64: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  uint: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  double: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: false },
};

function rangeFormat(range: NumericFormatRange): NumberFormat {
  return {
    type: 'number',
    validate: (value: number) =>
      Number.isFinite(value) && (!range.integer || Number.isInteger(value)) && value >= range.min && value <= range.max,
  };
}

/** ajv format definitions for every numeric format in {@link NUMERIC_FORMAT_RANGES}. */
export const numericFormats: Readonly<Record<string, NumberFormat>> = Object.fromEntries(
  Object.entries(NUMERIC_FORMAT_RANGES).map(([name, range]) => [name, rangeFormat(range)]),
);

/**
 * A human-readable description of a format's requirement, used in error
 * messages (`a uint32: an integer from 0 to 4294967295`).
 */
export function describeFormat(name: string): string {
  const range = NUMERIC_FORMAT_RANGES[name];
  if (!range) return `a valid "${name}"`;
  if (!range.integer) return `a finite number (${name})`;
  return `an integer from ${range.min} to ${range.max} (${name})`;
}
