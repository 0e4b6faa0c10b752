/**
 * User verification: a local, device-bound credential (for example behind biometrics) that
 * signs challenges, and the errors its methods return.
 * @module
 */
import type { RequestId } from '../../jsonrpc.js';

/**
 * Params of `userVerification/status` (an empty object; nothing else allowed).
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationStatusParams {}

/**
 * Why local verification cannot be used right now.
 * @experimental
 */
export type UserVerificationUnavailableReason = 'credentialMissing' | 'biometricsUnavailable' | 'providerUnavailable';

/**
 * Result of `userVerification/status`: local readiness only (no prompt, no server check).
 * @experimental
 */
export interface UserVerificationStatusResponse {
  /** The local credential's id, when one exists. */
  credentialId: string | null;
  /** A readable explanation when verification is unavailable. */
  unavailableMessage: string | null;
  unavailableReason: UserVerificationUnavailableReason | null;
}

/**
 * Params of `userVerification/enroll` (an empty object; nothing else allowed).
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationEnrollParams {}

/**
 * Result of `userVerification/enroll`: public data of the local credential that was created or
 * reused. Registering it with the backend is the caller's job; older servers leave out
 * `algorithm` and `publicKey`.
 * @experimental
 */
export interface UserVerificationEnrollResponse {
  /** The signature algorithm, when reported. */
  algorithm: string | null;
  credentialId: string;
  /** The public key: DER-encoded SubjectPublicKeyInfo in unpadded base64url. */
  publicKey: string | null;
}

/**
 * Params of `userVerification/delete` (an empty object; nothing else allowed).
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationDeleteParams {}

/**
 * Result of `userVerification/delete` (an empty object).
 * @experimental
 */
export interface UserVerificationDeleteResponse {}

/**
 * Params of `userVerification/verify`: have the user approve and sign a challenge locally.
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationVerifyParams {
  /** The challenge, 1 to 4096 bytes in unpadded base64url. */
  challenge: string;
  /** Extra context to display, at most 4096 bytes of UTF-8. */
  description: string;
  /** The prompt heading (already approved by the UI), 1 to 256 bytes of UTF-8. */
  title: string;
}

/**
 * A signature over the decoded challenge, for the verifier to check and consume.
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationProof {
  credentialId: string;
  /** ECDSA P-256 / SHA-256 signature, DER-encoded, in unpadded base64url. */
  signature: string;
}

/**
 * Result of `userVerification/verify`.
 * @experimental
 */
export interface UserVerificationVerifyResponse {
  proof: UserVerificationProof;
  /**
   * How the user proved presence, as the device reported it (context for the approval; it is not covered by
   * the signature). Older servers leave it out.
   */
  biometricType: UserVerificationBiometricType | null;
}

/**
 * The kind of biometric check a device used to verify the user.
 * @experimental
 */
export type UserVerificationBiometricType = 'fingerprint';

/**
 * Params of `userVerification/cancel`: stop a verification request still running on this
 * connection (send it under its own, new request id).
 * @additionalProperties false
 * @experimental
 */
export interface UserVerificationCancelParams {
  /** The id of the `userVerification/*` request to stop. */
  requestId: RequestId;
}

/**
 * Result of `userVerification/cancel`: the signal was received. Unknown or finished requests
 * are ignored and nothing already done is undone.
 * @experimental
 */
export interface UserVerificationCancelResponse {}

/**
 * Why a request was rejected as malformed.
 * @experimental
 */
export type UserVerificationInvalidRequestReason = 'invalidParams';

/**
 * Why the user or the system stopped verification.
 * @experimental
 */
export type UserVerificationCancellationReason = 'userCancelled' | 'interrupted';

/**
 * Why verification failed.
 * @experimental
 */
export type UserVerificationFailureReason = 'authenticationFailed' | 'timeout' | 'providerError' | 'serviceError';

/**
 * The request was malformed.
 * @additionalProperties false
 */
interface InvalidRequestUserVerificationErrorDetails {
  reason: UserVerificationInvalidRequestReason;
  type: 'invalidRequest';
}

/**
 * Verification is not available.
 * @additionalProperties false
 */
interface UnavailableUserVerificationErrorDetails {
  reason: UserVerificationUnavailableReason;
  type: 'unavailable';
}

/**
 * Verification was cancelled.
 * @additionalProperties false
 */
interface CancelledUserVerificationErrorDetails {
  reason: UserVerificationCancellationReason;
  type: 'cancelled';
}

/**
 * Verification failed.
 * @additionalProperties false
 */
interface FailedUserVerificationErrorDetails {
  reason: UserVerificationFailureReason;
  type: 'failed';
}

/**
 * The error category of a failed `userVerification/*` request, told apart by `type`
 * (a closed set: no native diagnostics are passed on).
 * @experimental
 */
export type UserVerificationErrorDetails =
  | InvalidRequestUserVerificationErrorDetails
  | UnavailableUserVerificationErrorDetails
  | CancelledUserVerificationErrorDetails
  | FailedUserVerificationErrorDetails;

/**
 * The `error` member of the JSON-RPC error response to a failed `userVerification/*` request.
 * @additionalProperties false
 * @experimental
 * @schemaFile
 */
export interface UserVerificationRpcError {
  /** @format int64 */
  code: number;
  data: UserVerificationErrorDetails;
  message: string;
}
