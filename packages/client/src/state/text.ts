/**
 * Appending streamed text. V8 joins strings with `+` as ropes (a small node
 * per append, no copy), so appending is O(1); but a rope of a million tiny
 * deltas costs tens of bytes per delta until something reads it. `appendText`
 * flattens the result whenever the text crossed a length boundary that grows
 * with the text (an eighth of it, at least 4 KiB), so the rope part stays
 * bounded by a fraction of the text: memory stays proportional to the text,
 * not to the number of deltas, and the copying is O(1) amortised per
 * character. See `bench/reducer.mjs` for the measurement.
 * @module
 */

const MIN_STEP = 4096;

/** `prev + delta`, flattened now and then (see the module doc). */
export function appendText(prev: string, delta: string): string {
  const next = prev + delta;
  if (crossesFlattenStep(prev.length, next.length)) flatten(next);
  return next;
}

/**
 * The flattening step for a text of `length` characters: a power of two, an
 * eighth of the largest power of two ≤ the length, at least 4096.
 * @internal
 */
export function flattenStep(length: number): number {
  // Below 32 KiB (and for 0, where clz32 gives 32) the eighth is under MIN_STEP.
  return Math.max(MIN_STEP, 2 ** (31 - Math.clz32(length)) / 8);
}

/**
 * Whether growing a text from `before` to `after` characters crosses a
 * multiple of the step for `before` (then `appendText` flattens it).
 * @internal
 */
export function crossesFlattenStep(before: number, after: number): boolean {
  const step = flattenStep(before);
  return Math.floor(after / step) !== Math.floor(before / step);
}

/**
 * Makes V8 store the string as one flat buffer (converting it to a number
 * reads every character, which flattens a rope in place). The string's value
 * does not change.
 */
export function flatten(s: string): void {
  // The result is irrelevant: the call is for its side effect on V8's representation.
  Number(s);
}
