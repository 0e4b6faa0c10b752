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
  const before = prev.length;
  // The step is a power of two: an eighth of the largest power of two ≤ the length, at least MIN_STEP.
  const step = before < MIN_STEP * 8 ? MIN_STEP : 2 ** (31 - Math.clz32(before)) / 8;
  if (Math.floor(next.length / step) !== Math.floor(before / step)) flatten(next);
  return next;
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
