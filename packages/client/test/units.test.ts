/**
 * The small pieces under the connection, each on its own: the exit latch,
 * the warning limiter, the stderr tail, the loopback rule, the server-info
 * parser, the validator guard, the JSON-RPC error bodies and the error
 * classes. Exact limits are checked at their boundary values and exact
 * message texts, so a changed bound or a garbled message fails here.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  ClientClosedError,
  JsonRpcError,
  OverloadedError,
  ProtocolValidationError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
} from '../src/errors.js';
import { ExitLatch, waitForWake } from '../src/exit-latch.js';
import {
  INTERNAL_ERROR,
  MAX_ERROR_MESSAGE_CHARS,
  UnserialisableMessageError,
  describeThrown,
  errorBodyFromThrown,
  isRecord,
  normaliseErrorBody,
  serialise,
  toJsonValue,
} from '../src/json-rpc.js';
import { isLoopbackHost } from '../src/loopback.js';
import { EXPECTED_CODEX_RELEASE, parseServerVersion, serverInfoFrom } from '../src/server-info.js';
import {
  DEFAULT_STDERR_LINE_BYTES,
  DEFAULT_STDERR_TAIL_BYTES,
  DEFAULT_STDERR_TAIL_LINES,
  StderrTail,
} from '../src/stderr-tail.js';
import type { ServerExit, TransportSink } from '../src/transport.js';
import type { ValidationOutcome } from '../src/validation.js';
import {
  MAX_VALIDATION_ERRORS,
  MAX_VALIDATION_MESSAGE_CHARS,
  boundedOutcome,
  guardedValidate,
} from '../src/validation-guard.js';
import { WARNING_BURST, WARNING_WINDOW_MS, WarningLimiter } from '../src/warnings.js';

/** The failure side of an outcome (a test expecting a failure fails here otherwise). */
function failureOf(o: ValidationOutcome): { message: string; errors?: unknown } {
  if (o.ok) throw new Error('expected a failed outcome');
  return o;
}

const exitOf = (code: number | null, extra: Partial<ServerExit> = {}): ServerExit => ({
  code,
  signal: null,
  stderrTail: [],
  ...extra,
});

function recordingSink(): { sink: TransportSink; closed: ServerExit[] } {
  const closed: ServerExit[] = [];
  const sink: TransportSink = {
    message: () => undefined,
    malformed: () => undefined,
    closed: (exit) => closed.push(exit),
  };
  return { sink, closed };
}

describe('ExitLatch', () => {
  it('is unset until set; the first exit wins, is returned by later sets and told to the sink once', () => {
    const latch = new ExitLatch();
    const { sink, closed } = recordingSink();
    latch.attach(sink);
    expect(latch.exit).toBeUndefined();
    const first = exitOf(3);
    expect(latch.set(first)).toBe(first);
    expect(latch.exit).toBe(first);
    expect(latch.set(exitOf(9))).toBe(first);
    expect(latch.exit).toBe(first);
    expect(closed).toEqual([first]);
  });

  it('works without a sink', () => {
    const latch = new ExitLatch();
    const exit = exitOf(0);
    expect(latch.set(exit)).toBe(exit);
  });

  it('wait() resolves at once when set, wakes every waiter on set, and gives undefined after its time-out', async () => {
    vi.useFakeTimers();
    try {
      const latch = new ExitLatch();
      const early = latch.wait(1_000);
      const late = latch.wait(5_000);
      let settled = false;
      void early.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      const exit = exitOf(1);
      latch.set(exit);
      await expect(early).resolves.toBe(exit);
      await expect(late).resolves.toBe(exit);
      await expect(latch.wait(0)).resolves.toBe(exit);
      expect(vi.getTimerCount()).toBe(0);

      const idle = new ExitLatch();
      const timedOut = idle.wait(100);
      let done = false;
      void timedOut.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(99);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(timedOut).resolves.toBeUndefined();
      // The timed-out waiter was taken back: setting now wakes nothing and nothing accumulates.
      const { sink, closed } = recordingSink();
      idle.attach(sink);
      idle.set(exitOf(0));
      expect(closed).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('timed-out waiters are taken back, first or not (nothing accumulates on a latch that is never set)', async () => {
    vi.useFakeTimers();
    try {
      const latch = new ExitLatch();
      const pending = [latch.wait(10), latch.wait(20), latch.wait(30)];
      await vi.advanceTimersByTimeAsync(30);
      await expect(Promise.all(pending)).resolves.toEqual([undefined, undefined, undefined]);
      // The waiter list is private; its length is the guarantee tested here.
      expect(Reflect.get(latch, 'waiters')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a timed-out waiter leaves the others in place', async () => {
    vi.useFakeTimers();
    try {
      const latch = new ExitLatch();
      const short = latch.wait(10);
      const long = latch.wait(1_000);
      await vi.advanceTimersByTimeAsync(10);
      await expect(short).resolves.toBeUndefined();
      const exit = exitOf(2);
      latch.set(exit);
      await expect(long).resolves.toBe(exit);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('waitForWake', () => {
  it('resolves true when flushed and false after its time-out, taking only its own waiter back', async () => {
    vi.useFakeTimers();
    try {
      const waiters: Array<() => void> = [];
      const other = (): void => undefined;
      waiters.push(other);
      const woken = waitForWake(waiters, 1_000);
      expect(waiters).toHaveLength(2);
      for (const w of waiters.splice(0)) w();
      await expect(woken).resolves.toBe(true);
      expect(vi.getTimerCount()).toBe(0);

      waiters.push(other);
      const timedOut = waitForWake(waiters, 50);
      let done = false;
      void timedOut.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(49);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(timedOut).resolves.toBe(false);
      expect(waiters).toEqual([other]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a lone waiter that times out leaves the list empty (nothing accumulates)', async () => {
    vi.useFakeTimers();
    try {
      const waiters: Array<() => void> = [];
      const timedOut = waitForWake(waiters, 10);
      await vi.advanceTimersByTimeAsync(10);
      await expect(timedOut).resolves.toBe(false);
      expect(waiters).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a time-out after the waiter was already removed touches nothing else', async () => {
    vi.useFakeTimers();
    try {
      const waiters: Array<() => void> = [];
      const timedOut = waitForWake(waiters, 10);
      const other = (): void => undefined;
      waiters.splice(0);
      waiters.push(other);
      await vi.advanceTimersByTimeAsync(10);
      await expect(timedOut).resolves.toBe(false);
      expect(waiters).toEqual([other]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('WarningLimiter', () => {
  it('defaults: a burst of 5 per 10 s window', () => {
    expect(WARNING_BURST).toBe(5);
    expect(WARNING_WINDOW_MS).toBe(10_000);
    let t = 0;
    const printed: string[] = [];
    const limiter = new WarningLimiter(
      'X',
      (m) => printed.push(m),
      () => t,
    );
    for (let i = 0; i < 7; i++) limiter.warn(`w${i}`);
    expect(printed).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
    t = 9_999;
    expect(limiter.warn('still held')).toBe(false);
    t = 10_000;
    expect(limiter.warn('next window')).toBe(true);
    expect(printed.at(-1)).toBe('next window (3 similar warnings were suppressed before this one)');
  });

  it('prints a burst per window, counts the rest, and names the count in the next printed one', () => {
    let t = 1_000;
    const printed: Array<[string, string]> = [];
    const limiter = new WarningLimiter(
      'CaskTest',
      (m, type) => printed.push([m, type]),
      () => t,
      2,
      100,
    );
    expect(limiter.warn('a')).toBe(true);
    expect(limiter.warn('b')).toBe(true);
    expect(limiter.warn('c')).toBe(false);
    expect(limiter.warn('d')).toBe(false);
    expect(limiter.suppressed).toBe(2);
    t += 99;
    expect(limiter.warn('e')).toBe(false);
    expect(limiter.suppressed).toBe(3);
    t += 1;
    expect(limiter.warn('f')).toBe(true);
    expect(limiter.warn('g')).toBe(true);
    expect(limiter.warn('h')).toBe(false);
    t += 100;
    expect(limiter.warn('i')).toBe(true);
    expect(printed).toEqual([
      ['a', 'CaskTest'],
      ['b', 'CaskTest'],
      ['f (3 similar warnings were suppressed before this one)', 'CaskTest'],
      ['g', 'CaskTest'],
      ['i (1 similar warnings were suppressed before this one)', 'CaskTest'],
    ]);
    expect(limiter.suppressed).toBe(4);
  });

  it('prints through process.emitWarning by default, with the given type', () => {
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const limiter = new WarningLimiter('CaskDefault');
      expect(limiter.warn('hello')).toBe(true);
      expect(spy).toHaveBeenCalledWith('hello', 'CaskDefault');
    } finally {
      spy.mockRestore();
    }
  });

  it('the default clock is performance.now()', () => {
    const now = vi.spyOn(performance, 'now');
    try {
      const printed: string[] = [];
      const limiter = new WarningLimiter('X', (m) => printed.push(m), undefined, 1, 50);
      now.mockReturnValue(10);
      limiter.warn('a');
      limiter.warn('b');
      now.mockReturnValue(60);
      limiter.warn('c');
      expect(printed).toEqual(['a', 'c (1 similar warnings were suppressed before this one)']);
    } finally {
      now.mockRestore();
    }
  });
});

describe('StderrTail', () => {
  const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

  it('defaults: 50 lines, 16 KiB, 8 KiB per line', () => {
    expect(DEFAULT_STDERR_TAIL_LINES).toBe(50);
    expect(DEFAULT_STDERR_TAIL_BYTES).toBe(16 * 1024);
    expect(DEFAULT_STDERR_LINE_BYTES).toBe(8 * 1024);
    const tail = new StderrTail();
    for (let i = 0; i < 60; i++) tail.push(bytes(`line ${i}\n`));
    expect(tail.tail()).toHaveLength(50);
    expect(tail.tail()[0]).toBe('line 10');
    const wide = new StderrTail();
    wide.push(bytes(`${'x'.repeat(8 * 1024)}\n`));
    expect(wide.tail()).toEqual(['x'.repeat(8192)]);
    const wider = new StderrTail();
    wider.push(bytes(`${'y'.repeat(8 * 1024 + 1)}\n`));
    expect(wider.tail()).toEqual([`${'y'.repeat(8192)}… (1 more bytes of this line dropped)`]);
    const heavy = new StderrTail();
    for (let i = 0; i < 3; i++) heavy.push(bytes(`${String(i).repeat(8_000)}\n`));
    expect(heavy.tail().map((l) => l[0])).toEqual(['1', '2']);
  });

  it('splits lines across chunks, strips a CR, calls onLine per line, and flushes a last partial line on end()', () => {
    const lines: string[] = [];
    const tail = new StderrTail(10, 1_000, 100, (l) => lines.push(l));
    tail.push(bytes('al'));
    tail.push(bytes('pha\r\nbe'));
    tail.push(bytes('ta\n\ngam'));
    expect(lines).toEqual(['alpha', 'beta', '']);
    tail.end();
    expect(lines).toEqual(['alpha', 'beta', '', 'gam']);
    expect(tail.tail()).toEqual(['alpha', 'beta', '', 'gam']);
    tail.end();
    expect(lines).toHaveLength(4);
  });

  it('keeps at most maxLineBytes of a line (exactly at the bound keeps all) and says how much was dropped', () => {
    const tail = new StderrTail(10, 10_000, 4);
    tail.push(bytes('abcd\n'));
    tail.push(bytes('ab'));
    tail.push(bytes('cdef'));
    tail.push(bytes('gh\n'));
    tail.push(bytes('123456789'));
    tail.end();
    expect(tail.tail()).toEqual([
      'abcd',
      'abcd… (4 more bytes of this line dropped)',
      '1234… (5 more bytes of this line dropped)',
    ]);
  });

  it('a line that was only overflow still ends on end(); an empty pending line does not', () => {
    const tail = new StderrTail(10, 10_000, 0);
    tail.push(bytes('zz'));
    tail.end();
    expect(tail.tail()).toEqual(['… (2 more bytes of this line dropped)']);
    const empty = new StderrTail();
    empty.end();
    expect(empty.tail()).toEqual([]);
  });

  it('drops the oldest lines past the line count or the byte cap, but always keeps the newest line', () => {
    const byCount = new StderrTail(2, 10_000, 100);
    byCount.push(bytes('a\nb\nc\n'));
    expect(byCount.tail()).toEqual(['b', 'c']);
    const byBytes = new StderrTail(10, 6, 100);
    byBytes.push(bytes('aaa\nbbb\n'));
    expect(byBytes.tail()).toEqual(['aaa', 'bbb']);
    byBytes.push(bytes('c\n'));
    expect(byBytes.tail()).toEqual(['bbb', 'c']);
    byBytes.push(bytes('dddddddd\n'));
    expect(byBytes.tail()).toEqual(['dddddddd']);
    byBytes.push(bytes('e\n'));
    expect(byBytes.tail()).toEqual(['e']);
    // Multi-byte characters count as bytes, not characters.
    const utf = new StderrTail(10, 4, 100);
    utf.push(bytes('éé\nx\n'));
    expect(utf.tail()).toEqual(['x']);
  });

  it('note() adds a line of its own; a throwing onLine does not stop reading; tail() is a copy', () => {
    const tail = new StderrTail(10, 10_000, 100, () => {
      throw new Error('callback broke');
    });
    tail.push(bytes('one\ntwo\n'));
    tail.note('spawn failed');
    const copy = tail.tail();
    copy.push('not kept');
    expect(tail.tail()).toEqual(['one', 'two', 'spawn failed']);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'a.localhost',
    'x.y.localhost.',
    '127.0.0.1',
    '127.255.255.254',
    '127.0.0.1.',
    '::1',
    '[::1]',
    '[::ffff:7f00:1]',
    '::ffff:127.0.0.1',
    '[::FFFF:7F00:1]',
  ])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    '',
    'localhost.com',
    'notlocalhost',
    'localhostx',
    '128.0.0.1',
    '126.255.255.255',
    '10.0.0.1',
    '::2',
    '[::2]',
    '[::1',
    '::1]',
    '::ffff:8.8.8.8',
    '::ffff:128.0.0.1',
    'x127.0.0.1]',
    '[127.0.0.1x',
    'x::1]',
    '[::1x',
    'example.com',
    '.',
  ])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('never throws on a non-string', () => {
    const notAString: unknown = 1;
    // A JavaScript caller can pass anything; the declared type is what a TypeScript caller sees.
    expect(isLoopbackHost(notAString as string)).toBe(false);
  });
});

describe('server info', () => {
  it('parses the version after the first slash, bounded, and only when it ends at a separator', () => {
    expect(parseServerVersion('codex_cli_rs/7.8.9 (Debian 12; x86_64) xterm')).toBe('7.8.9');
    expect(parseServerVersion('my-client/7.6.5')).toBe('7.6.5');
    expect(parseServerVersion('x/1.2.3;rest')).toBe('1.2.3');
    expect(parseServerVersion('x/1.2.3(rest')).toBe('1.2.3');
    expect(parseServerVersion('x/1.2.3-alpha.4 (y)')).toBe('1.2.3-alpha.4');
    expect(parseServerVersion('x/10.20.30 (y)')).toBe('10.20.30');
    expect(parseServerVersion('x/1.2.3x')).toBeUndefined();
    expect(parseServerVersion('x/1.2')).toBeUndefined();
    expect(parseServerVersion('/1.2.3')).toBeUndefined();
    expect(parseServerVersion('a b/1.2.3')).toBeUndefined();
    expect(parseServerVersion(' x/1.2.3')).toBeUndefined();
    expect(parseServerVersion('x/y/1.2.3')).toBeUndefined();
    expect(parseServerVersion(42)).toBeUndefined();
    expect(parseServerVersion(`x/1.2.3 ${'a'.repeat(600)}`)).toBe('1.2.3');
    // Only the first 512 characters are looked at.
    expect(parseServerVersion(`${'a'.repeat(506)}/1.2.3`)).toBe('1.2.3');
    expect(parseServerVersion(`${'a'.repeat(507)}/1.2.3`)).toBeUndefined();
  });

  it('builds ServerInfo from an initialize answer, tolerating missing and mistyped fields', () => {
    expect(
      serverInfoFrom(
        { userAgent: 'c/7.8.9 (Linux)', platformFamily: 'unix', platformOs: 'linux', codexHome: '/h' },
        '7.8.9',
      ),
    ).toEqual({
      userAgent: 'c/7.8.9 (Linux)',
      version: '7.8.9',
      expectedRelease: '7.8.9',
      matchesExpected: true,
      platformFamily: 'unix',
      platformOs: 'linux',
      codexHome: '/h',
    });
    const older = { userAgent: 'c/7.6.5', platformFamily: 'unix', platformOs: 'linux', codexHome: '/h' };
    expect(serverInfoFrom(older, '7.8.9').matchesExpected).toBe(false);
    const empty = {
      userAgent: '',
      version: undefined,
      expectedRelease: EXPECTED_CODEX_RELEASE,
      matchesExpected: undefined,
      platformFamily: undefined,
      platformOs: undefined,
      codexHome: undefined,
    };
    expect(serverInfoFrom(null)).toEqual(empty);
    expect(serverInfoFrom(undefined)).toEqual(empty);
    const mistyped: unknown = { userAgent: 5, platformFamily: 1, platformOs: {}, codexHome: [] };
    // A server that sends the wrong types: what the declared response type rules out is exactly what is tested.
    expect(serverInfoFrom(mistyped as never)).toEqual(empty);
  });
});

describe('validator guard', () => {
  it('passes a real outcome through and turns a throw or a non-outcome into a named failure', () => {
    const ok = { ok: true as const };
    expect(guardedValidate(() => ok)).toBe(ok);
    const bad = { ok: false as const, message: 'm' };
    expect(guardedValidate(() => bad)).toBe(bad);
    expect(guardedValidate(() => ({}) as never)).toEqual({ ok: false, message: 'validator returned no outcome' });
    expect(guardedValidate(() => ({ ok: 'yes' }) as never)).toEqual({
      ok: false,
      message: 'validator returned no outcome',
    });
    expect(
      guardedValidate(() => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    ).toEqual({
      ok: false,
      message: 'validator threw: Maximum call stack size exceeded (the message is probably nested too deeply to check)',
    });
    expect(
      guardedValidate(() => {
        throw new TypeError('boom');
      }),
    ).toEqual({ ok: false, message: 'validator threw: boom' });
  });

  it('boundedOutcome: passes ok through, bounds the message at exactly its limit, defaults a missing one', () => {
    const ok = { ok: true as const };
    expect(boundedOutcome(ok)).toBe(ok);
    expect(MAX_VALIDATION_MESSAGE_CHARS).toBe(2_000);
    const atLimit = 'm'.repeat(2_000);
    expect(boundedOutcome({ ok: false, message: atLimit })).toEqual({ ok: false, message: atLimit });
    expect(boundedOutcome({ ok: false, message: `${atLimit}x` })).toEqual({ ok: false, message: `${atLimit}…` });
    expect(boundedOutcome({ ok: false, message: 5 } as never)).toEqual({ ok: false, message: 'invalid' });
  });

  it('bounds errors: 20 kept and the rest counted, strings cut at 200, nesting cut at 3, BigInt as text', () => {
    expect(MAX_VALIDATION_ERRORS).toBe(20);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ i }));
    expect(boundedOutcome({ ok: false, message: 'm', errors: twenty })).toEqual({
      ok: false,
      message: 'm',
      errors: twenty,
    });
    const many = Array.from({ length: 23 }, (_, i) => i);
    expect(failureOf(boundedOutcome({ ok: false, message: 'm', errors: many })).errors).toEqual([
      ...many.slice(0, 20),
      { message: '3 more errors left out' },
    ]);
    const s200 = 's'.repeat(200);
    const deep = { a: { b: { c: { d: 1 } } }, s: s200, t: `${s200}!`, n: 10n, u: null, list: [1, [2, [3, [4]]]] };
    expect(failureOf(boundedOutcome({ ok: false, message: 'm', errors: [deep] })).errors).toEqual([
      { a: { b: { c: '…' } }, s: s200, t: `${s200}…`, n: '10', u: null, list: [1, [2, '…']] },
    ]);
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i]));
    const boundedWide = failureOf(boundedOutcome({ ok: false, message: 'm', errors: [wide] })).errors as unknown[];
    expect(Object.keys(boundedWide[0] as object)).toHaveLength(20);
    const longList = Array.from({ length: 25 }, (_, i) => i);
    expect(failureOf(boundedOutcome({ ok: false, message: 'm', errors: [longList] })).errors).toEqual([
      longList.slice(0, 20),
    ]);
    // Errors that are not a list are bounded as one value; none stays none.
    expect(failureOf(boundedOutcome({ ok: false, message: 'm', errors: 'x'.repeat(300) })).errors).toBe(
      `${'x'.repeat(200)}…`,
    );
    expect('errors' in boundedOutcome({ ok: false, message: 'm' })).toBe(false);
    // A getter that throws becomes '(unreadable)'; a key named __proto__ stays a plain key.
    const hostile = JSON.parse('{"__proto__": {"x": 1}}') as object;
    Object.defineProperty(hostile, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const out = failureOf(boundedOutcome({ ok: false, message: 'm', errors: [hostile] })).errors as unknown[];
    expect(out[0]).toBe('(unreadable)');
    const proto = failureOf(
      boundedOutcome({ ok: false, message: 'm', errors: [JSON.parse('{"__proto__": {"x": 1}}')] }),
    ).errors as unknown[];
    expect(Object.getPrototypeOf(proto[0])).toBe(Object.prototype);
    expect(Object.keys(proto[0] as object)).toEqual(['__proto__']);
  });

  it('names the fields a strict check refused as unknown, with their path, unless the message already does', () => {
    const err = (instancePath: unknown, additionalProperty: unknown, keyword = 'additionalProperties') => ({
      keyword,
      instancePath,
      params: { additionalProperty },
    });
    expect(failureOf(boundedOutcome({ ok: false, message: 'bad', errors: [err('', 'extra')] })).message).toBe(
      'bad (field not in the protocol: extra)',
    );
    expect(
      failureOf(boundedOutcome({ ok: false, message: 'bad', errors: [err('/input/0', 'txt'), err('', 'zzz')] }))
        .message,
    ).toBe('bad (fields not in the protocol: /input/0/txt, zzz)');
    expect(failureOf(boundedOutcome({ ok: false, message: 'bad extra', errors: [err('', 'extra')] })).message).toBe(
      'bad extra',
    );
    expect(
      failureOf(boundedOutcome({ ok: false, message: 'bad /a/x', errors: [err('/a', 'x'), err('/b', 'y')] })).message,
    ).toBe('bad /a/x (fields not in the protocol: /a/x, /b/y)');
    // Not an additionalProperties error, no params, a non-string field, a non-string path: nothing named.
    const ignored = [
      err('', 'f', 'required'),
      { keyword: 'additionalProperties' },
      { keyword: 'additionalProperties', params: null },
      err('', 5),
      null,
      'text',
    ];
    expect(failureOf(boundedOutcome({ ok: false, message: 'bad', errors: ignored })).message).toBe('bad');
    expect(failureOf(boundedOutcome({ ok: false, message: 'bad', errors: [err(7, 'f')] })).message).toBe(
      'bad (field not in the protocol: f)',
    );
    expect(
      failureOf(boundedOutcome({ ok: false, message: 'bad', errors: { keyword: 'additionalProperties' } })).message,
    ).toBe('bad');
  });
});

describe('JSON-RPC message helpers', () => {
  it('serialise() returns the JSON text or throws UnserialisableMessageError naming the subject', () => {
    expect(serialise({ a: 1 }, 'x')).toBe('{"a":1}');
    let thrown: unknown;
    try {
      serialise({ n: 1n }, 'params of request thread/start');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UnserialisableMessageError);
    expect(thrown).toBeInstanceOf(TypeError);
    const e = thrown as UnserialisableMessageError;
    expect(e.name).toBe('UnserialisableMessageError');
    expect(e.subject).toBe('params of request thread/start');
    expect(e.cause).toBeInstanceOf(TypeError);
    expect(e.message).toBe(
      'params of request thread/start cannot be serialised as JSON: Do not know how to serialize a BigInt',
    );
  });

  it('describeThrown(): Error message, object message, String() otherwise, bounded at 4,096, never throws', () => {
    expect(MAX_ERROR_MESSAGE_CHARS).toBe(4_096);
    expect(describeThrown(new Error('e'))).toBe('e');
    expect(describeThrown({ message: 'o' })).toBe('o');
    expect(describeThrown({ message: 5 })).toBe('[object Object]');
    expect(describeThrown(null)).toBe('null');
    expect(describeThrown('s')).toBe('s');
    expect(describeThrown('x'.repeat(4_096))).toBe('x'.repeat(4_096));
    expect(describeThrown('x'.repeat(4_097))).toBe(`${'x'.repeat(4_096)}…`);
    expect(describeThrown(new Error('y'.repeat(5_000)))).toBe(`${'y'.repeat(4_096)}…`);
    expect(describeThrown({ message: 'z'.repeat(5_000) })).toBe(`${'z'.repeat(4_096)}…`);
    expect(describeThrown(Object.create(null))).toBe('an unprintable value');
    const getterThrows = {
      get message(): string {
        throw new Error('no');
      },
    };
    expect(describeThrown(getterThrows)).toBe('an unprintable value');
  });

  it('errorBodyFromThrown(): keeps a safe-integer code, the message, and serialisable data; repairs the rest', () => {
    expect(INTERNAL_ERROR).toBe(-32603);
    expect(errorBodyFromThrown(Object.assign(new Error('m'), { code: -32010, data: { a: [1] } }))).toEqual({
      code: -32010,
      message: 'm',
      data: { a: [1] },
    });
    expect(errorBodyFromThrown(new Error('m'))).toEqual({ code: -32603, message: 'm' });
    expect(errorBodyFromThrown({ code: 1.5, message: 'f' })).toEqual({ code: -32603, message: 'f' });
    expect(errorBodyFromThrown({ code: 2 ** 53, message: 'big' })).toEqual({ code: -32603, message: 'big' });
    expect(errorBodyFromThrown({ code: '1', message: 's' })).toEqual({ code: -32603, message: 's' });
    expect(errorBodyFromThrown('plain')).toEqual({ code: -32603, message: 'plain' });
    expect(errorBodyFromThrown({ code: 1, message: 'u', data: undefined })).toEqual({ code: 1, message: 'u' });
    expect(errorBodyFromThrown({ code: 1, message: 'n', data: null })).toEqual({ code: 1, message: 'n', data: null });
    expect(errorBodyFromThrown({ code: 1, message: 'f', data: () => 1 })).toEqual({
      code: 1,
      message: 'f (its error data was left out: function is not JSON)',
    });
    expect(errorBodyFromThrown({ code: 1, message: 'b', data: 1n })).toEqual({
      code: 1,
      message: 'b (its error data was left out: Do not know how to serialize a BigInt)',
    });
    const codeThrows = {
      message: 'c',
      data: 1,
      get code(): number {
        throw new Error('no');
      },
    };
    expect(errorBodyFromThrown(codeThrows)).toEqual({ code: -32603, message: 'c' });
    const dataThrows = {
      code: 7,
      message: 'd',
      get data(): unknown {
        throw new Error('no');
      },
    };
    expect(errorBodyFromThrown(dataThrows)).toEqual({ code: -32603, message: 'd' });
    expect(normaliseErrorBody({ code: 3, message: 'x', data: 'y' })).toEqual({ code: 3, message: 'x', data: 'y' });
  });

  it('isRecord() and toJsonValue()', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
    expect(toJsonValue({ a: [1, 'b'] })).toEqual({ ok: true, value: { a: [1, 'b'] } });
    expect(toJsonValue(undefined)).toEqual({ ok: false, reason: 'undefined is not JSON' });
    expect(toJsonValue(Symbol('s'))).toEqual({ ok: false, reason: 'symbol is not JSON' });
    const c: Record<string, unknown> = {};
    c['c'] = c;
    const r = toJsonValue(c);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/circular/);
  });
});

describe('error classes', () => {
  const exit = exitOf(2, { stderrTail: ['first', 'second'] });

  it('say what failed, for which request, in one line a log can carry', () => {
    const rpc = new JsonRpcError('thread/start', 4, { code: -32600, message: 'bad', data: { x: 1 } });
    expect(rpc.message).toBe('thread/start (id 4) failed with JSON-RPC error -32600: bad');
    expect([rpc.name, rpc.code, rpc.data, rpc.method, rpc.requestId]).toEqual([
      'JsonRpcError',
      -32600,
      { x: 1 },
      'thread/start',
      4,
    ]);
    expect(new JsonRpcError('m', null, { code: 1, message: 'x' }).message).toBe('m failed with JSON-RPC error 1: x');
    expect(new JsonRpcError('m', 's', { code: 1, message: 'x' }).message).toBe(
      'm (id "s") failed with JSON-RPC error 1: x',
    );
    const over = new OverloadedError('m', null, { code: -32001, message: 'busy' }, 'client');
    expect([over.name, over.source, over.code, over instanceof JsonRpcError]).toEqual([
      'OverloadedError',
      'client',
      -32001,
      true,
    ]);
    const timeout = new RequestTimeoutError('thread/read', 'a', 250);
    expect([timeout.name, timeout.message, timeout.method, timeout.requestId, timeout.timeoutMs]).toEqual([
      'RequestTimeoutError',
      'thread/read (id "a") got no answer within 250 ms',
      'thread/read',
      'a',
      250,
    ]);
    const aborted = new RequestAbortedError('turn/start', 3, 'why');
    expect([aborted.name, aborted.message, aborted.cause]).toEqual([
      'RequestAbortedError',
      'turn/start (id 3) was aborted by the caller',
      'why',
    ]);
    expect(new RequestAbortedError('turn/start', undefined).message).toBe('turn/start was aborted by the caller');
    const closed = new ClientClosedError('request x');
    expect([closed.name, closed.message]).toEqual(['ClientClosedError', 'request x: the client has been shut down']);
    const invalid = new ProtocolValidationError('params of x', 'must be object', [1]);
    expect([invalid.name, invalid.message, invalid.subject, invalid.detail, invalid.errors]).toEqual([
      'ProtocolValidationError',
      'invalid params of x: must be object',
      'params of x',
      'must be object',
      [1],
    ]);
  });

  it('ServerExitedError names the code or signal, the reason and the stderr tail', () => {
    const e = new ServerExitedError('start', exit);
    expect(e.name).toBe('ServerExitedError');
    expect(e.exit).toBe(exit);
    expect(e.message).toBe('start: the app-server connection ended (code 2)\nlast stderr lines:\n  first\n  second');
    expect(new ServerExitedError('x', exitOf(null, { signal: 'SIGKILL', reason: 'killed' })).message).toBe(
      'x: the app-server connection ended (signal SIGKILL): killed',
    );
    expect(new ServerExitedError('x', exitOf(null)).message).toBe('x: the app-server connection ended (no exit code)');
    expect(new ServerExitedError('x', exitOf(0)).message).toBe('x: the app-server connection ended (code 0)');
  });
});
