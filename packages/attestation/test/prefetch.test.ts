import { afterEach, describe, expect, it } from 'vitest';
import {
  AttestationError,
  attestation,
  PrefetchingAttestationProvider,
  type AttestationProvider,
} from '../src/index.js';
import { captureOutput, errorText, sleep, slowProvider } from './helpers.js';

const open: PrefetchingAttestationProvider[] = [];

function handlerOf(ext: ReturnType<typeof attestation>) {
  const handler = ext.serverRequestHandlers?.['attestation/generate'];
  if (!handler) throw new Error('the extension registers no attestation/generate handler');
  return handler;
}
function make(inner: AttestationProvider, options: ConstructorParameters<typeof PrefetchingAttestationProvider>[1]) {
  const p = new PrefetchingAttestationProvider(inner, options);
  open.push(p);
  return p;
}
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

const call = (p: AttestationProvider, signal = new AbortController().signal) =>
  p.generate({ signal, deadline: Date.now() + 1_000 });

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(2);
  }
}

describe('PrefetchingAttestationProvider', () => {
  it('has a token ready ahead of time and answers from it immediately', async () => {
    const inner = slowProvider(60);
    const p = make(inner, { maxAgeMs: 10_000 });
    await until(() => p.readySize === 1);
    const started = performance.now();
    const token = await call(p);
    expect(performance.now() - started).toBeLessThan(15);
    expect(token).toBe(inner.minted[0]);
    expect(p.stats.servedReady).toBe(1);
  });

  it('hands each token out at most once and refills in the background', async () => {
    const inner = slowProvider(20);
    const p = make(inner, { maxAgeMs: 10_000 });
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) tokens.push(await call(p));
    expect(new Set(tokens).size).toBe(6);
    for (const t of tokens) expect(inner.minted).toContain(t);
    await until(() => p.readySize === 1);
    // one spare is kept; nothing more is generated while idle
    const generated = p.stats.generations;
    await sleep(80);
    expect(p.stats.generations).toBe(generated);
  });

  it('gives concurrent waiters their own generations instead of queueing them', async () => {
    const inner = slowProvider(80);
    const p = make(inner, { maxAgeMs: 10_000, eager: false });
    const started = performance.now();
    const tokens = await Promise.all(Array.from({ length: 5 }, () => call(p)));
    expect(performance.now() - started).toBeLessThan(160);
    expect(new Set(tokens).size).toBe(5);
  });

  it('never hands out a token older than maxAgeMs and replaces it when it expires', async () => {
    let t = 1_000;
    const now = () => t;
    const inner = slowProvider(5);
    const p = make(inner, { maxAgeMs: 50, now });
    await until(() => p.readySize === 1);
    const [first] = inner.minted;
    expect(first).toBeTypeOf('string');
    t += 60; // the ready token is now stale
    const token = await call(p);
    expect(token).not.toBe(first);
    expect(p.stats.discardedStale).toBeGreaterThanOrEqual(1);
  });

  it('serves a token exactly maxAgeMs - 1 ms old, never one exactly maxAgeMs old', async () => {
    for (const [age, served] of [
      [49, true],
      [50, false],
    ] as const) {
      let t = 1_000;
      const inner = slowProvider(5);
      const p = make(inner, { maxAgeMs: 50, now: () => t });
      await until(() => p.readySize === 1);
      t += age;
      const token = await call(p);
      expect(token === inner.minted[0]).toBe(served);
      expect(p.stats.discardedStale).toBe(served ? 0 : 1);
    }
  });

  it('hands each ready token to exactly one request, even when several take from the ready set at once', async () => {
    const inner = slowProvider(200);
    const p = make(inner, { maxAgeMs: 10_000, readyCount: 3 });
    await until(() => p.readySize === 3, 3_000);
    const tokens = await Promise.all([call(p), call(p), call(p)]);
    expect(tokens).toEqual(inner.minted.slice(0, 3));
    expect(new Set(tokens).size).toBe(3);
    expect(p.stats.servedReady).toBe(3);
    expect(p.readySize).toBe(0);
  });

  it('drops an expired token on its own, without a request, and refills', async () => {
    const inner = slowProvider(5);
    const p = make(inner, { maxAgeMs: 40 });
    await until(() => p.readySize === 1);
    await sleep(120);
    expect(p.stats.discardedStale).toBeGreaterThanOrEqual(1);
    expect(p.stats.generations).toBeGreaterThanOrEqual(2);
    await until(() => p.readySize === 1);
  });

  it('fails a waiting request promptly when the generator fails, then recovers', async () => {
    let fail = true;
    const inner: AttestationProvider = {
      generate: async () => {
        await sleep(5);
        if (fail) throw new Error('generator down SECRET');
        return `ok-${Math.random()}`;
      },
    };
    const p = make(inner, { maxAgeMs: 10_000, eager: false, retryDelayMs: 10 });
    const error = await call(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AttestationError);
    expect((error as AttestationError).code).toBe('provider-failed');
    expect(errorText(error)).not.toContain('SECRET');
    fail = false;
    await until(() => p.readySize === 1);
    expect(await call(p)).toMatch(/^ok-/);
    expect(p.stats.failures).toBeGreaterThanOrEqual(1);
  });

  it('backs off between failed background refills', async () => {
    let calls = 0;
    const inner: AttestationProvider = {
      generate: () => {
        calls++;
        return Promise.reject(new Error('down'));
      },
    };
    make(inner, { maxAgeMs: 10_000, retryDelayMs: 20, maxRetryDelayMs: 40 });
    await sleep(250);
    // 20 + 40 + 40 + 40 ... ms between attempts: about 7 in 250 ms; it keeps
    // retrying but never spins (a hot loop would make thousands of calls)
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(10);
  });

  it('times out a hung generator and removes a waiter whose signal aborts', async () => {
    const hung: AttestationProvider = { generate: () => new Promise(() => undefined) };
    const p = make(hung, { maxAgeMs: 10_000, eager: false, generateTimeoutMs: 30 });
    const controller = new AbortController();
    const a = call(p, controller.signal).catch((e: unknown) => (e instanceof AttestationError ? e.code : e));
    const b = call(p).catch((e: unknown) => (e instanceof AttestationError ? e.code : e));
    controller.abort();
    expect(await a).toBe('aborted');
    expect(await b).toBe('timeout');
  });

  it('close() rejects waiters, drops ready tokens, aborts generations and refuses new requests', async () => {
    const inner = slowProvider(1_000);
    const p = make(inner, { maxAgeMs: 10_000 });
    const waiting = call(p).catch((e: unknown) => (e instanceof AttestationError ? e.code : e));
    p.close();
    p.close();
    expect(await waiting).toBe('closed');
    expect(p.readySize).toBe(0);
    expect(inner.calls.every((c) => c.signal.aborted)).toBe(true);
    await expect(call(p)).rejects.toMatchObject({ code: 'closed' });
  });

  it('lets attestation() meet a budget the raw generator cannot', async () => {
    const inner = slowProvider(150);
    const handlerRaw = handlerOf(attestation(inner, { budgetMs: 80 }));
    const p = make(slowProvider(150), { maxAgeMs: 10_000 });
    const handlerPre = handlerOf(attestation(p, { budgetMs: 80 }));
    const ctx = { id: 1, method: 'attestation/generate' as const, signal: new AbortController().signal };
    await expect(Promise.resolve(handlerRaw({}, ctx))).rejects.toMatchObject({ code: 'timeout' });
    await until(() => p.readySize === 1);
    await expect(Promise.resolve(handlerPre({}, ctx))).resolves.toHaveProperty('token');
  });

  it('writes nothing to the console', async () => {
    const inner = slowProvider(5);
    const { output } = await captureOutput(async () => {
      const p = make(inner, { maxAgeMs: 30 });
      await call(p);
      await sleep(60);
      p.close();
    });
    expect(output).toBe('');
  });

  it('validates its options', () => {
    expect(() => new PrefetchingAttestationProvider(slowProvider(1), { maxAgeMs: 0 })).toThrow(/maxAgeMs/);
    expect(
      () => new PrefetchingAttestationProvider(slowProvider(1), { maxAgeMs: 10, readyCount: -1, eager: false }),
    ).toThrow(/readyCount/);
    expect(() => new PrefetchingAttestationProvider({} as AttestationProvider, { maxAgeMs: 10 })).toThrow(/generate/);
  });
});
