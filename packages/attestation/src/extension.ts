/**
 * The client side: a `@cask/client` extension that opts into attestation and
 * answers the server's `attestation/generate` requests.
 * @module
 */
import { hasFunction } from './guards.js';
import type { AttestationGenerateResponse } from '@cask/protocol';
import type { ClientExtension, ServerRequestHandler } from './client-types.js';
import { generateWithin } from './deadline.js';
import type { AttestationProvider } from './provider.js';

/**
 * The app-server's own wait for an `attestation/generate` answer, in
 * milliseconds (upstream `ATTESTATION_GENERATE_TIMEOUT`). Past it, the server
 * sends its upstream request with a "timeout" status and no token.
 */
export const SERVER_ATTESTATION_BUDGET_MS = 100;

/**
 * Default time the client gives its provider: the server's 100 ms less a
 * margin for the round trip over stdio and event-loop delay.
 */
export const DEFAULT_CLIENT_BUDGET_MS = 80;

/** Options for {@link attestation}. */
export interface AttestationExtensionOptions {
  /**
   * Milliseconds the provider gets per request before the handler gives up and
   * answers with an error. Defaults to {@link DEFAULT_CLIENT_BUDGET_MS}.
   * Values at or above {@link SERVER_ATTESTATION_BUDGET_MS} are allowed but
   * pointless: the server stops waiting at 100 ms.
   */
  budgetMs?: number;
}

/**
 * Builds a client extension that
 * - sets `capabilities.requestAttestation: true` in `initialize` (without it
 *   the server never sends `attestation/generate`), and
 * - answers each `attestation/generate` with `{ token }` from `provider`.
 *
 * Each request is independent: it gets its own deadline and abort signal.
 * If the provider is slower than the budget, throws, or returns something
 * other than a non-empty string, the handler throws an
 * {@link AttestationError} (which the client sends back as a JSON-RPC error);
 * it never answers late and never waits past the budget. Tokens are never
 * logged or put into error messages.
 *
 * @example
 * ```ts
 * const client = await AppServerClient.start({
 *   // ...
 *   extensions: [attestation(myProvider, { budgetMs: 60 })],
 * });
 * ```
 */
export function attestation(provider: AttestationProvider, options: AttestationExtensionOptions = {}): ClientExtension {
  const budgetMs = options.budgetMs ?? DEFAULT_CLIENT_BUDGET_MS;
  if (!Number.isFinite(budgetMs) || budgetMs <= 0) {
    throw new RangeError(
      `attestation(): budgetMs must be a positive finite number of milliseconds, got ${String(budgetMs)}`,
    );
  }
  if (!hasFunction(provider, 'generate')) {
    throw new TypeError('attestation(): provider must have a generate({ signal, deadline }) method');
  }
  const handler: ServerRequestHandler<'attestation/generate'> = async (_params, ctx) => {
    const token = await generateWithin(provider, { budgetMs, signal: ctx.signal });
    const response: AttestationGenerateResponse = { token };
    return response;
  };
  return {
    name: 'attestation',
    capabilities: { requestAttestation: true },
    serverRequestHandlers: { 'attestation/generate': handler },
  };
}
