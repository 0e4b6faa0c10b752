/**
 * Client attestation: the server asks a client that opted in (with the
 * `requestAttestation` capability) for a token that proves the request comes
 * from a genuine client build.
 * @module
 */

/** Params of the `attestation/generate` server request. It carries no fields. */
export interface AttestationGenerateParams {}

/** The client's answer to `attestation/generate`. */
export interface AttestationGenerateResponse {
  /** The attestation token. The server forwards it without looking inside. */
  token: string;
}
