import { describe, expect, it } from 'vitest';
import type { RequestId } from '@cask/protocol';
import {
  attestation,
  AttestationError,
  DEFAULT_CLIENT_BUDGET_MS,
  SERVER_ATTESTATION_BUDGET_MS,
  type AttestationProvider,
  type ClientExtension,
} from '../src/index.js';
import { captureOutput, errorText, sleep, slowProvider } from './helpers.js';

function handlerOf(extension: ClientExtension) {
  const handler = extension.serverRequestHandlers?.['attestation/generate'];
  if (!handler) throw new Error('extension has no attestation/generate handler');
  return (signal: AbortSignal = new AbortController().signal, id: RequestId = 0) =>
    Promise.resolve(handler({}, { id, method: 'attestation/generate', signal }));
}

async function rejection(promise: Promise<unknown>): Promise<AttestationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AttestationError);
    return error as AttestationError;
  }
  throw new Error('expected a rejection');
}

describe('attestation() extension', () => {
  it('opts in with requestAttestation and registers only attestation/generate', () => {
    const extension = attestation(slowProvider(0));
    expect(extension.capabilities).toEqual({ requestAttestation: true });
    expect(Object.keys(extension.serverRequestHandlers ?? {})).toEqual(['attestation/generate']);
  });

  it('answers with { token } from the provider, passing a signal and a deadline inside the budget', async () => {
    const provider = slowProvider(5);
    const before = Date.now();
    const result = await handlerOf(attestation(provider, { budgetMs: 50 }))();
    expect(result).toEqual({ token: provider.minted[0] });
    expect(provider.calls).toHaveLength(1);
    const call = provider.calls[0]!;
    expect(call.deadline).toBeGreaterThanOrEqual(before + 50);
    expect(call.deadline).toBeLessThanOrEqual(Date.now() + 50);
  });

  it('defaults to a budget below the server budget', () => {
    expect(DEFAULT_CLIENT_BUDGET_MS).toBeLessThan(SERVER_ATTESTATION_BUDGET_MS);
    expect(SERVER_ATTESTATION_BUDGET_MS).toBe(100);
  });

  it('fails promptly with a timeout when the provider is too slow, and aborts the provider at the deadline', async () => {
    const provider = slowProvider(1_000);
    const started = performance.now();
    const error = await rejection(handlerOf(attestation(provider, { budgetMs: 40 }))());
    const elapsed = performance.now() - started;
    expect(error.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(35);
    expect(elapsed).toBeLessThan(200);
    expect(provider.calls[0]!.signal.aborted).toBe(true);
  });

  it('never answers late: a token that arrives after the deadline is dropped and not revealed', async () => {
    let release!: (token: string) => void;
    const late: AttestationProvider = { generate: () => new Promise((resolve) => (release = resolve)) };
    const { result: error, output } = await captureOutput(async () => {
      const pending = rejection(handlerOf(attestation(late, { budgetMs: 20 }))());
      const e = await pending;
      release('LATE-SECRET-TOKEN');
      await sleep(10);
      return e;
    });
    expect(error.code).toBe('timeout');
    expect(errorText(error)).not.toContain('LATE-SECRET-TOKEN');
    expect(output).not.toContain('LATE-SECRET-TOKEN');
  });

  it('turns a throwing provider into provider-failed without quoting its message', async () => {
    const secret = 'v1.SECRET-abc123';
    const provider: AttestationProvider = {
      generate: () => Promise.reject(new Error(`could not refresh ${secret}`)),
    };
    const { result: error, output } = await captureOutput(() => rejection(handlerOf(attestation(provider))()));
    expect(error.code).toBe('provider-failed');
    expect(errorText(error)).not.toContain(secret);
    expect(output).toBe('');
    expect((error.cause as Error).message).toContain('could not refresh');
  });

  it('handles a provider that throws synchronously', async () => {
    const provider: AttestationProvider = {
      generate() {
        throw new TypeError('boom');
      },
    };
    expect((await rejection(handlerOf(attestation(provider))())).code).toBe('provider-failed');
  });

  it.each([
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['an object', { token: 'x' }],
  ])('rejects %s from the provider as invalid-token', async (_label, value) => {
    const provider = { generate: () => Promise.resolve(value) } as unknown as AttestationProvider;
    const error = await rejection(handlerOf(attestation(provider))());
    expect(error.code).toBe('invalid-token');
  });

  it('aborts the provider and fails with aborted when the client cancels the request', async () => {
    const provider = slowProvider(1_000);
    const controller = new AbortController();
    const pending = rejection(handlerOf(attestation(provider, { budgetMs: 500 }))(controller.signal));
    await sleep(10);
    const started = performance.now();
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(50);
    expect(provider.calls[0]!.signal.aborted).toBe(true);
  });

  it('keeps concurrent requests independent: one slow request does not delay or fail the others', async () => {
    let call = 0;
    const provider: AttestationProvider = {
      generate: ({ signal }) =>
        new Promise((resolve, reject) => {
          const n = ++call;
          const delay = n === 1 ? 1_000 : 5;
          const timer = setTimeout(() => resolve(`token-${n}`), delay);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
    };
    const handle = handlerOf(attestation(provider, { budgetMs: 60 }));
    const results = await Promise.allSettled([handle(undefined, 1), handle(undefined, 2), handle(undefined, 3)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'timeout' } });
    expect(
      results
        .slice(1)
        .map((r) => (r.status === 'fulfilled' ? r.value.token : 'failed'))
        .sort(),
    ).toEqual(['token-2', 'token-3']);
  });

  it('validates its arguments', () => {
    expect(() => attestation(slowProvider(0), { budgetMs: 0 })).toThrow(/budgetMs/);
    expect(() => attestation(slowProvider(0), { budgetMs: Number.NaN })).toThrow(/budgetMs/);
    expect(() => attestation({} as AttestationProvider)).toThrow(/generate/);
  });

  it('writes nothing to the console on success or failure', async () => {
    const provider = slowProvider(1);
    const { output } = await captureOutput(async () => {
      await handlerOf(attestation(provider))();
      await handlerOf(attestation(slowProvider(500), { budgetMs: 10 }))().catch(() => undefined);
    });
    expect(output).toBe('');
    expect(provider.minted).toHaveLength(1);
  });
});
