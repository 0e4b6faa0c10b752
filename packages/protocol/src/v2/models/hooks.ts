/**
 * Lifecycle hooks as listed by `hooks/list`.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { HookEventName, HookSource } from '../events/index.js';

/** Whether a hook's current definition is trusted to run. */
export type HookTrustStatus = 'managed' | 'untrusted' | 'trusted' | 'modified';

/** A hook configuration file that could not be loaded. */
export interface HookErrorInfo {
  /** What went wrong. */
  message: string;
  /** The file concerned. */
  path: string;
}

/** What every hook has, whatever runs it. */
interface HookMetadataBase {
  /**
   * Size (in tokens) above which the hook's `additionalContext` is spilled; `null` means the
   * server default, `0` turns spilling off.
   * @format uint
   */
  additionalContextLimit: number | null;
  /** Hash of the hook's current definition, used for trust decisions. */
  currentHash: string;
  /**
   * Position of the hook in display order.
   * @format int64
   */
  displayOrder: number;
  /** Whether the hook is switched on. */
  enabled: boolean;
  /** The execution environment the hook belongs to, when it came from that environment's requirements. */
  environmentId: string | null;
  /** The event that triggers the hook. */
  eventName: HookEventName;
  /** Whether the hook is managed by an administrator. */
  isManaged: boolean;
  /** Stable key identifying the hook. */
  key: string;
  /** Pattern restricting which tools or events fire the hook, if any. */
  matcher: string | null;
  /** The plugin that contributed the hook, if any. */
  pluginId: string | null;
  /** Where the hook was configured. */
  source: HookSource;
  /** File the hook was read from. */
  sourcePath: AbsolutePathBuf;
  /** Status text shown while the hook runs, if configured. */
  statusMessage: string | null;
  /**
   * How long the hook may run, in seconds.
   * @format uint64
   */
  timeoutSec: number;
  /** Whether the hook's definition is trusted. */
  trustStatus: HookTrustStatus;
}

/** A hook that runs a shell command. */
interface CommandHookHandler {
  /**
   * Whether the command runs without the agent waiting for it (`false` when absent).
   * @default false
   */
  async: boolean;
  /** The command line. */
  command: string;
  /** Marks a command hook. */
  handlerType: 'command';
}

/** A hook that calls a tool of an MCP server. */
interface McpToolHookHandler {
  /** Marks an MCP tool hook. */
  handlerType: 'mcpTool';
  /** The MCP server. */
  server: string;
  /** The tool on that server. */
  tool: string;
}

/** A hook that runs a prompt. */
interface PromptHookHandler {
  /** Marks a prompt hook. */
  handlerType: 'prompt';
}

/** A hook that runs an agent. */
interface AgentHookHandler {
  /** Marks an agent hook. */
  handlerType: 'agent';
}

/** One configured hook: its common settings plus what runs it, told apart by `handlerType`. */
export type HookMetadata = HookMetadataBase &
  (CommandHookHandler | McpToolHookHandler | PromptHookHandler | AgentHookHandler);

/** The hooks found for one working directory. */
export interface HooksListEntry {
  /** The working directory inspected. */
  cwd: string;
  /** Hook files that failed to load. */
  errors: HookErrorInfo[];
  /** The hooks found. */
  hooks: HookMetadata[];
  /** Non-fatal problems noticed while loading. */
  warnings: string[];
}

/** Parameters of `hooks/list`: either some working directories or one loaded thread. */
export interface HooksListParams {
  /** Working directories to inspect when no thread is given; an empty list means the session's. */
  cwds?: string[];
  /** List the hooks of this loaded thread, environments included; leave `cwds` out then. */
  threadId?: string | null;
}

/** Result of `hooks/list`. */
export interface HooksListResponse {
  /** One entry per working directory. */
  data: HooksListEntry[];
}
