/**
 * Runs a provider call under a deadline and an outer cancellation signal.
 * Shared by the client extension and the prefetching wrapper.
 * @module
 */
import { AttestationError } from './errors.js';
import type { AttestationProvider } from './provider.js';

/** Options for {@link generateWithin}. */
export interface GenerateWithinOptions {
  /** Milliseconds the provider gets before the call fails with `timeout`. */
  budgetMs: number;
  /** Cancels the call early (reported as `aborted`). */
  signal?: AbortSignal | undefined;
  /** Clock, injectable for tests. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Asks `provider` for a token and settles no later than `budgetMs` from now.
 *
 * - The provider's own signal aborts at the deadline, on the outer `signal`,
 *   or as soon as this call settles for any other reason.
 * - A provider that answers late is ignored; its promise is observed so a late
 *   rejection is never reported as unhandled.
 * - Every failure is an {@link AttestationError} whose message quotes neither
 *   the token nor the provider's own error text.
 */
export function generateWithin(provider: AttestationProvider, options: GenerateWithinOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs;
  if (!Number.isFinite(budgetMs) || budgetMs <= 0) {
    return Promise.reject(
      new RangeError(`budgetMs must be a positive finite number of milliseconds, got ${String(budgetMs)}`),
    );
  }
  const outer = options.signal;
  if (outer?.aborted) {
    return Promise.reject(new AttestationError('aborted', 'attestation request was cancelled before it started'));
  }
  const deadline = now() + budgetMs;
  const controller = new AbortController();

  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
      fn();
      // Whatever happened, the provider's work is no longer wanted.
      if (!controller.signal.aborted) controller.abort(new AttestationError('aborted', 'attestation no longer needed'));
    };
    const onOuterAbort = (): void => {
      finish(() => {
        reject(new AttestationError('aborted', 'attestation request was cancelled'));
      });
    };
    const timer = setTimeout(() => {
      controller.abort(new AttestationError('timeout', `attestation deadline of ${budgetMs} ms passed`));
      finish(() => {
        reject(new AttestationError('timeout', `attestation provider did not answer within ${budgetMs} ms`));
      });
    }, budgetMs);
    outer?.addEventListener('abort', onOuterAbort, { once: true });

    let pending: Promise<string>;
    try {
      pending = Promise.resolve(provider.generate({ signal: controller.signal, deadline }));
    } catch (error) {
      pending = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    pending.then(
      (token) => {
        if (settled) return;
        if (typeof token !== 'string') {
          finish(() => {
            reject(
              new AttestationError(
                'invalid-token',
                `attestation provider returned ${describeType(token)} instead of a string`,
              ),
            );
          });
        } else if (token.length === 0) {
          finish(() => {
            reject(new AttestationError('invalid-token', 'attestation provider returned an empty token'));
          });
        } else {
          finish(() => {
            resolve(token);
          });
        }
      },
      (error: unknown) => {
        if (settled) return;
        finish(() => {
          reject(new AttestationError('provider-failed', 'attestation provider failed', { cause: error }));
        });
      },
    );
  });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
