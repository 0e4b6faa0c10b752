/**
 * Optional schema validation of every message, backed by `@cask/validators`.
 * @module
 */

/** What a validator function returns. */
export type ValidationOutcome = { ok: true; value?: unknown } | { ok: false; message: string; errors?: unknown };

/** Options passed to every validator call. */
export interface ValidateCallOptions {
  /** Validate against the experimental schema bundle (the connection opted into `experimentalApi`). */
  experimental: boolean;
}

/**
 * The validator functions the client uses, one per message kind and
 * direction. `@cask/validators` provides them; tests may pass their own.
 */
export interface ProtocolValidators {
  /** Params of a request the client sends. */
  validateClientRequest(method: string, params: unknown, options: ValidateCallOptions): ValidationOutcome;
  /** Result the server returns for a client request. */
  validateServerResult(method: string, result: unknown, options: ValidateCallOptions): ValidationOutcome;
  /** Params of a notification the server sends. */
  validateServerNotification(method: string, params: unknown, options: ValidateCallOptions): ValidationOutcome;
  /** Params of a request the server sends. */
  validateServerRequest(method: string, params: unknown, options: ValidateCallOptions): ValidationOutcome;
  /** Result the client returns for a server request. */
  validateClientResult(method: string, result: unknown, options: ValidateCallOptions): ValidationOutcome;
  /** Params of a notification the client sends (optional: without it client notifications go unchecked). */
  validateClientNotification?(method: string, params: unknown, options: ValidateCallOptions): ValidationOutcome;
}

const REQUIRED: Array<keyof ProtocolValidators> = [
  'validateClientRequest',
  'validateServerResult',
  'validateServerNotification',
  'validateServerRequest',
  'validateClientResult',
];

/**
 * Loads `@cask/validators` at run time. Resolved lazily (only when
 * validation is turned on) so the client also works where the validators
 * package is not built or installed.
 *
 * @throws Error explaining what is missing when the module cannot be used.
 */
export async function loadValidators(): Promise<ProtocolValidators> {
  // A variable specifier keeps TypeScript from requiring the package's types at build time.
  const specifier = '@cask/validators';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`validation needs ${specifier}, which could not be loaded: ${(err as Error).message}`);
  }
  const missing = REQUIRED.filter((name) => typeof mod[name] !== 'function');
  if (missing.length) throw new Error(`${specifier} does not export ${missing.join(', ')}`);
  return mod as unknown as ProtocolValidators;
}
