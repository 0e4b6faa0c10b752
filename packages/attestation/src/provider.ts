/**
 * The contract between this package and whatever actually produces
 * attestation tokens (a platform API, a native helper, a remote signer).
 * @module
 */

/** What a provider is given for one token request. */
export interface GenerateOptions {
  /**
   * Aborted when the answer is no longer wanted: the deadline passed, the
   * server cancelled the request, or the connection closed. A provider should
   * stop work and reject promptly when it fires.
   */
  signal: AbortSignal;
  /**
   * Epoch milliseconds (as from `Date.now()`) after which an answer is useless.
   * `signal` fires at this time at the latest.
   */
  deadline: number;
}

/**
 * Produces attestation tokens for the app-server's `attestation/generate`
 * requests.
 *
 * Rules for implementations:
 * - **Fresh per request.** Each call should produce a token meant for one
 *   upstream request. Do not return the same token twice; the backend may
 *   treat reuse as replay.
 * - **Never logged.** Tokens are credentials. Do not write them to logs,
 *   telemetry, error messages or exception text. Errors thrown from
 *   `generate` should describe what failed without quoting token material.
 * - **Never cached beyond validity.** If a provider keeps tokens around (see
 *   {@link PrefetchingAttestationProvider}), it must drop them once they are
 *   older than their validity window and must hand each one out at most once.
 * - **Respect the signal.** Reject (with anything) once `signal` aborts; the
 *   caller has already given up and will ignore a late answer.
 * - The returned string is opaque to the app-server, which forwards it
 *   unchanged inside its `x-oai-attestation` header. It must be non-empty.
 */
export interface AttestationProvider {
  /** Produces one fresh token, or rejects. */
  generate(options: GenerateOptions): Promise<string>;
}
