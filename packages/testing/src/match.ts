/**
 * Partial deep matching of a client's answer against a scripted expectation.
 * @module
 */
import type { AnswerExpectation, ClientAnswer, JsonValue } from './script.js';

/**
 * Whether `actual` contains `expected`: objects may carry more members,
 * arrays and scalars must be equal (arrays element-wise, same length).
 * Returns the JSON pointer of the first difference, or undefined.
 */
export function containsAt(actual: unknown, expected: JsonValue, at = ''): string | undefined {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected) ? undefined : at || '/';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return at || '/';
    for (let i = 0; i < expected.length; i++) {
      const d = containsAt(actual[i], expected[i] ?? null, `${at}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return at || '/';
  for (const [k, v] of Object.entries(expected)) {
    if (!Object.hasOwn(actual, k)) return `${at}/${k}`;
    // Cast: actual is a non-null, non-array object (checked above) that has own member k; read as unknown.
    const d = containsAt((actual as Record<string, unknown>)[k], v, `${at}/${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Checks an answer; returns what is wrong, or undefined when it meets the expectation. */
export function checkAnswer(answer: ClientAnswer, expect: AnswerExpectation): string | undefined {
  if (typeof expect === 'function') {
    let verdict: boolean | string;
    try {
      verdict = expect(answer);
    } catch (err) {
      return `the expectation threw: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (verdict === true) return undefined;
    return typeof verdict === 'string' ? verdict : `the predicate rejected ${JSON.stringify(answer)}`;
  }
  if ('result' in expect) {
    if (!('result' in answer))
      return `expected a result containing ${JSON.stringify(expect.result)}, got error ${JSON.stringify(answer.error)}`;
    const at = containsAt(answer.result, expect.result);
    return at === undefined
      ? undefined
      : `expected a result containing ${JSON.stringify(expect.result)}, got ${JSON.stringify(answer.result)} (differs at ${at})`;
  }
  if (!('error' in answer)) return `expected an error answer, got result ${JSON.stringify(answer.result)}`;
  if (expect.error !== true && answer.error.code !== expect.error.code)
    return `expected error code ${expect.error.code}, got ${answer.error.code} (${answer.error.message})`;
  return undefined;
}
