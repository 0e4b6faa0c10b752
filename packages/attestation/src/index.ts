/**
 * Client attestation for the Codex app-server: answer `attestation/generate`
 * from a client, and build/check/attach the `x-oai-attestation` header.
 * @module
 */
export type { AttestationProvider, GenerateOptions } from './provider.js';
export { AttestationError, isAttestationError, type AttestationErrorCode } from './errors.js';
export { generateWithin, type GenerateWithinOptions } from './deadline.js';
export {
  attestation,
  DEFAULT_CLIENT_BUDGET_MS,
  SERVER_ATTESTATION_BUDGET_MS,
  type AttestationExtensionOptions,
} from './extension.js';
export type { ClientExtension, ServerRequestHandler } from './client-types.js';
export { PrefetchingAttestationProvider, type PrefetchingOptions, type PrefetchStats } from './prefetch.js';
export {
  ATTESTATION_ENVELOPE_VERSION,
  ATTESTATION_HEADER_NAME,
  AttestationHeaderError,
  AttestationStatus,
  decodeAttestationHeader,
  encodeAttestationHeader,
  MAX_ATTESTATION_HEADER_LENGTH,
  type AttestationEnvelope,
  type AttestationEnvelopeInput,
  type AttestationHeaderErrorReason,
} from './header.js';
export {
  ATTESTED_ENDPOINTS,
  attestationScopeFor,
  CHATGPT_CODEX_BASE_URL,
  defaultAttestationScope,
  isInAttestationScope,
  type AttestationScope,
} from './scope.js';
export { withAttestation, type TokenRequestContext, type WithAttestationOptions } from './fetch.js';
