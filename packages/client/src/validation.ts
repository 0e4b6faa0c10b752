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

/** The npm package that provides the validators (an optional peer dependency of `@cask/client`). */
export const VALIDATORS_PACKAGE = '@cask/validators';

/**
 * Says why `import('@cask/validators')` failed: "not installed" (with the
 * install command) only when the module that is missing is the package
 * itself, otherwise the loader's own message.
 * @internal
 */
export function loadFailureMessage(err: unknown): string {
  const error = err instanceof Error ? err : new Error(String(err));
  const code = 'code' in error ? error.code : undefined;
  const missing =
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && error.message.includes(VALIDATORS_PACKAGE);
  return missing
    ? `validation needs the optional peer dependency ${VALIDATORS_PACKAGE}, which is not installed (npm install ${VALIDATORS_PACKAGE})`
    : `validation needs ${VALIDATORS_PACKAGE}, which could not be loaded: ${error.message}`;
}

/**
 * Loads `@cask/validators`, only when validation is turned on, so the client
 * also works where that optional peer is not installed.
 *
 * The specifier is a string literal, so bundlers (esbuild, webpack/rspack,
 * Vite) see it and bundle the validators with the app (a bundle that should
 * not carry them marks the package external).
 *
 * @throws Error saying that the package is not installed (and how to
 * install it), or why it could not be used.
 */
export async function loadValidators(): Promise<ProtocolValidators> {
  let mod: Partial<Record<keyof ProtocolValidators, unknown>>;
  try {
    mod = await import('@cask/validators');
  } catch (err) {
    throw new Error(loadFailureMessage(err), { cause: err });
  }
  const missing = REQUIRED.filter((name) => typeof mod[name] !== 'function');
  if (missing.length) throw new Error(`${VALIDATORS_PACKAGE} does not export ${missing.join(', ')}`);
  // Every required member was just checked to be a function; their signatures are the package's own.
  return mod as ProtocolValidators;
}
