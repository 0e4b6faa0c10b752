/**
 * The effective configuration as `config/read` reports it: the `Config`
 * object (keys spelled as in `config.toml`) and the tables it nests (apps,
 * browser use, computer use, tools and web search, the workspace-write sandbox).
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { ReasoningEffort, ReasoningSummary } from '../model.js';
import type { ApprovalsReviewer, AskForApproval, SandboxMode } from '../sandbox.js';

/** A plain allow-or-deny switch, used by browser-use and computer-use rules and requirements. */
export type AllowDenyRequirement = 'allow' | 'deny';

/** How much detail the model puts into its answers (GPT-5 family, Responses API). */
export type Verbosity = 'low' | 'medium' | 'high';

/** How web search is made available to the model: off, from a cache, from an index, or live. */
export type WebSearchMode = 'disabled' | 'cached' | 'indexed' | 'live';

/** Which search provider the resolved model catalog entry prefers. */
export type WebSearchProvider = 'standalone' | 'search_mcp';

/** How much search context the web-search tool gathers per query. */
export type WebSearchContextSize = 'low' | 'medium' | 'high';

/** Which sign-in method the configuration forces: ChatGPT or an API key. */
export type ForcedLoginMethod = 'chatgpt' | 'api';

/**
 * The ChatGPT workspace(s) a sign-in is restricted to: a single workspace id
 * or, in the newer form, a list of them.
 */
export type ForcedChatgptWorkspaceIds = string | string[];

/**
 * What counts against `model_auto_compact_token_limit`: `total` charges the
 * whole active context; `body_after_prefix` charges only what the model
 * produced and what was added after the carried-over prefix.
 */
export type AutoCompactTokenLimitScope = 'total' | 'body_after_prefix';

/**
 * Where the model can see a tool: `code_mode` (inside Code Mode scripts),
 * `deferred` (found later by tool search) or `direct` (in the initial tool list).
 */
export type ToolExposureSurface = 'code_mode' | 'deferred' | 'direct';

/** How the tools of an app (connector) get approved: automatically, by prompting, writes only, or always approved. */
export type AppToolApproval = 'auto' | 'prompt' | 'writes' | 'approve';

/**
 * The `analytics` table: whether usage analytics are sent. Other keys are
 * passed through untouched.
 * @additionalProperties true
 */
export interface AnalyticsConfig {
  /** Whether analytics are turned on; unset means the default. */
  enabled: boolean | null;
  /** Any other key of the table, as written. */
  [key: string]: JsonValue;
}

/**
 * Settings for one tool of an app (connector).
 * Carried next to `ConfigReadResponse` (upstream lists it there without a reference).
 * @schemaIncludedIn ConfigReadResponse
 */
export interface AppToolConfig {
  /** How calls to this tool are approved; unset means the app's default. */
  approval_mode: AppToolApproval | null;
  /** Whether the tool is offered at all; unset means the app's default. */
  enabled: boolean | null;
}

/**
 * Per-tool settings of an app, keyed by tool name (each value an
 * {@link AppToolConfig}). Upstream's schema leaves the entries unconstrained;
 * the TypeScript says what the server sends.
 */
export interface AppToolsConfig {
  /**
   * Settings of one tool, by tool name.
   * @untypedInSchema
   */
  [toolName: string]: AppToolConfig;
}

/**
 * Approval settings for one connected account (link) of an app.
 * Carried next to `ConfigReadResponse` (upstream lists it there without a reference).
 * @schemaIncludedIn ConfigReadResponse
 */
export interface AppLinkConfig {
  /** Who reviews this account's approval requests; unset means the app's default. */
  approvals_reviewer: ApprovalsReviewer | null;
  /** Default approval mode for this account's tools. */
  default_tools_approval_mode: AppToolApproval | null;
}

/**
 * Per-account settings of an app, keyed by link id (each value an
 * {@link AppLinkConfig}). Upstream's schema leaves the entries unconstrained;
 * the TypeScript says what the server sends.
 */
export interface AppLinksConfig {
  /**
   * Settings of one connected account, by link id.
   * @untypedInSchema
   */
  [linkId: string]: AppLinkConfig;
}

/**
 * Settings for one app (connector), as written under `apps.<id>` in `config.toml`.
 * Carried next to `ConfigReadResponse` (upstream lists it there without a reference).
 * @schemaIncludedIn ConfigReadResponse
 */
export interface AppConfig {
  /** Who reviews this app's approval requests. */
  approvals_reviewer: ApprovalsReviewer | null;
  /** Default approval mode for the app's tools. */
  default_tools_approval_mode: AppToolApproval | null;
  /** Whether the app's tools are enabled unless a tool says otherwise. */
  default_tools_enabled: boolean | null;
  /** Whether tools that can destroy data are allowed. */
  destructive_enabled: boolean | null;
  /**
   * Whether the app is enabled.
   * @default true
   */
  enabled: boolean;
  /** Settings per connected account, keyed by link id. */
  links: AppLinksConfig | null;
  /** Extra model-facing surfaces on which this app's tools are hidden. */
  omit_tools_from: ToolExposureSurface[] | null;
  /** Whether tools that reach outside the app's own data ("open world") are allowed. */
  open_world_enabled: boolean | null;
  /** Settings per tool, keyed by tool name. */
  tools: AppToolsConfig | null;
}

/** Defaults that apply to every app unless the app's own table overrides them (the `apps._default` table). */
export interface AppsDefaultConfig {
  /** Who reviews approval requests of apps by default. */
  approvals_reviewer: ApprovalsReviewer | null;
  /** Default approval mode for app tools. */
  default_tools_approval_mode: AppToolApproval | null;
  /**
   * Whether tools that can destroy data are allowed by default.
   * @default true
   */
  destructive_enabled: boolean;
  /**
   * Whether apps are enabled by default.
   * @default true
   */
  enabled: boolean;
  /**
   * Whether "open world" tools are allowed by default.
   * @default true
   */
  open_world_enabled: boolean;
}

/**
 * The `apps` table: the `_default` entry plus one entry per app id
 * (see {@link AppConfig}); upstream's schema only describes `_default`.
 */
export type AppsConfig = AppsConfigDefault & {
  /**
   * One entry per app id.
   * @untypedInSchema
   */
  [appId: string]: AppConfig;
};

/** The `_default` entry of {@link AppsConfig}. */
interface AppsConfigDefault {
  /**
   * Defaults for every app.
   * @default null
   */
  _default: AppsDefaultConfig | null;
}

/** The browser-use rules for one origin (or the default for all origins). */
export interface BrowserUseOriginPolicyConfig {
  /** Whether the origin may be visited. */
  access: AllowDenyRequirement | null;
  /** Whether downloads from the origin are allowed. */
  downloads: AllowDenyRequirement | null;
  /** Whether the full Chrome DevTools Protocol may be used on the origin. */
  full_cdp_access: AllowDenyRequirement | null;
  /** Whether uploads to the origin are allowed. */
  uploads: AllowDenyRequirement | null;
}

/** The `browser_use` table: what the agent may do when it drives a browser. */
export interface BrowserUseConfig {
  /** Whether the agent may read the browser's history. */
  allow_history_access: boolean | null;
  /** Rules for origins that have no entry of their own. */
  default_origin_policy: BrowserUseOriginPolicyConfig | null;
  /** Rules per origin. */
  origins: { [key: string]: BrowserUseOriginPolicyConfig } | null;
}

/** Computer-use rules for macOS applications. */
export interface ComputerUseMacosConfig {
  /** Allow or deny per application bundle id. */
  bundle_ids: { [key: string]: AllowDenyRequirement } | null;
}

/** A computer-use rule for one Windows executable, identified by its signature. */
export interface ComputerUseWindowsExeConfig {
  /** Whether the executable may be controlled. */
  access: AllowDenyRequirement;
  /** File name of the executable, when the rule should match it too. */
  binary_name: string | null;
  /** Product name from the executable's signature. */
  product_name: string;
  /** Publisher name from the executable's signature. */
  publisher_name: string;
}

/** Computer-use rules for Windows applications. */
export interface ComputerUseWindowsConfig {
  /** Allow or deny per application user model id (AUMID). */
  aumids: { [key: string]: AllowDenyRequirement } | null;
  /** Rules per executable. */
  exes: ComputerUseWindowsExeConfig[] | null;
}

/** The `computer_use` table: which desktop applications the agent may control. */
export interface ComputerUseConfig {
  /** Access for applications that no rule mentions. */
  default_app_access: AllowDenyRequirement | null;
  /** macOS-specific rules. */
  macos: ComputerUseMacosConfig | null;
  /** Windows-specific rules. */
  windows: ComputerUseWindowsConfig | null;
}

/**
 * An approximate user location passed to the web-search tool.
 * @additionalProperties false
 */
export interface WebSearchLocation {
  city: string | null;
  country: string | null;
  region: string | null;
  timezone: string | null;
}

/**
 * Settings of the web-search tool (`tools.web_search`).
 * @additionalProperties false
 */
export interface WebSearchToolConfig {
  /** Restrict searches to these domains. */
  allowed_domains: string[] | null;
  /** How much context each search gathers. */
  context_size: WebSearchContextSize | null;
  /** The user's approximate location, to localise results. */
  location: WebSearchLocation | null;
}

/** The `tools` table. */
export interface ToolsV2 {
  /** Web-search tool settings. */
  web_search: WebSearchToolConfig | null;
}

/** The `sandbox_workspace_write` table: fine-tuning of the `workspace-write` sandbox. */
export interface SandboxWorkspaceWrite {
  /**
   * Do not make `/tmp` writable.
   * @default false
   */
  exclude_slash_tmp: boolean;
  /**
   * Do not make the directory named by `$TMPDIR` writable.
   * @default false
   */
  exclude_tmpdir_env_var: boolean;
  /**
   * Allow outbound network access from sandboxed commands.
   * @default false
   */
  network_access: boolean;
  /**
   * Extra directories that sandboxed commands may write to.
   * @default []
   */
  writable_roots: string[];
}

/**
 * The effective configuration, merged from every layer. Keys are spelled as
 * in `config.toml`; keys this type does not list are passed through as they are.
 */
export type Config = ConfigKnownKeys & {
  /** Any other key of the configuration, as written. */
  [key: string]: JsonValue;
};

/** The keys of {@link Config} this package knows. */
interface ConfigKnownKeys {
  /** The `analytics` table. */
  analytics: AnalyticsConfig | null;
  /** Default approval policy. */
  approval_policy: AskForApproval | null;
  /** Default reviewer of approval requests (not yet a stable setting upstream). */
  approvals_reviewer: ApprovalsReviewer | null;
  /**
   * The `apps` table (per-app settings).
   * @default null
   * @experimental
   */
  apps: AppsConfig | null;
  /** The `browser_use` table. */
  browser_use: BrowserUseConfig | null;
  /** The effective `tools.client_search_provider` hint; a provider chosen by the model takes precedence. */
  client_search_provider: WebSearchProvider | null;
  /** Prompt used when compacting a conversation. */
  compact_prompt: string | null;
  /** The `computer_use` table. */
  computer_use: ComputerUseConfig | null;
  /** The `desktop` table, passed through as written. */
  desktop: { [key: string]: JsonValue } | null;
  /** Extra developer instructions added to every thread. */
  developer_instructions: string | null;
  /** ChatGPT workspace(s) that sign-in is restricted to. */
  forced_chatgpt_workspace_id: ForcedChatgptWorkspaceIds | null;
  /** Sign-in method the configuration forces. */
  forced_login_method: ForcedLoginMethod | null;
  /** Base instructions that replace the built-in ones. */
  instructions: string | null;
  /** Default model. */
  model: string | null;
  /**
   * Token count at which a conversation is compacted automatically.
   * @format int64
   */
  model_auto_compact_token_limit: number | null;
  /** What is counted against `model_auto_compact_token_limit`. */
  model_auto_compact_token_limit_scope: AutoCompactTokenLimitScope | null;
  /**
   * Context window of the model, in tokens.
   * @format int64
   */
  model_context_window: number | null;
  /** Id of the model provider. */
  model_provider: string | null;
  /** Default reasoning effort. */
  model_reasoning_effort: ReasoningEffort | null;
  /** Default reasoning-summary mode. */
  model_reasoning_summary: ReasoningSummary | null;
  /** Default output verbosity. */
  model_verbosity: Verbosity | null;
  /** Model used for code reviews. */
  review_model: string | null;
  /** Default sandbox preset. */
  sandbox_mode: SandboxMode | null;
  /** Fine-tuning of the `workspace-write` sandbox. */
  sandbox_workspace_write: SandboxWorkspaceWrite | null;
  /** Default service tier. */
  service_tier: string | null;
  /** The `tools` table. */
  tools: ToolsV2 | null;
  /** Default web-search mode. */
  web_search: WebSearchMode | null;
}
