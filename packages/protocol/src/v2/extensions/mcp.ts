/**
 * MCP servers: their status and inventory (tools, resources, templates), OAuth
 * sign-in, reading resources, calling tools directly and event streams.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';

/** How the server authenticates to an MCP server, as far as Codex can tell. */
export type McpAuthStatus = 'unknown' | 'unsupported' | 'notLoggedIn' | 'bearerToken' | 'oAuth';

/** State of an MCP server's connection inside a running thread. */
export type McpServerConnectionStatus =
  'notStarted' | 'starting' | 'connected' | 'authenticationRequired' | 'failed' | 'cancelled' | 'disabled';

/** Phase of an MCP server's start-up, reported by `mcpServer/startupStatus/updated`. */
export type McpServerStartupState = 'starting' | 'ready' | 'failed' | 'cancelled';

/** A machine-readable cause for a failed MCP server start-up. */
export type McpServerStartupFailureReason = 'reauthenticationRequired';

/** How much of each server's inventory `mcpServerStatus/list` gathers. */
export type McpServerStatusDetail = 'full' | 'toolsAndAuthOnly';

/** How the OAuth client registers with the MCP server's authorization server. */
export type McpServerOauthClientRegistration = 'auto' | 'cimd' | 'dcr';

/** A tool an MCP server offers, as the MCP `tools/list` call describes it. */
export interface Tool {
  /** MCP metadata attached to the tool. */
  _meta?: JsonValue;
  /** MCP tool annotations (hints such as read-only or destructive). */
  annotations?: JsonValue;
  /** @nullableInSchema */
  description?: string;
  /**
   * Icons the server suggests for the tool.
   * @nullableInSchema
   */
  icons?: JsonValue[];
  /** JSON Schema of the tool's arguments. */
  inputSchema: JsonValue;
  /** The tool's name, unique within its server. */
  name: string;
  /** JSON Schema of the tool's structured result, when declared. */
  outputSchema?: JsonValue;
  /**
   * Human-readable title.
   * @nullableInSchema
   */
  title?: string;
}

/** A resource an MCP server lists as readable. */
export interface Resource {
  /** MCP metadata attached to the resource. */
  _meta?: JsonValue;
  /** MCP resource annotations (audience, priority, ...). */
  annotations?: JsonValue;
  /** @nullableInSchema */
  description?: string;
  /**
   * Icons the server suggests for the resource.
   * @nullableInSchema
   */
  icons?: JsonValue[];
  /** @nullableInSchema */
  mimeType?: string;
  /** Short name of the resource. */
  name: string;
  /**
   * Size in bytes, when the server knows it.
   * @format int64
   * @nullableInSchema
   */
  size?: number;
  /**
   * Human-readable title.
   * @nullableInSchema
   */
  title?: string;
  /** Where to read the resource from. */
  uri: string;
}

/** A parameterised family of resources (an RFC 6570 URI template). */
export interface ResourceTemplate {
  /** MCP annotations attached to the template. */
  annotations?: JsonValue;
  /** @nullableInSchema */
  description?: string;
  /** @nullableInSchema */
  mimeType?: string;
  name: string;
  /** @nullableInSchema */
  title?: string;
  /** The URI template that expands to resource URIs. */
  uriTemplate: string;
}

/**
 * What an MCP server returned for a resource: either text or base64 binary
 * data (`blob`), plus the resource's URI.
 */
export type ResourceContent =
  | {
      _meta?: JsonValue;
      /** @nullableInSchema */
      mimeType?: string;
      text: string;
      /** URI of the resource these contents belong to. */
      uri: string;
    }
  | {
      _meta?: JsonValue;
      /** Base64-encoded bytes. */
      blob: string;
      /** @nullableInSchema */
      mimeType?: string;
      /** URI of the resource these contents belong to. */
      uri: string;
    };

/** The name and other presentation details an MCP server reported when it started. */
export interface McpServerInfo {
  description: string | null;
  /** Icons the server suggests for itself. */
  icons: JsonValue[] | null;
  name: string;
  title: string | null;
  version: string;
  websiteUrl: string | null;
}

/** One configured MCP server with its sign-in state and what it offers. */
export interface McpServerStatus {
  authStatus: McpAuthStatus;
  /**
   * The environment whose configuration registered this server; `null` for a server registered for the whole
   * thread. Older servers leave it out.
   */
  environmentId?: string | null;
  /**
   * Scheme, host and port of the server's endpoint for HTTP servers (no
   * credentials, path, query or fragment); `null` for other transports.
   */
  httpOrigin: string | null;
  /** The server's name in the configuration. */
  name: string;
  /** The plugin that contributes this server, if any. */
  pluginId: string | null;
  resourceTemplates: ResourceTemplate[];
  resources: Resource[];
  /** Connection state in the thread's runtime; `null` when unknown or the configuration changed since. */
  runtimeStatus: McpServerConnectionStatus | null;
  /** The capabilities the server announced when it started; `null` when not known. */
  serverCapabilities: JsonValue | null;
  serverInfo: McpServerInfo | null;
  /** The MCP `_meta` of the first page of the server's tool list; `null` when not known. */
  toolListMeta: JsonValue | null;
  /** Tools by name. */
  tools: { [key: string]: Tool };
  /** Why listing tools failed, when no tool list came back at all (a cached or empty list is not a failure). */
  toolsError: string | null;
}

/** Params of `mcpServerStatus/list`: which servers to describe, a page at a time. */
export interface ListMcpServerStatusParams {
  /** Cursor from a previous page. */
  cursor?: string | null;
  /** How much of each server's inventory to gather; full detail when omitted. */
  detail?: McpServerStatusDetail | null;
  /**
   * Page size; the server picks one when omitted.
   * @format uint32
   */
  limit?: number | null;
  /** Describe only this server (reusing the thread's connection when `threadId` is given). */
  serverName?: string | null;
  /**
   * Describe the registration this environment contributed. Needs `serverName` and `threadId`; without it a
   * named server is looked up as before.
   */
  environmentId?: string | null;
  /** Thread whose configuration and connections to use. */
  threadId?: string | null;
}

/** Result of `mcpServerStatus/list`: one page of servers. */
export interface ListMcpServerStatusResponse {
  data: McpServerStatus[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** Result of `config/mcpServer/reload`: an empty object once the MCP servers have been reloaded. */
export interface McpServerRefreshResponse {}

/** Params of `mcpServer/oauth/login`: start an OAuth sign-in with one MCP server. */
export interface McpServerOauthLoginParams {
  /** How to register the OAuth client for this sign-in; discovered automatically when omitted. */
  clientRegistration?: McpServerOauthClientRegistration | null;
  /** The MCP server's configured name. */
  name: string;
  /** Sign in to the server registration of this environment; omitted means look the server up by name only. */
  environmentId?: string | null;
  /** OAuth scopes to request. */
  scopes?: string[] | null;
  /** Thread whose configuration to use. */
  threadId?: string | null;
  /**
   * How long to wait for the browser round trip, in seconds.
   * @format int64
   */
  timeoutSecs?: number | null;
}

/** Result of `mcpServer/oauth/login`: the page the user must open. */
export interface McpServerOauthLoginResponse {
  /** URL of the authorization page to open in a browser. */
  authorizationUrl: string;
  /**
   * Identifies this sign-in attempt in the later completion notification (older servers leave it out).
   * @nullableInSchema
   */
  loginId?: string;
}

/** Params of `mcpServer/oauthLogin/completed`: how an MCP OAuth sign-in ended. */
export interface McpServerOauthLoginCompletedNotification {
  /**
   * What went wrong, when it failed.
   * @nullableInSchema
   */
  error?: string;
  /** The attempt this reports on (older servers leave it out). */
  loginId?: string | null;
  /** The MCP server's name. */
  name: string;
  success: boolean;
  threadId: string | null;
}

/** Params of `mcpServer/startupStatus/updated`: an MCP server moved to another start-up phase. */
export interface McpServerStatusUpdatedNotification {
  /** What went wrong, when start-up failed. */
  error: string | null;
  /** A machine-readable cause, when start-up failed for a known reason. */
  failureReason: McpServerStartupFailureReason | null;
  /** The MCP server's name. */
  name: string;
  /** The environment whose registration this is (where it was registered, not necessarily where it runs). */
  environmentId: string | null;
  status: McpServerStartupState;
  /** The thread whose server this is; `null` for servers outside a thread. */
  threadId: string | null;
}

/** Selects which hosted app and linked account a resource is read through. */
export interface McpResourceReadTarget {
  connectorId: string;
  /**
   * The linked account; `null` asks for access without authentication, if the app allows it.
   * @schemaRequired
   */
  linkId: string | null;
}

/** Params of `mcpServer/resource/read`: read one resource from an MCP server. */
export interface McpResourceReadParams {
  /** Extra MCP request metadata; keys used for account and turn routing are reserved. */
  _meta?: { [key: string]: JsonValue } | null;
  connectorId?: string | null;
  /** The tool call the resource came from, used to pick the app that serves it. */
  originCallId?: string | null;
  /** The MCP server's name. */
  server: string;
  /** Pick the server registration of this environment; omitted means look the server up by name only. */
  environmentId?: string | null;
  /** An explicit hosted app and account; omit for the older way of finding the resource. */
  target?: McpResourceReadTarget | null;
  threadId?: string | null;
  /** The resource's URI. */
  uri: string;
}

/** Result of `mcpServer/resource/read`. */
export interface McpResourceReadResponse {
  contents: ResourceContent[];
  /** The originating tool call, when the server narrowed the read to that call's app. */
  originCallId: string | null;
}

/** Params of `mcpServer/tool/call`: call an MCP tool directly, outside a turn. */
export interface McpServerToolCallParams {
  /** MCP metadata sent with the call. */
  _meta?: JsonValue;
  /** The tool's arguments. */
  arguments?: JsonValue;
  /** The MCP server's name. */
  server: string;
  /** Call the server registration of this environment; omitted means look the server up by name only. */
  environmentId?: string | null;
  /** Thread whose MCP connections to use. */
  threadId: string;
  /** The tool's name. */
  tool: string;
}

/** Result of `mcpServer/tool/call`: the MCP tool result as the server returned it. */
export interface McpServerToolCallResponse {
  _meta?: JsonValue;
  /** MCP content blocks. */
  content: JsonValue[];
  /** @nullableInSchema */
  isError?: boolean;
  structuredContent?: JsonValue;
}

/**
 * Params of `mcpServer/event/stream/start`: subscribe to a stream of events
 * from an MCP server.
 * @experimental
 */
export interface McpServerEventStreamStartParams {
  _meta?: JsonValue;
  /** Arguments for the stream. */
  arguments: JsonValue;
  /** Name of the event stream on the MCP server. */
  name: string;
  /** The MCP server's name. */
  server: string;
  /** Client-chosen id that names this subscription in notifications and in `stop`. */
  subscriptionId: string;
  threadId: string;
}

/**
 * Result of `mcpServer/event/stream/start`: an empty object.
 * @experimental
 */
export interface McpServerEventStreamStartResponse {}

/**
 * Params of `mcpServer/event/stream/stop`: end a subscription.
 * @experimental
 */
export interface McpServerEventStreamStopParams {
  subscriptionId: string;
}

/**
 * Result of `mcpServer/event/stream/stop`: an empty object.
 * @experimental
 */
export interface McpServerEventStreamStopResponse {}

/** One MCP notification relayed from an event stream. */
export interface McpServerEventNotification {
  /** The MCP notification's method. */
  method: string;
  /** The MCP notification's params. */
  params: JsonValue;
}

/** Params of `mcpServer/event/stream/notification`: an event on a subscribed stream. */
export interface McpServerEventStreamNotification {
  notification: McpServerEventNotification;
  /** The subscription it belongs to. */
  subscriptionId: string;
}
