/**
 * `PrefetchingAttestationProvider` on a fake clock: option checks with their
 * exact messages and defaults, the counters, the exact backoff schedule
 * (doubling up to its cap, reset by a success), expiry at exactly
 * `maxAgeMs`, `readyCount` 0 and 2, and the errors waiters get.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttestationError, PrefetchingAttestationProvider, type AttestationProvider } from '../src/index.js';

/** A generator whose calls the test settles by hand. */
function manualProvider() {
  const calls: Array<{ resolve: (t: string) => void; reject: (e: unknown) => void; signal: AbortSignal }> = [];
  const provider: AttestationProvider = {
    generate: ({ signal }) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ resolve, reject, signal });
      }),
  };
  return { provider, calls };
}

const open: PrefetchingAttestationProvider[] = [];
function make(inner: AttestationProvider, options: ConstructorParameters<typeof PrefetchingAttestationProvider>[1]) {
  const p = new PrefetchingAttestationProvider(inner, { now: () => Date.now(), ...options });
  open.push(p);
  return p;
}
const signal = () => new AbortController().signal;
const ask = (p: PrefetchingAttestationProvider, s = signal()) => p.generate({ signal: s, deadline: 0 });
async function outcome(promise: Promise<string>): Promise<string> {
  try {
    return `ok ${await promise}`;
  } catch (err) {
    return err instanceof AttestationError ? `${err.code}: ${err.message}` : `other: ${String(err)}`;
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  for (const p of open.splice(0)) p.close();
  vi.useRealTimers();
});

describe('PrefetchingAttestationProvider options', () => {
  it('refuses each bad option with a message naming it and the value', () => {
    const inner: AttestationProvider = { generate: () => Promise.resolve('t') };
    const msg = (name: string, v: string) =>
      `PrefetchingAttestationProvider: ${name} must be a positive finite number of milliseconds, got ${v}`;
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: 0 })).toThrow(
      new RangeError(msg('maxAgeMs', '0')),
    );
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: Number.POSITIVE_INFINITY })).toThrow(
      msg('maxAgeMs', 'Infinity'),
    );
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: '5' as never })).toThrow(msg('maxAgeMs', '5'));
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: 10, generateTimeoutMs: -1 })).toThrow(
      msg('generateTimeoutMs', '-1'),
    );
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: 10, retryDelayMs: 0 })).toThrow(
      msg('retryDelayMs', '0'),
    );
    expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: 10, maxRetryDelayMs: Number.NaN })).toThrow(
      msg('maxRetryDelayMs', 'NaN'),
    );
    for (const readyCount of [-1, 1.5]) {
      expect(() => new PrefetchingAttestationProvider(inner, { maxAgeMs: 10, readyCount })).toThrow(
        new RangeError(
          `PrefetchingAttestationProvider: readyCount must be a non-negative integer, got ${String(readyCount)}`,
        ),
      );
    }
    expect(() => new PrefetchingAttestationProvider(null as never, { maxAgeMs: 10 })).toThrow(
      new TypeError('PrefetchingAttestationProvider: inner provider must have a generate() method'),
    );
  });

  it('eager by default with one token ready; eager: false starts nothing; readyCount 0 keeps none', async () => {
    const eager = manualProvider();
    make(eager.provider, { maxAgeMs: 1_000 });
    expect(eager.calls).toHaveLength(1);
    const lazy = manualProvider();
    const p = make(lazy.provider, { maxAgeMs: 1_000, eager: false });
    expect(lazy.calls).toHaveLength(0);
    expect(p.stats).toEqual({ servedReady: 0, servedAfterWait: 0, discardedStale: 0, generations: 0, failures: 0 });
    const none = manualProvider();
    const zero = make(none.provider, { maxAgeMs: 1_000, readyCount: 0 });
    expect(none.calls).toHaveLength(0);
    const waiting = ask(zero);
    expect(none.calls).toHaveLength(1);
    none.calls[0]?.resolve('only');
    await expect(waiting).resolves.toBe('only');
    await vi.advanceTimersByTimeAsync(0);
    expect(none.calls).toHaveLength(1);
    expect(zero.readySize).toBe(0);
  });

  it('readyCount 2 keeps two ready and refills what is taken', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, readyCount: 2 });
    expect(m.calls).toHaveLength(2);
    m.calls[0]?.resolve('a');
    m.calls[1]?.resolve('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(p.readySize).toBe(2);
    await expect(ask(p)).resolves.toBe('a');
    expect(m.calls).toHaveLength(3);
    expect(p.stats).toMatchObject({ servedReady: 1, generations: 3 });
  });

  it('the default generate time-out is 10 s: a hung generator fails its waiter with timeout at 10,000 ms', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 0 });
    const r = ask(p).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(m.calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await r;
    expect(err).toMatchObject({ code: 'timeout', message: 'attestation generator timed out' });
    expect((err as AttestationError).cause).toMatchObject({
      code: 'timeout',
      message: 'attestation provider did not answer within 10000 ms',
    });
    expect(m.calls[0]?.signal.aborted).toBe(true);
    expect(p.stats.failures).toBe(1);
  });
});

describe('PrefetchingAttestationProvider behaviour on a fake clock', () => {
  it('serves a ready token, counts it, and never one that reached maxAgeMs (counted as stale)', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 500 });
    m.calls[0]?.resolve('t1');
    await vi.advanceTimersByTimeAsync(0);
    expect(p.readySize).toBe(1);
    await expect(ask(p)).resolves.toBe('t1');
    expect(p.stats).toEqual({ servedReady: 1, servedAfterWait: 0, discardedStale: 0, generations: 2, failures: 0 });
    m.calls[1]?.resolve('t2');
    await vi.advanceTimersByTimeAsync(0);
    // The expiry timer drops t2 once it is 500 ms old (the refill for it starts then).
    await vi.advanceTimersByTimeAsync(499);
    expect(p.readySize).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(p.readySize).toBe(0);
    expect(p.stats.discardedStale).toBe(1);
    expect(m.calls).toHaveLength(3);
  });

  it('a waiter gets the next token to finish (servedAfterWait) and its own generation is started', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 0 });
    const a = ask(p);
    const b = ask(p);
    expect(m.calls).toHaveLength(2);
    m.calls[1]?.resolve('second-finished-first');
    await expect(a).resolves.toBe('second-finished-first');
    m.calls[0]?.resolve('first');
    await expect(b).resolves.toBe('first');
    expect(p.stats.servedAfterWait).toBe(2);
  });

  it('a failed generation fails the oldest uncovered waiter with provider-failed, cause kept', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 0 });
    const a = ask(p);
    const secret = new Error('generator said no');
    m.calls[0]?.reject(secret);
    const err: unknown = await a.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttestationError);
    expect(err).toMatchObject({ code: 'provider-failed', message: 'attestation generator failed' });
    expect((err as AttestationError).cause).toMatchObject({ code: 'provider-failed' });
    expect(((err as AttestationError).cause as AttestationError).cause).toBe(secret);
  });

  it('a failure while another generation still covers the waiter leaves the waiter waiting', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 1 });
    const a = ask(p);
    // One generation for the waiter and one for the standby token.
    expect(m.calls).toHaveLength(2);
    m.calls[0]?.reject(new Error('x'));
    await vi.advanceTimersByTimeAsync(0);
    m.calls[1]?.resolve('covered');
    await expect(a).resolves.toBe('covered');
  });

  it('backs off 100, 200, 400 ms by default after consecutive failures, capped, and a success resets it', async () => {
    let calls = 0;
    let fail = true;
    const times: number[] = [];
    const inner: AttestationProvider = {
      generate: () => {
        calls++;
        times.push(Date.now());
        return fail ? Promise.reject(new Error('down')) : Promise.resolve(`tok${calls}`);
      },
    };
    const p = make(inner, { maxAgeMs: 60_000, maxRetryDelayMs: 300 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(3);
    // 400 would be next; the cap makes it 300.
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(4);
    expect(p.stats.failures).toBe(4);
    fail = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toBe(5);
    expect(p.readySize).toBe(1);
    // After the success, a new failure starts again at 100 ms.
    fail = true;
    await expect(ask(p)).resolves.toBe('tok5');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(6);
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toBe(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(7);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toEqual([100, 200, 300, 300, 0, 100]);
  });

  it('a request during backoff still gets its own generation, and its success ends the backoff', async () => {
    let calls = 0;
    const inner: AttestationProvider = {
      generate: () => {
        calls++;
        return calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve('fresh');
      },
    };
    const p = make(inner, { maxAgeMs: 60_000, retryDelayMs: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    const r = ask(p);
    expect(calls).toBe(2);
    await expect(r).resolves.toBe('fresh');
    // The success reset the backoff: the standby token is refilled at once, not after 10 s.
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);
  });

  it('refuses with exact messages: closed before and after, aborted before and while waiting', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false });
    expect(await outcome(ask(p, AbortSignal.abort()))).toBe('aborted: attestation request was cancelled');
    const c = new AbortController();
    const waiting = outcome(ask(p, c.signal));
    const other = outcome(ask(p));
    c.abort();
    expect(await waiting).toBe('aborted: attestation request was cancelled');
    expect(p.closed).toBe(false);
    p.close();
    expect(p.closed).toBe(true);
    expect(await other).toBe('closed: prefetching attestation provider was closed');
    expect(await outcome(ask(p))).toBe('closed: prefetching attestation provider is closed');
    expect(m.calls.every((x) => x.signal.aborted)).toBe(true);
    // A generation finishing after close is dropped.
    m.calls[0]?.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(p.readySize).toBe(0);
  });

  it('an aborted waiter is removed: the token that then arrives is kept ready instead', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 0 });
    const c = new AbortController();
    const a = outcome(ask(p, c.signal));
    c.abort();
    expect(await a).toBe('aborted: attestation request was cancelled');
    m.calls[0]?.resolve('kept');
    await vi.advanceTimersByTimeAsync(0);
    expect(p.readySize).toBe(1);
    await expect(ask(p)).resolves.toBe('kept');
    expect(p.stats.servedReady).toBe(1);
  });

  it('stats is a snapshot, not a live view', () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000 });
    const s = p.stats;
    s.generations = 99;
    expect(p.stats.generations).toBe(1);
  });

  it('waits for expiry on one timer: the clock is not polled while a token is fresh', async () => {
    let reads = 0;
    const m = manualProvider();
    const p = make(m.provider, {
      maxAgeMs: 10_000,
      now: () => {
        reads++;
        return Date.now();
      },
    });
    m.calls[0]?.resolve('t');
    await vi.advanceTimersByTimeAsync(0);
    const before = reads;
    await vi.advanceTimersByTimeAsync(9_000);
    expect(reads - before).toBeLessThan(5);
    expect(p.readySize).toBe(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(p.readySize).toBe(0);
    expect(p.stats.discardedStale).toBe(1);
  });

  it('a served waiter stops listening to its signal', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, eager: false, readyCount: 0 });
    const c = new AbortController();
    const remove = vi.spyOn(c.signal, 'removeEventListener');
    const waiting = ask(p, c.signal);
    m.calls[0]?.resolve('served');
    await expect(waiting).resolves.toBe('served');
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('generations cut short by close() are not counted as failures and start no backoff', async () => {
    const m = manualProvider();
    const p = make(m.provider, { maxAgeMs: 60_000, readyCount: 2 });
    expect(m.calls).toHaveLength(2);
    p.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.stats).toMatchObject({ failures: 0, generations: 2 });
    expect(m.calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
