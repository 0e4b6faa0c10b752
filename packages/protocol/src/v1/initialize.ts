/**
 * The `initialize` handshake: the first request on every connection, in
 * which the client names itself and declares what it can handle.
 * @module
 */
import type { JsonValue } from '../jsonrpc.js';
import type { AbsolutePathBuf } from '../v2/common.js';

/** Who is connecting: the client application's name and version. */
export interface ClientInfo {
  /** Machine-readable client name, e.g. `my_editor`. */
  name: string;
  /** Human-readable name to show in UIs, if different from `name`. */
  title?: string | null;
  /** The client's own version string. */
  version: string;
}

/**
 * Optional features the client declares in `initialize`. Every flag is off
 * unless the client sets it.
 */
export interface InitializeCapabilities {
  /**
   * Turns on experimental methods and fields for this connection. Without it
   * the server rejects experimental requests and leaves experimental fields out.
   * @default false
   */
  experimentalApi?: boolean;
  /**
   * Asks the server's gateway runtime to use an explicit OAuth login flow
   * rather than opening a browser automatically. The choice sticks for the
   * lifetime of the server process, not just this connection.
   */
  explicitGatewayOauth?: boolean;
  /** Per-extension MCP settings the client supports, keyed by extension name. */
  extensions?: { [key: string]: JsonValue } | null;
  /**
   * Older way to opt into the `openai/form` MCP extension; new clients list
   * `openai/form` under `extensions` instead.
   */
  mcpServerOpenaiFormElicitation?: boolean;
  /**
   * Notification method names (exact matches, such as `thread/started`) that
   * the server should not send on this connection.
   */
  optOutNotificationMethods?: string[] | null;
  /**
   * Lets the server send `attestation/generate` requests to this client, so it
   * can attach a client attestation to its upstream calls.
   * @default false
   */
  requestAttestation?: boolean;
  /**
   * Declares that the client shows `humanCommand` approval prompts to a person
   * and answers them with a one-time decision. Only honoured together with
   * `experimentalApi`.
   */
  requiredHumanApproval?: boolean;
}

/** Params of the `initialize` request. */
export interface InitializeParams {
  /** Features the client opts into; absent or `null` means none. */
  capabilities?: InitializeCapabilities | null;
  clientInfo: ClientInfo;
}

/** What the server reports about itself in reply to `initialize`. */
export interface InitializeResponse {
  /** Absolute path of the server's Codex home directory (`$CODEX_HOME`). */
  codexHome: AbsolutePathBuf;
  /** Platform family of the server build, such as `unix` or `windows`. */
  platformFamily: string;
  /** Operating system the server runs on, such as `macos`, `linux` or `windows`. */
  platformOs: string;
  /** The user-agent string the server sends on its own outbound requests. */
  userAgent: string;
}
