/**
 * The error type every client-side failure in this package is reported with.
 * @module
 */

/** Why an attestation could not be produced. */
export type AttestationErrorCode =
  /** The provider did not answer before the deadline. */
  | 'timeout'
  /** The provider threw or rejected. */
  | 'provider-failed'
  /** The provider answered with something that is not a usable token. */
  | 'invalid-token'
  /** The request was cancelled (the caller's signal was aborted). */
  | 'aborted'
  /** The provider has been closed and hands out no more tokens. */
  | 'closed';

/**
 * A failure to produce an attestation token.
 *
 * Its `message` is written by this package and never includes a token or the
 * text of an error thrown by a provider (which could quote one). The original
 * error, when there is one, is kept in `cause` for debugging; treat it as
 * sensitive and do not log it verbatim.
 */
export class AttestationError extends Error {
  override readonly name = 'AttestationError';
  /** Machine-readable reason. */
  readonly code: AttestationErrorCode;

  constructor(code: AttestationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** True if `value` is an {@link AttestationError} (also across realms/copies). */
export function isAttestationError(value: unknown): value is AttestationError {
  return (
    value instanceof AttestationError ||
    (value instanceof Error && value.name === 'AttestationError' && 'code' in value)
  );
}
