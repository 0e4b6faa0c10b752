/**
 * Managed requirements (`requirements.toml`, MDM, enterprise cloud layers):
 * the limits an administrator puts on the configuration, as reported by
 * `configRequirements/read`.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { LegacyAppPathString } from '../common.js';
import type { ReasoningEffort } from '../model.js';
import type { ApprovalsReviewer, AskForApproval, SandboxMode } from '../sandbox.js';
import type { WindowsSandboxImplementation } from '../accounts/index.js';
import type { AllowDenyRequirement, ForcedLoginMethod, WebSearchMode } from './settings.js';

/** Where CLI credentials are kept: a file, the OS keyring, whichever works (`auto`), or only in memory. */
export type CliAuthCredentialsStoreMode = 'file' | 'keyring' | 'auto' | 'ephemeral';

/** A data-residency region the workspace must stay in. */
export type ResidencyRequirement = 'us';

/** Whether a domain may be contacted under managed network rules. */
export type NetworkDomainPermission = 'allow' | 'deny';

/** Whether a Unix socket may be used under managed network rules. */
export type NetworkUnixSocketPermission = 'allow' | 'deny';

/** How long a granted browser-use access approval lasts: the turn or the whole thread. */
export type BrowserUseAccessApprovalLifetime = 'turn' | 'thread';

/** Managed auto-review settings. */
export interface AutoReviewRequirements {
  /** Review rules that are ignored. */
  ignoreRules: string[] | null;
  /** Models on which auto-review is mandatory. */
  requiredOnModels: string[] | null;
}

/** Managed feedback settings. */
export interface FeedbackRequirements {
  /** Whether sending feedback is allowed. */
  enabled: boolean | null;
}

/** Managed settings of the in-app browser. */
export interface InAppBrowserRequirements {
  /** Whether settings may be imported from an external browser. */
  allowExternalBrowserSettingsImport: boolean | null;
}

/** Model defaults for new threads, set by the administrator. */
export interface NewThreadModelDefaults {
  /** Default model. */
  model: string | null;
  /** Default reasoning effort. */
  modelReasoningEffort: ReasoningEffort | null;
  /** Default service tier. */
  serviceTier: string | null;
}

/** Managed model settings. */
export interface ModelsRequirements {
  /** Defaults for newly started threads. */
  newThread: NewThreadModelDefaults | null;
}

/** An HTTP header the browser extension must send. */
export interface RequestHeader {
  name: string;
  value: string;
}

/** Managed settings of the browser extension. */
export interface BrowserUseExtensionRequirements {
  /** Headers added to the extension's requests. */
  requestHeaders: RequestHeader[] | null;
}

/** Managed browser-use rules for one origin (or the default for all origins). */
export interface BrowserUseOriginPolicy {
  /** Whether the origin may be visited. */
  access: AllowDenyRequirement | null;
  /** How long an access approval lasts. */
  accessApprovalLifetime: BrowserUseAccessApprovalLifetime | null;
  /** Whether auto-review may decide for this origin. */
  autoReview: AllowDenyRequirement | null;
  /** Whether downloads are allowed. */
  downloads: AllowDenyRequirement | null;
  /** Whether the full Chrome DevTools Protocol may be used. */
  fullCdpAccess: AllowDenyRequirement | null;
  /** Whether approvals may be remembered. */
  persistentApproval: boolean | null;
  /** Whether uploads are allowed. */
  uploads: AllowDenyRequirement | null;
}

/** Managed browser-use settings. */
export interface BrowserUseRequirements {
  /** Whether approvals may be remembered for all origins at once. */
  allowGlobalPersistentApproval: boolean | null;
  /** Whether the agent may read browser history. */
  allowHistoryAccess: boolean | null;
  /** Whether WebMCP may be used. */
  allowWebmcp: boolean | null;
  /** Rules for origins that have no entry of their own. */
  defaultOriginPolicy: BrowserUseOriginPolicy | null;
  /** Whether auto-review is switched off for browser use. */
  disableAutoReview: boolean | null;
  /** Browser-extension settings. */
  extension: BrowserUseExtensionRequirements | null;
  /** Rules per origin. */
  origins: { [key: string]: BrowserUseOriginPolicy } | null;
}

/** Managed computer-use rules for macOS applications. */
export interface ComputerUseMacosRequirements {
  /** Allow or deny per application bundle id. */
  bundleIds: { [key: string]: AllowDenyRequirement } | null;
}

/** A managed computer-use rule for one Windows executable, identified by its signature. */
export interface ComputerUseWindowsExeRequirement {
  /** Whether the executable may be controlled. */
  access: AllowDenyRequirement;
  /** File name of the executable, when the rule should match it too. */
  binaryName: string | null;
  /** Product name from the executable's signature. */
  productName: string;
  /** Publisher name from the executable's signature. */
  publisherName: string;
}

/** Managed computer-use rules for Windows applications. */
export interface ComputerUseWindowsRequirements {
  /** Allow or deny per application user model id (AUMID). */
  aumids: { [key: string]: AllowDenyRequirement } | null;
  /** Rules per executable. */
  exes: ComputerUseWindowsExeRequirement[] | null;
}

/** Managed computer-use settings. */
export interface ComputerUseRequirements {
  /** Whether computer use may run while the screen is locked. */
  allowLockedComputerUse: boolean | null;
  /** Whether approvals may be remembered. */
  allowPersistentApproval: boolean | null;
  /** Access for applications that no rule mentions. */
  defaultAppAccess: AllowDenyRequirement | null;
  /** macOS-specific rules. */
  macos: ComputerUseMacosRequirements | null;
  /** Windows-specific rules. */
  windows: ComputerUseWindowsRequirements | null;
}

/** Managed network rules for sandboxed commands. */
export interface NetworkRequirements {
  /** Whether binding to local ports is allowed. */
  allowLocalBinding: boolean | null;
  /** Allowed Unix sockets (older view, derived from `unixSockets`). */
  allowUnixSockets: string[] | null;
  /** Whether an upstream proxy may be used. */
  allowUpstreamProxy: boolean | null;
  /** Allowed domains (older view, derived from `domains`). */
  allowedDomains: string[] | null;
  /** Allow every Unix socket. */
  dangerouslyAllowAllUnixSockets: boolean | null;
  /** Allow the proxy to listen on addresses other than loopback. */
  dangerouslyAllowNonLoopbackProxy: boolean | null;
  /** Denied domains (older view, derived from `domains`). */
  deniedDomains: string[] | null;
  /** Allow or deny per domain pattern (the authoritative map). */
  domains: { [key: string]: NetworkDomainPermission } | null;
  /** Whether managed network rules are in force. */
  enabled: boolean | null;
  /**
   * Port of the HTTP proxy.
   * @format uint16
   */
  httpPort: number | null;
  /** While managed rules are in force, respect only the managed allow list. */
  managedAllowedDomainsOnly: boolean | null;
  /** Host patterns that go to a network approval before the ordinary allow rules apply. */
  reviewDomains: string[] | null;
  /**
   * Port of the SOCKS proxy.
   * @format uint16
   */
  socksPort: number | null;
  /** Allow or deny per Unix socket path (the authoritative map). */
  unixSockets: { [key: string]: NetworkUnixSocketPermission } | null;
}

/** Managed network settings of the desktop application. */
export interface ApplicationNetworkRequirements {
  /** Allow or deny per exact domain. */
  domains: { [key: string]: NetworkDomainPermission };
  /** When on, only domains explicitly allowed may be contacted. */
  enabled: boolean;
}

/** Where the desktop application puts new workspaces (a storage choice, not a filesystem restriction). */
export interface ApplicationStorageRequirements {
  /** Folder in which new projects are created. */
  defaultProjectParent: LegacyAppPathString | null;
  /** Root folder for workspaces that belong to no project. */
  projectlessWorkspaceRoot: LegacyAppPathString | null;
}

/** Managed settings of the desktop application. */
export interface ApplicationRequirements {
  network: ApplicationNetworkRequirements | null;
  storage: ApplicationStorageRequirements | null;
}

/** A hook that runs a shell command. */
interface CommandConfiguredHookHandler {
  /**
   * Token count above which the hook's `additionalContext` is written to a
   * file instead of the context; `null` means the default, `0` never spills.
   * @format uint
   */
  additionalContextLimit: number | null;
  /** Run without waiting for the result. */
  async: boolean;
  /** The command line. */
  command: string;
  /** The command line to use on Windows instead. */
  commandWindows: string | null;
  /** Status text shown while the hook runs. */
  statusMessage: string | null;
  /**
   * Time limit in seconds.
   * @format uint64
   */
  timeoutSec: number | null;
  type: 'command';
}

/** A hook that calls a tool of an MCP server. */
interface McpToolConfiguredHookHandler {
  /** Arguments passed to the tool. */
  input: { [key: string]: JsonValue };
  /** Name of the MCP server. */
  server: string;
  /** Status text shown while the hook runs. */
  statusMessage: string | null;
  /**
   * Time limit in seconds.
   * @format uint64
   */
  timeoutSec: number | null;
  /** Name of the tool. */
  tool: string;
  type: 'mcp_tool';
}

/** A prompt hook. */
interface PromptConfiguredHookHandler {
  type: 'prompt';
}

/** An agent hook. */
interface AgentConfiguredHookHandler {
  type: 'agent';
}

/** One configured hook, tagged by `type`. */
export type ConfiguredHookHandler =
  | CommandConfiguredHookHandler
  | McpToolConfiguredHookHandler
  | PromptConfiguredHookHandler
  | AgentConfiguredHookHandler;

/** Hooks that run for events matching one pattern. */
export interface ConfiguredHookMatcherGroup {
  hooks: ConfiguredHookHandler[];
  /** Pattern the event (e.g. the tool name) must match; all events when absent. */
  matcher: string | null;
}

/** Hooks imposed by the administrator, per hook event. */
export interface ManagedHooksRequirements {
  /**
   * @default []
   */
  Interrupt: ConfiguredHookMatcherGroup[];
  PermissionRequest: ConfiguredHookMatcherGroup[];
  PostCompact: ConfiguredHookMatcherGroup[];
  /**
   * @default []
   */
  PostModelRequest: ConfiguredHookMatcherGroup[];
  PostToolUse: ConfiguredHookMatcherGroup[];
  PreCompact: ConfiguredHookMatcherGroup[];
  /**
   * @default []
   */
  PreModelRequest: ConfiguredHookMatcherGroup[];
  PreToolUse: ConfiguredHookMatcherGroup[];
  /**
   * @default []
   */
  SessionEnd: ConfiguredHookMatcherGroup[];
  SessionStart: ConfiguredHookMatcherGroup[];
  Stop: ConfiguredHookMatcherGroup[];
  SubagentStart: ConfiguredHookMatcherGroup[];
  SubagentStop: ConfiguredHookMatcherGroup[];
  UserPromptSubmit: ConfiguredHookMatcherGroup[];
  /** Folder holding the managed hook scripts. */
  managedDir: string | null;
  /** Folder holding the managed hook scripts on Windows. */
  windowsManagedDir: string | null;
}

/** Payload encoding of the OTLP/HTTP exporter. */
export type OtelHttpProtocol = 'binary' | 'json';

/** TLS files used by an OTLP exporter. */
export interface OtelTlsConfig {
  /** CA certificate to trust. */
  'ca-certificate': string | null;
  /** Client certificate for mutual TLS. */
  'client-certificate': string | null;
  /** Private key of the client certificate. */
  'client-private-key': string | null;
}

/**
 * Export over OTLP/HTTP.
 * @additionalProperties false
 */
interface OtlpHttpOtelExporter {
  'otlp-http': {
    endpoint: string;
    /** Headers sent with each export; the server redacts their values. */
    headers: { [key: string]: string };
    protocol: OtelHttpProtocol;
    tls: OtelTlsConfig | null;
  };
}

/**
 * Export over OTLP/gRPC.
 * @additionalProperties false
 */
interface OtlpGrpcOtelExporter {
  'otlp-grpc': {
    endpoint: string;
    /** Headers sent with each export; the server redacts their values. */
    headers: { [key: string]: string };
    tls: OtelTlsConfig | null;
  };
}

/** Where OpenTelemetry data goes: nowhere, Statsig, or an OTLP endpoint over HTTP or gRPC. */
export type OtelExporter = 'none' | 'statsig' | OtlpHttpOtelExporter | OtlpGrpcOtelExporter;

/** How much of a tool result goes into telemetry logs. */
export interface OtelToolResultLogConfig {
  /**
   * Largest number of bytes logged per result.
   * @format uint
   */
  max_bytes: number;
}

/** Managed OpenTelemetry settings (keys spelled as in `config.toml`). */
export interface OtelRequirements {
  /** Deployment environment reported with the data. */
  environment: string | null;
  /** A command whose output supplies extra headers for the exporters. */
  headers_helper: string | null;
  /**
   * How often, in milliseconds, to run `headers_helper` again (at least 1).
   * @format uint64
   * @minimum 1
   */
  headers_helper_refresh_interval_ms: number | null;
  /** Exporter for logs. */
  exporter: OtelExporter | null;
  /** Log the agent's responses. */
  log_agent_responses: boolean | null;
  /** Log guardian assessments. */
  log_guardian_assessments: boolean | null;
  /** Log streaming deltas. */
  log_sse_deltas: boolean | null;
  /** Log the user's prompts. */
  log_user_prompt: boolean | null;
  /** Exporter for metrics. */
  metrics_exporter: OtelExporter | null;
  /** Extra attributes added to every span. */
  span_attributes: { [key: string]: string } | null;
  /** Logging of tool results. */
  tool_result: OtelToolResultLogConfig | null;
  /** Exporter for traces. */
  trace_exporter: OtelExporter | null;
  /** W3C `tracestate` entries, per vendor key. */
  tracestate: { [key: string]: { [key: string]: string } } | null;
}

/** Everything managed policy requires of the configuration; each field is absent when not constrained. */
export interface ConfigRequirements {
  /** Developer instructions added to every thread. */
  additionalDeveloperInstructions: string | null;
  /** Whether app screenshots are allowed. */
  allowAppshots: boolean | null;
  /** Whether browser use and computer use are allowed. */
  allowBrowserAndComputerUse: boolean | null;
  /** Whether commands may run in a login shell. */
  allowLoginShell: boolean | null;
  /** Whether only managed hooks may run. */
  allowManagedHooksOnly: boolean | null;
  /** Whether remote control is allowed. */
  allowRemoteControl: boolean | null;
  /** Approval policies that may be chosen. */
  allowedApprovalPolicies: AskForApproval[] | null;
  /**
   * Approval reviewers that may be chosen.
   * @experimental
   */
  allowedApprovalsReviewers: ApprovalsReviewer[] | null;
  /**
   * Sign-in methods left after managed, forced-login and workspace limits;
   * an empty list allows none. Older servers leave it out.
   */
  allowedLoginMethods: ForcedLoginMethod[] | null;
  /** Permission profiles and whether each may be used. */
  allowedPermissionProfiles: { [key: string]: boolean } | null;
  /** Sandbox presets that may be chosen. */
  allowedSandboxModes: SandboxMode[] | null;
  /** Web-search modes that may be chosen. */
  allowedWebSearchModes: WebSearchMode[] | null;
  /** Windows sandbox implementations that may be used. */
  allowedWindowsSandboxImplementations: WindowsSandboxImplementation[] | null;
  /**
   * Desktop application settings.
   * @experimental
   */
  application: ApplicationRequirements | null;
  autoReview: AutoReviewRequirements | null;
  browserUse: BrowserUseRequirements | null;
  /** ChatGPT base URL to use. */
  chatgptBaseUrl: string | null;
  /** Whether to look for updates at startup. */
  checkForUpdateOnStartup: boolean | null;
  /** Where CLI credentials must be stored. */
  cliAuthCredentialsStore: CliAuthCredentialsStoreMode | null;
  computerUse: ComputerUseRequirements | null;
  /** Default permission profile. */
  defaultPermissions: string | null;
  /** Data-residency region to enforce. */
  enforceResidency: ResidencyRequirement | null;
  /** Feature flags pinned on or off. */
  featureRequirements: { [key: string]: boolean } | null;
  feedback: FeedbackRequirements | null;
  /**
   * Managed hooks.
   * @experimental
   */
  hooks: ManagedHooksRequirements | null;
  inAppBrowser: InAppBrowserRequirements | null;
  /** Folder for log files. */
  logDir: string | null;
  /** Model catalog to use, as JSON. */
  modelCatalogJson: string | null;
  /** The model provider that must be selected. */
  modelProvider: string | null;
  /** Full definitions of the required model providers, keyed as in `config.toml`. */
  modelProviders: { [key: string]: JsonValue } | null;
  models: ModelsRequirements | null;
  /**
   * Managed network rules.
   * @experimental
   */
  network: NetworkRequirements | null;
  otel: OtelRequirements | null;
  /** Folder for the SQLite state database. */
  sqliteHome: string | null;
}

/** Result of `configRequirements/read`. */
export interface ConfigRequirementsReadResponse {
  /** The requirements, or `null` when none are configured (no `requirements.toml`, no MDM entries, ...). */
  requirements: ConfigRequirements | null;
  /**
   * Whether the Fast and Ultra Fast speed requirements are enforced
   * separately. Older servers leave it out and treat Fast as one shared gate.
   * @default null
   */
  supportsIndependentSpeedModes: boolean | null;
}
