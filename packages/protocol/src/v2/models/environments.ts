/**
 * Execution environments (remote exec servers): adding one, reading its details and its status.
 * @module
 */

/** A `file:` URI in canonical form. */
export type PathUri = string;

/** Skills an environment must provide. */
export interface EnvironmentSkillsParams {
  /** Exact catalog names of skills that must be available from the environment. */
  required?: string[] | null;
}

/**
 * Parameters of `environment/add`: register (or replace) a remote environment under an id.
 * @experimental
 */
export interface EnvironmentAddParams {
  /**
   * Bearer token sent to the exec server, also on reconnects. Only allowed over a secure
   * transport or to a loopback address.
   */
  authBearerToken?: string | null;
  /**
   * WebSocket connect timeout in milliseconds; the server default when omitted.
   * @format uint64
   */
  connectTimeoutMs?: number | null;
  /** Id to register the environment under. */
  environmentId: string;
  /** URL of the exec server. */
  execServerUrl: string;
  /** Skills the environment must provide, checked before the model is called. */
  skills?: EnvironmentSkillsParams | null;
  /**
   * `X-Request-ID` header for the WebSocket upgrade, also on reconnects. Only allowed over a
   * secure transport or to a loopback address.
   */
  websocketRequestId?: string | null;
}

/**
 * Result of `environment/add` (an empty object).
 * @experimental
 */
export interface EnvironmentAddResponse {}

/**
 * Parameters of `environment/info`.
 * @experimental
 */
export interface EnvironmentInfoParams {
  /** The environment to ask. */
  environmentId: string;
}

/**
 * The shell an environment uses.
 * @experimental
 */
export interface EnvironmentShellInfo {
  /** Short shell name such as `bash`, `zsh`, `sh`, `powershell` or `cmd`. */
  name: string;
  /** Executable path (in the environment's own path syntax) or command name. */
  path: string;
}

/**
 * Result of `environment/info`.
 * @experimental
 */
export interface EnvironmentInfoResponse {
  /** The environment's default working directory, as a `file:` URI, if it reports one. */
  cwd: PathUri | null;
  /** The environment's shell. */
  shell: EnvironmentShellInfo;
}

/**
 * An environment's status as the server sees it, without connecting or reconnecting:
 * `ready` (local, or a connected remote that answered), `pending` (no connection yet and no
 * failure seen), `disconnected` (a failure was seen; later use may still recover) or `unknown`
 * (no environment with that id).
 * @experimental
 */
export type EnvironmentStatusKind = 'ready' | 'pending' | 'disconnected' | 'unknown';

/**
 * Parameters of `environment/status`.
 * @experimental
 */
export interface EnvironmentStatusParams {
  /** The environment to inspect. */
  environmentId: string;
}

/**
 * Result of `environment/status`.
 * @experimental
 */
export interface EnvironmentStatusResponse {
  /**
   * Explanation for `disconnected` and `unknown`; absent otherwise.
   * @nullableInSchema
   */
  error?: string;
  /** The observed status. */
  status: EnvironmentStatusKind;
}
