import type { Ajv } from 'ajv';

/** Inclusive numeric range of an integer format, as exact IEEE doubles. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Ranges of the integer formats upstream's schemas use (Rust integer widths).
 *
 * 64-bit maxima are not representable as doubles; the bound used is the largest double strictly below 2^63 / 2^64,
 * so a JSON number that would overflow the Rust type is rejected.
 */
export const INTEGER_FORMATS: Readonly<Record<string, IntegerRange>> = {
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1 },
  int64: { min: -(2 ** 63), max: 2 ** 63 - 1024 },
  uint: { min: 0, max: 2 ** 64 - 2048 },
  uint8: { min: 0, max: 2 ** 8 - 1 },
  uint16: { min: 0, max: 2 ** 16 - 1 },
  uint32: { min: 0, max: 2 ** 32 - 1 },
  uint64: { min: 0, max: 2 ** 64 - 2048 },
};

/** Formats on `number` values: any finite double. */
export const NUMBER_FORMATS: readonly string[] = ['double', 'float'];

/**
 * Registers the integer formats (`int32`, `int64`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`) and `double`/`float` on an
 * ajv instance. Each integer format accepts exactly the integers in its range; format checking stays on.
 */
export function addCodexFormats(ajv: Ajv): Ajv {
  for (const [name, range] of Object.entries(INTEGER_FORMATS)) {
    ajv.addFormat(name, {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= range.min && n <= range.max,
    });
  }
  for (const name of NUMBER_FORMATS) {
    ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isFinite(n) });
  }
  return ajv;
}
