/**
 * Hostile input never makes a validator throw, and never makes a message
 * echo a huge value: values nested thousands of levels deep, 50 MB strings,
 * huge property names, thousands of failing items.
 */
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  preview,
  validateClientNotification,
  validateClientRequest,
  validateMessage,
  validateServerNotification,
  type ValidationResult,
} from '../src/index.js';

/** A value nested `depth` levels deep, built without recursion: `[[[…"leaf"…]]]` or `{"a":{"a":…}}`. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Runs `check`, which must return a failure (not throw) with a short, clear message. */
function shortFailure(check: () => ValidationResult<unknown>, pattern: RegExp): string {
  const r = check();
  if (r.ok) throw new Error('expected a failure');
  expect(r.message).toMatch(pattern);
  expect(r.message.length).toBeLessThan(600);
  expect(JSON.stringify(r.errors).length).toBeLessThan(2000);
  return r.message;
}

describe('values nested thousands of levels deep', () => {
  for (const depth of [5_000, 100_000]) {
    for (const kind of ['array', 'object'] as const) {
      const deep = nested(depth, kind);
      const shown = kind === 'array' ? /\(got \[\[\[\[.*…\)/ : /\(got \{"a":\{"a":.*…\)/;

      it(`${kind} ${depth} deep: validateClientRequest fails with a message, never throws`, () => {
        shortFailure(
          () => validateClientRequest('turn/start', { threadId: 't', input: [{ type: 'text', text: deep }] }),
          /^turn\/start params: \/input\/0\/text must be a string /,
        );
        shortFailure(
          () => validateClientRequest('turn/start', { threadId: 't', input: deep }),
          /^turn\/start params: /,
        );
        shortFailure(() => validateClientRequest('turn/start', deep), /^turn\/start params: /);
      });

      it(`${kind} ${depth} deep: as the params of a method that takes none, the preview is bounded`, () => {
        // This path renders the params themselves in the message (a whole-value JSON.stringify overflows the stack).
        shortFailure(() => validateClientNotification('initialized', deep), shown);
        shortFailure(
          () => validateMessage({ method: 'initialized', params: deep }, 'c2s'),
          /^initialized notification: \/params must be absent/,
        );
      });

      it(`${kind} ${depth} deep: validateMessage fails with a message, never throws`, () => {
        shortFailure(
          () => validateMessage({ id: 1, method: 'turn/start', params: { threadId: 't', input: deep } }, 'c2s'),
          /^turn\/start request: \/params\/input/,
        );
        shortFailure(
          () => validateMessage({ id: 1, result: deep }, 's2c', { method: 'turn/start' }),
          /^turn\/start response: /,
        );
        shortFailure(
          () => validateMessage({ id: deep, method: 'turn/start', params: {} }, 'c2s'),
          /^turn\/start request: \/id /,
        );
        shortFailure(() => validateMessage(deep, 'c2s'), /^client message: /);
      });

      it(`${kind} ${depth} deep: the preview shows the first 60 characters`, () => {
        const text = preview(deep);
        expect(text).toHaveLength(60);
        expect(text.endsWith('…')).toBe(true);
        expect(text.startsWith(kind === 'array' ? '[[[[' : '{"a":{"a":')).toBe(true);
      });
    }
  }
});

describe('huge values are never echoed whole', () => {
  const big = 'x'.repeat(50 * 2 ** 20);

  it('a 50 MB string in a field', () => {
    const m = shortFailure(
      () => validateClientRequest('turn/start', { threadId: 't', input: [{ type: big, text: 'hi' }] }),
      /^turn\/start params: \/input\/0\/type must be one of "text", .* \(got "x{58}…\)$/,
    );
    expect(m).not.toContain('x'.repeat(100));
    shortFailure(() => validateClientRequest('thread/start', { approvalPolicy: big }), /\(got "x{58}…\)$/);
    shortFailure(() => validateServerNotification('item/agentMessage/delta', { delta: 5, itemId: big }), /delta/);
  });

  it('a 50 MB string as the params of a method that takes none', () => {
    shortFailure(() => validateClientNotification('initialized', big), /must be absent: .* \(got "x{58}…\)$/);
  });

  it('a 50 MB method name', () => {
    const m = shortFailure(
      () => validateMessage({ id: 1, method: big, params: {} }, 'c2s'),
      /^unknown client request method "x+…$/,
    );
    expect(m.length).toBeLessThan(250);
    shortFailure(() => validateClientRequest(big, {}), /^unknown client request method "x+…$/);
    shortFailure(
      () => validateMessage({ id: 1, result: {} }, 's2c', { method: big }),
      /^unknown client request method "x+…$/,
    );
  });

  it('a huge property name is cut in the message, kept whole in the pointer', () => {
    const issue = {
      pointer: `/input/0/${big.slice(0, 100_000)}`,
      reason: 'is not an allowed property here',
      keyword: 'x',
    };
    const text = formatIssue(issue);
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/^\/input\/0\/x{59}… is not an allowed property here$/);
  });

  it('a million-element array and a cycle preview in bounded time and size', () => {
    expect(preview(Array.from({ length: 1_000_000 }, (_, i) => i))).toMatch(/^\[0,1,2,3,.*…$/);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(preview(cycle)).toMatch(/^\{"a":1,"self":\{"a":1,"self":.*…$/);
  });

  it('small values preview exactly as JSON', () => {
    for (const v of [null, true, 1.5, -1, 'txt', [], {}, { __extra: 1 }, [1, 'x'], { a: undefined, b: [undefined] }])
      expect(preview(v)).toBe(JSON.stringify(v));
    expect(preview(Number.NaN)).toBe('null');
    expect(preview(undefined)).toBe('nothing');
  });
});

describe('method names that are not strings (JavaScript callers)', () => {
  it('fail as unknown methods, never throw', () => {
    const notAString = 5 as unknown as string; // what an untyped caller may pass
    expect(validateMessage({ id: 1, result: {} }, 's2c', { method: notAString })).toMatchObject({
      ok: false,
      message: 'unknown client request method 5',
    });
    expect(validateClientRequest(notAString, {})).toMatchObject({
      ok: false,
      message: 'unknown client request method 5',
    });
  });
});

describe('many failing items', () => {
  it('every failing item is reported; past the first hundred, a failed union is listed without its branches', () => {
    const input = Array.from({ length: 300 }, () => ({ type: 'nope' }));
    const r = validateClientRequest('turn/start', { threadId: 't', input });
    if (r.ok) throw new Error('expected a failure');
    expect(r.errors).toHaveLength(300);
    expect(r.errors[0]?.reason).toMatch(/^must be one of "text", /);
    expect(r.errors[0]?.pointer).toBe('/input/0/type');
    expect(r.errors.filter((e) => e.reason === 'matches none of the allowed shapes')).toHaveLength(200);
    expect(r.message).toMatch(/; and 297 more$/);
  });
});
