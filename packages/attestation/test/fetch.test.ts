/**
 * `withAttestation` in detail: its argument checks (exact messages), the
 * default 100 ms budget, what `requestToken` is given, each failure and its
 * status, the caller's abort, and the redirect mode it forces.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  ATTESTATION_HEADER_NAME,
  AttestationError,
  attestationScopeFor,
  withAttestation,
  type TokenRequestContext,
} from '../src/index.js';
import { sleep } from './helpers.js';

const SCOPED = 'https://chatgpt.com/backend-api/codex/responses';

function recordingFetch() {
  const seen: Request[] = [];
  const fetchImpl = (input: string | URL | Request): Promise<Response> => {
    if (!(input instanceof Request)) throw new Error('withAttestation passes a Request');
    seen.push(input);
    return Promise.resolve(new Response('ok'));
  };
  return { seen, fetchImpl, header: (i = 0) => seen[i]?.headers.get(ATTESTATION_HEADER_NAME) ?? null };
}

describe('withAttestation arguments', () => {
  it('refuses a fetch that is not a function, a missing requestToken, and a budget that is not positive', () => {
    const { fetchImpl } = recordingFetch();
    const requestToken = () => Promise.resolve('t');
    expect(() => withAttestation('fetch' as never, { requestToken })).toThrow(
      new TypeError('withAttestation(): fetch must be a function'),
    );
    expect(() => withAttestation(fetchImpl, {} as never)).toThrow(
      new TypeError('withAttestation(): options.requestToken must be a function'),
    );
    expect(() => withAttestation(fetchImpl, { requestToken: 'x' } as never)).toThrow(
      'withAttestation(): options.requestToken must be a function',
    );
    for (const budgetMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => withAttestation(fetchImpl, { requestToken, budgetMs })).toThrow(
        new RangeError(`withAttestation(): budgetMs must be a positive finite number, got ${String(budgetMs)}`),
      );
    }
    expect(() => withAttestation(fetchImpl, { requestToken, budgetMs: 1 })).not.toThrow();
  });
});

describe('withAttestation in scope', () => {
  it('gives requestToken the URL as a URL and a live signal, aborted once the header is decided', async () => {
    const { fetchImpl, header } = recordingFetch();
    let ctx: TokenRequestContext | undefined;
    let abortedDuring: boolean | undefined;
    const attested = withAttestation(fetchImpl, {
      requestToken: (c) => {
        ctx = c;
        abortedDuring = c.signal.aborted;
        return Promise.resolve('tok');
      },
    });
    await attested(`${SCOPED}?q=1`);
    expect(ctx?.url).toBeInstanceOf(URL);
    expect(ctx?.url.href).toBe(`${SCOPED}?q=1`);
    expect(abortedDuring).toBe(false);
    expect(ctx?.signal.aborted).toBe(true);
    expect(header()).toBe('{"v":1,"s":0,"t":"tok"}');
  });

  it('waits the default 100 ms budget: an answer at 30 ms is used, one never coming times out after ~100 ms', async () => {
    const { fetchImpl, header } = recordingFetch();
    await withAttestation(fetchImpl, { requestToken: () => sleep(30).then(() => 'slowish') })(SCOPED);
    expect(header()).toBe('{"v":1,"s":0,"t":"slowish"}');
    const t0 = performance.now();
    await withAttestation(fetchImpl, { requestToken: () => new Promise<string>(() => undefined) })(SCOPED);
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(95);
    expect(took).toBeLessThan(1_000);
    expect(header(1)).toBe('{"v":1,"s":1}');
  });

  it('tells requestToken why it was aborted at the deadline', async () => {
    const { fetchImpl } = recordingFetch();
    let signal: AbortSignal | undefined;
    await withAttestation(fetchImpl, {
      budgetMs: 20,
      requestToken: (c) => {
        signal = c.signal;
        return new Promise<string>(() => undefined);
      },
    })(SCOPED);
    expect(signal?.reason).toBeInstanceOf(AttestationError);
    expect(signal?.reason).toMatchObject({ code: 'timeout', message: 'no token within 20 ms' });
  });

  it.each([
    ['invalid-token', '{"v":1,"s":4}'],
    ['provider-failed', '{"v":1,"s":2}'],
    ['closed', '{"v":1,"s":2}'],
    ['timeout', '{"v":1,"s":1}'],
    ['aborted', '{"v":1,"s":3}'],
  ] as const)('an AttestationError %s becomes %s', async (code, expected) => {
    const { fetchImpl, header } = recordingFetch();
    await withAttestation(fetchImpl, { requestToken: () => Promise.reject(new AttestationError(code, 'x')) })(SCOPED);
    expect(header()).toBe(expected);
  });

  it('a requestToken that throws synchronously, or rejects with a non-error, is RequestFailed', async () => {
    const { fetchImpl, header } = recordingFetch();
    await withAttestation(fetchImpl, {
      requestToken: () => {
        throw new Error('sync');
      },
    })(SCOPED);
    await withAttestation(fetchImpl, {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a caller's function may reject with anything
      requestToken: () => Promise.reject('plain'),
    })(SCOPED);
    expect([header(0), header(1)]).toEqual(['{"v":1,"s":2}', '{"v":1,"s":2}']);
  });

  it("the caller's abort cancels requestToken with RequestCanceled, and requestToken sees the reason", async () => {
    const { fetchImpl, header } = recordingFetch();
    const caller = new AbortController();
    let signal: AbortSignal | undefined;
    const sent = withAttestation(fetchImpl, {
      budgetMs: 5_000,
      requestToken: (c) => {
        signal = c.signal;
        return new Promise<string>(() => undefined);
      },
    })(SCOPED, { signal: caller.signal });
    await sleep(10);
    const t0 = performance.now();
    caller.abort();
    await sent;
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(header()).toBe('{"v":1,"s":3}');
    expect(signal?.reason).toMatchObject({ code: 'aborted', message: 'request aborted' });
  });

  it('an abort event on the token signal without an Error reason still reads as RequestCanceled', async () => {
    const { fetchImpl, header } = recordingFetch();
    await withAttestation(fetchImpl, {
      budgetMs: 5_000,
      requestToken: (c) => {
        // The signal's controller is private: an abort event dispatched on the signal (reason still undefined)
        // takes the same path as an abort whose reason is not an Error.
        setTimeout(() => {
          c.signal.dispatchEvent(new Event('abort'));
        }, 5);
        return new Promise<string>(() => undefined);
      },
    })(SCOPED);
    expect(header()).toBe('{"v":1,"s":3}');
  });

  it('undefined from requestToken sends no header, and removes one the caller set', async () => {
    const { fetchImpl, header } = recordingFetch();
    await withAttestation(fetchImpl, { requestToken: () => Promise.resolve(undefined) })(SCOPED, {
      headers: { [ATTESTATION_HEADER_NAME]: 'forged' },
    });
    expect(header()).toBeNull();
  });

  it("redirect: 'manual' is forced when asked for, over the caller's 'follow'; out of scope the caller's stays", async () => {
    const { fetchImpl, seen } = recordingFetch();
    const attested = withAttestation(fetchImpl, { requestToken: () => Promise.resolve('t'), redirect: 'manual' });
    await attested(SCOPED, { redirect: 'follow' });
    await attested('https://example.test/', { redirect: 'follow' });
    expect(seen.map((r) => r.redirect)).toEqual(['manual', 'follow']);
  });

  it('does not call requestToken out of scope', async () => {
    const { fetchImpl } = recordingFetch();
    const requestToken = vi.fn(() => Promise.resolve('t'));
    await withAttestation(fetchImpl, { requestToken })('https://example.test/backend-api/codex/responses');
    expect(requestToken).not.toHaveBeenCalled();
  });

  it('uses the scope it is given instead of the default one', async () => {
    const { fetchImpl, seen } = recordingFetch();
    const attested = withAttestation(fetchImpl, {
      requestToken: () => Promise.resolve('t'),
      scope: attestationScopeFor('https://example.test/base'),
    });
    await attested('https://example.test/base/responses');
    await attested(SCOPED);
    expect(seen.map((r) => r.headers.get(ATTESTATION_HEADER_NAME))).toEqual(['{"v":1,"s":0,"t":"t"}', null]);
  });
});
