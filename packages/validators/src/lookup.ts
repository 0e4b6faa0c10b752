/**
 * A small read-only string table for the hot path: method name to value.
 * @module
 */

/**
 * Looks up a method name the way the hot path needs it. Method names arrive
 * as fresh strings from `JSON.parse`, and a `Map` lookup hashes every
 * character of such a string on each call (about as long as validating a
 * small message). This table places each key by its length and three of its
 * characters, then compares the candidates with `===`: no hashing of the
 * whole string, and no allocation.
 */
export class MethodIndex<T> {
  private readonly keys: Array<string | undefined>;
  private readonly values: Array<T | undefined>;
  private readonly mask: number;

  constructor(entries: ReadonlyArray<readonly [string, T]>) {
    let size = 16;
    while (size < entries.length * 4) size *= 2;
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<T | undefined>(size).fill(undefined);
    for (const [key, value] of entries) {
      let i = slot(key, this.mask);
      while (this.keys[i] !== undefined && this.keys[i] !== key) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.values[i] = value;
    }
  }

  /** The value of `key`, or undefined when the table does not hold it. */
  get(key: string): T | undefined {
    let i = slot(key, this.mask);
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === undefined) return undefined;
      i = (i + 1) & this.mask;
    }
  }
}

/** Start slot of `key`: its length and three of its characters (NaN for an empty key masks to 0). */
function slot(key: string, mask: number): number {
  const n = key.length;
  return (n * 97 + key.charCodeAt(n - 1) * 31 + key.charCodeAt(n >> 1) * 7 + key.charCodeAt(n >> 2)) & mask;
}
