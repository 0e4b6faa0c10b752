/**
 * `ServerRequestAnswer` on its own, over a recording host: exactly one
 * answer whatever the handler does (value, promise, thenable, throw,
 * rejection, unserialisable result), the client's own result check, the
 * answer timer and its exact error, and abandonment.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTERNAL_ERROR, UnserialisableMessageError, type JsonRpcErrorBody } from '../src/json-rpc.js';
import { ServerRequestAnswer, type AnswerHost } from '../src/server-request.js';

function host(options: { check?: (m: string, r: unknown) => JsonRpcErrorBody | undefined; writable?: boolean } = {}) {
  const written: Array<{ message: unknown; text: string }> = [];
  const reports: Array<[string, string, unknown]> = [];
  const settled: ServerRequestAnswer[] = [];
  const h: AnswerHost = {
    write: (message, text) => {
      written.push({ message, text });
      return options.writable ?? true;
    },
    checkResult: (m, r) => options.check?.(m, r),
    report: (subject, message, raw) => reports.push([subject, message, raw]),
    settled: (a) => settled.push(a),
  };
  return { h, written, reports, settled };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('ServerRequestAnswer', () => {
  it('respond(): sends the result once (undefined as null), with the JSON text; settles and aborts the signal', () => {
    const { h, written, settled } = host();
    const a = new ServerRequestAnswer(7, 'ask', { p: 1 }, h);
    expect([a.id, a.method, a.params, a.isSettled, a.signal.aborted]).toEqual([7, 'ask', { p: 1 }, false, false]);
    expect(a.respond(undefined)).toBe(true);
    expect(written).toEqual([{ message: { id: 7, result: null }, text: '{"id":7,"result":null}' }]);
    expect(a.isSettled).toBe(true);
    expect(a.signal.aborted).toBe(true);
    expect((a.signal.reason as Error).message).toBe('answered');
    expect(settled).toEqual([a]);
    expect(a.respond(1)).toBe(false);
    expect(a.fail(new Error('late'))).toBe(false);
    a.abandon('late');
    expect((a.signal.reason as Error).message).toBe('answered');
    expect(written).toHaveLength(1);
    expect(settled).toHaveLength(1);
  });

  it('respond() returns what the host says: false when the connection can no longer carry it', () => {
    const { h } = host({ writable: false });
    expect(new ServerRequestAnswer(1, 'ask', undefined, h).respond('x')).toBe(false);
  });

  it("a result the client's check refuses goes out as the check's error instead, and respond() says false", () => {
    const refusal = { code: -32602, message: 'invalid result' };
    const check = vi.fn((_m: string, r: unknown) => (r === 'bad' ? refusal : undefined));
    const { h, written } = host({ check });
    const a = new ServerRequestAnswer('s', 'ask', undefined, h);
    expect(a.respond('bad')).toBe(false);
    expect(check).toHaveBeenCalledWith('ask', 'bad');
    expect(written).toEqual([
      { message: { id: 's', error: refusal }, text: '{"id":"s","error":{"code":-32602,"message":"invalid result"}}' },
    ]);
    expect(a.isSettled).toBe(true);
    const b = new ServerRequestAnswer(2, 'ask', undefined, h);
    b.respond(undefined);
    expect(check).toHaveBeenLastCalledWith('ask', null);
  });

  it('respond() with a value JSON cannot carry throws and leaves the request open for fail()', () => {
    const { h, written } = host();
    const a = new ServerRequestAnswer(3, 'ask', undefined, h);
    expect(() => a.respond({ n: 1n })).toThrow(UnserialisableMessageError);
    expect(() => a.respond({ n: 1n })).toThrow(
      'the result for server request ask (id 3) cannot be serialised as JSON: Do not know how to serialize a BigInt',
    );
    expect(a.isSettled).toBe(false);
    expect(a.fail({ code: 5, message: 'gave up' })).toBe(true);
    expect(written.map((w) => w.message)).toEqual([{ id: 3, error: { code: 5, message: 'gave up' } }]);
  });

  it('settleFrom(): a plain value, a promise, a thenable object or function, a throw, a rejection', async () => {
    const cases: Array<[string, () => unknown, unknown]> = [
      ['value', () => ({ v: 1 }), { id: 0, result: { v: 1 } }],
      ['null', () => null, { id: 0, result: null }],
      ['promise', () => Promise.resolve('p'), { id: 0, result: 'p' }],
      [
        'thenable object',
        () => ({
          then(ok: (v: unknown) => void) {
            ok('t');
          },
        }),
        { id: 0, result: 't' },
      ],
      [
        'thenable function',
        () =>
          Object.assign(() => 'f', {
            then(ok: (v: unknown) => void) {
              ok('fn');
            },
          }),
        { id: 0, result: 'fn' },
      ],
      ['object with a non-function then', () => ({ then: 1 }), { id: 0, result: { then: 1 } }],
      [
        'throw',
        () => {
          throw Object.assign(new Error('denied'), { code: -32010 });
        },
        { id: 0, error: { code: -32010, message: 'denied' } },
      ],
      ['rejection', () => Promise.reject(new Error('no')), { id: 0, error: { code: INTERNAL_ERROR, message: 'no' } }],
    ];
    for (const [name, run, expected] of cases) {
      const { h, written } = host();
      new ServerRequestAnswer(0, 'ask', undefined, h).settleFrom(run);
      await flush();
      expect(
        written.map((w) => w.message),
        name,
      ).toEqual([expected]);
    }
  });

  it('settleFrom(): a function result is not JSON: reported and answered with an error naming why', () => {
    const { h, written, reports } = host();
    new ServerRequestAnswer(4, 'ask', undefined, h).settleFrom(() => ({ big: 2n }));
    const why =
      'the result for server request ask (id 4) cannot be serialised as JSON: Do not know how to serialize a BigInt';
    expect(reports).toEqual([['result of server request ask', why, { id: 4, method: 'ask' }]]);
    expect(written.map((w) => w.message)).toEqual([
      {
        id: 4,
        error: { code: INTERNAL_ERROR, message: `the client's handler produced a result that is not JSON: ${why}` },
      },
    ]);
  });

  it('startTimer(): after ms, reports and answers the exact time-out error once; 0, negatives, NaN and Infinity start none', async () => {
    vi.useFakeTimers();
    const { h, written, reports } = host();
    const a = new ServerRequestAnswer(9, 'item/x/requestApproval', undefined, h);
    a.startTimer(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const message = 'the client did not answer item/x/requestApproval within 1000 ms';
    expect(reports).toEqual([
      [
        'server request item/x/requestApproval timed out',
        `${message}; answered with error -32603`,
        { id: 9, method: 'item/x/requestApproval' },
      ],
    ]);
    expect(written.map((w) => w.message)).toEqual([
      { id: 9, error: { code: -32603, message, data: { reason: 'timeout' } } },
    ]);
    expect((a.signal.reason as Error).message).toBe('no answer within 1000 ms');
    expect(a.respond('late')).toBe(false);
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const b = new ServerRequestAnswer(1, 'ask', undefined, host().h);
      b.startTimer(ms);
      expect(vi.getTimerCount(), String(ms)).toBe(0);
    }
    const done = new ServerRequestAnswer(1, 'ask', undefined, host().h);
    done.respond(1);
    done.startTimer(10);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an answer before the time-out clears the timer; abandon() settles without an answer', async () => {
    vi.useFakeTimers();
    const { h, written, reports, settled } = host();
    const a = new ServerRequestAnswer(1, 'ask', undefined, h);
    a.startTimer(100);
    expect(vi.getTimerCount()).toBe(1);
    a.respond('in time');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(reports).toEqual([]);
    const b = new ServerRequestAnswer(2, 'ask', undefined, h);
    b.startTimer(100);
    b.abandon('withdrawn by the server');
    expect(vi.getTimerCount()).toBe(0);
    expect(b.isSettled).toBe(true);
    expect((b.signal.reason as Error).message).toBe('withdrawn by the server');
    expect(settled).toEqual([a, b]);
    expect(written).toHaveLength(1);
  });
});
