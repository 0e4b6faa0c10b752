/**
 * `generateWithin` on its own (the deadline both the extension and the
 * prefetching provider run under), the error type and its guard: each way a
 * call can end, with its exact code and message, and what the provider sees.
 */
import { describe, expect, it, vi } from 'vitest';
import { AttestationError, generateWithin, isAttestationError, type AttestationProvider } from '../src/index.js';
import { hasFunction } from '../src/guards.js';
import { sleep } from './helpers.js';

/** Awaits `promise` and returns what it rejected with (fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, got a value');
}

function expectAttestationError(err: unknown, code: string, message: string): void {
  expect(err).toBeInstanceOf(AttestationError);
  expect(err).toMatchObject({ name: 'AttestationError', code, message });
}

describe('generateWithin', () => {
  it('refuses a budget that is not a positive finite number', async () => {
    const provider: AttestationProvider = { generate: () => Promise.resolve('tok') };
    for (const budgetMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const err = await rejection(generateWithin(provider, { budgetMs }));
      expect(err).toBeInstanceOf(RangeError);
      expect((err as Error).message).toBe(
        `budgetMs must be a positive finite number of milliseconds, got ${String(budgetMs)}`,
      );
    }
    await expect(generateWithin(provider, { budgetMs: 1 })).resolves.toBe('tok');
  });

  it('refuses at once, without calling the provider, when the signal is already aborted', async () => {
    const generate = vi.fn(() => Promise.resolve('tok'));
    const err = await rejection(generateWithin({ generate }, { budgetMs: 100, signal: AbortSignal.abort() }));
    expectAttestationError(err, 'aborted', 'attestation request was cancelled before it started');
    expect(generate).not.toHaveBeenCalled();
  });

  it('passes the provider a live signal and the deadline (now + budget); aborts the signal once settled', async () => {
    const seen: Array<{ signal: AbortSignal; deadline: number; abortedAtCall: boolean }> = [];
    const provider: AttestationProvider = {
      generate: (o) => {
        seen.push({ ...o, abortedAtCall: o.signal.aborted });
        return Promise.resolve('tok-1');
      },
    };
    await expect(generateWithin(provider, { budgetMs: 250, now: () => 1_000 })).resolves.toBe('tok-1');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.deadline).toBe(1_250);
    expect(seen[0]?.abortedAtCall).toBe(false);
    expect(seen[0]?.signal.aborted).toBe(true);
    expectAttestationError(seen[0]?.signal.reason, 'aborted', 'attestation no longer needed');
  });

  it('defaults the clock to Date.now', async () => {
    let deadline = 0;
    const before = Date.now();
    await generateWithin(
      {
        generate: (o) => {
          deadline = o.deadline;
          return Promise.resolve('tok');
        },
      },
      { budgetMs: 500 },
    );
    expect(deadline).toBeGreaterThanOrEqual(before + 500);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 500);
  });

  it('times out at the budget: rejects with timeout and aborts the provider with the deadline reason', async () => {
    let signal: AbortSignal | undefined;
    const provider: AttestationProvider = {
      generate: (o) => {
        signal = o.signal;
        return new Promise<string>(() => undefined);
      },
    };
    const t0 = performance.now();
    const err = await rejection(generateWithin(provider, { budgetMs: 60 }));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    expectAttestationError(err, 'timeout', 'attestation provider did not answer within 60 ms');
    expect(signal?.aborted).toBe(true);
    expectAttestationError(signal?.reason, 'timeout', 'attestation deadline of 60 ms passed');
  });

  it('a late answer after the time-out is ignored, and a late rejection is not unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const late: AttestationProvider = { generate: () => sleep(40).then(() => 'late-token') };
      const err = await rejection(generateWithin(late, { budgetMs: 10 }));
      expectAttestationError(err, 'timeout', 'attestation provider did not answer within 10 ms');
      const lateFail: AttestationProvider = {
        generate: () => sleep(40).then(() => Promise.reject(new Error('late secret'))),
      };
      expectAttestationError(
        await rejection(generateWithin(lateFail, { budgetMs: 10 })),
        'timeout',
        'attestation provider did not answer within 10 ms',
      );
      await sleep(80);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('the outer signal aborting mid-call rejects with aborted and aborts the provider', async () => {
    let signal: AbortSignal | undefined;
    const provider: AttestationProvider = {
      generate: (o) => {
        signal = o.signal;
        return new Promise<string>(() => undefined);
      },
    };
    const outer = new AbortController();
    const pending = generateWithin(provider, { budgetMs: 5_000, signal: outer.signal });
    outer.abort();
    expectAttestationError(await rejection(pending), 'aborted', 'attestation request was cancelled');
    expect(signal?.aborted).toBe(true);
    expectAttestationError(signal?.reason, 'aborted', 'attestation no longer needed');
  });

  it('stops listening to the outer signal once settled', async () => {
    const outer = new AbortController();
    const remove = vi.spyOn(outer.signal, 'removeEventListener');
    await generateWithin({ generate: () => Promise.resolve('tok') }, { budgetMs: 100, signal: outer.signal });
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    // Aborting afterwards changes nothing (and throws nothing).
    outer.abort();
  });

  it.each([
    [null, 'attestation provider returned null instead of a string'],
    [['t'], 'attestation provider returned an array instead of a string'],
    [{ token: 't' }, 'attestation provider returned an object instead of a string'],
    [42, 'attestation provider returned a number instead of a string'],
    [undefined, 'attestation provider returned a undefined instead of a string'],
    ['', 'attestation provider returned an empty token'],
  ])('an answer of %j is invalid-token: %s', async (value, message) => {
    const provider = { generate: () => Promise.resolve(value) } as unknown as AttestationProvider;
    expectAttestationError(await rejection(generateWithin(provider, { budgetMs: 100 })), 'invalid-token', message);
  });

  it('a throwing or rejecting provider is provider-failed, with its error as cause and not in the message', async () => {
    const thrown = new Error('secret-token-in-message');
    const sync: AttestationProvider = {
      generate: () => {
        throw thrown;
      },
    };
    const err = await rejection(generateWithin(sync, { budgetMs: 100 }));
    expectAttestationError(err, 'provider-failed', 'attestation provider failed');
    expect((err as Error).cause).toBe(thrown);
    const nonError: AttestationProvider = {
      generate: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a JavaScript provider may throw anything
        throw 'plain string';
      },
    };
    const wrapped = await rejection(generateWithin(nonError, { budgetMs: 100 }));
    expectAttestationError(wrapped, 'provider-failed', 'attestation provider failed');
    expect((wrapped as Error).cause).toBeInstanceOf(Error);
    expect(((wrapped as Error).cause as Error).message).toBe('plain string');
    const rejecting: AttestationProvider = { generate: () => Promise.reject(thrown) };
    const rejected = await rejection(generateWithin(rejecting, { budgetMs: 100 }));
    expectAttestationError(rejected, 'provider-failed', 'attestation provider failed');
    expect((rejected as Error).cause).toBe(thrown);
  });
});

describe('AttestationError and isAttestationError', () => {
  it('carries its code, and a cause only when one is given', () => {
    const plain = new AttestationError('closed', 'm');
    expect(plain).toBeInstanceOf(Error);
    expect([plain.name, plain.code, plain.message]).toEqual(['AttestationError', 'closed', 'm']);
    expect('cause' in plain).toBe(false);
    const withCause = new AttestationError('provider-failed', 'm', { cause: 'c' });
    expect(withCause.cause).toBe('c');
    expect('cause' in new AttestationError('timeout', 'm', {})).toBe(false);
  });

  it('recognises the class, and look-alikes from another copy of the package, and nothing else', () => {
    expect(isAttestationError(new AttestationError('timeout', 'm'))).toBe(true);
    const copy = Object.assign(new Error('m'), { code: 'timeout' });
    Object.defineProperty(copy, 'name', { value: 'AttestationError' });
    expect(isAttestationError(copy)).toBe(true);
    const noCode = new Error('m');
    Object.defineProperty(noCode, 'name', { value: 'AttestationError' });
    expect(isAttestationError(noCode)).toBe(false);
    expect(isAttestationError(Object.assign(new Error('m'), { code: 'timeout' }))).toBe(false);
    expect(isAttestationError({ name: 'AttestationError', code: 'timeout', message: 'm' })).toBe(false);
    expect(isAttestationError(null)).toBe(false);
  });

  it('hasFunction', () => {
    expect(hasFunction({ generate: () => 1 }, 'generate')).toBe(true);
    expect(hasFunction({ generate: 1 }, 'generate')).toBe(false);
    expect(hasFunction(null, 'generate')).toBe(false);
    expect(hasFunction(() => 1, 'call')).toBe(false);
  });
});
