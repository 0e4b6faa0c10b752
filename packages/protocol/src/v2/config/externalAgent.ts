/**
 * Importing configuration from other coding agents: `externalAgentConfig/*`
 * (detect what can be migrated, import it, record and read import histories)
 * and the progress notifications of an import.
 * @module
 */

/** The kinds of things that can be migrated from another agent. */
export type ExternalAgentConfigMigrationItemType =
  | 'AGENTS_MD'
  | 'CONFIG'
  | 'SKILLS'
  | 'PLUGINS'
  | 'MCP_SERVER_CONFIG'
  | 'SUBAGENTS'
  | 'HOOKS'
  | 'COMMANDS'
  | 'MEMORY'
  | 'SESSIONS';

/** Where a detected connector was found: a remote MCP server entry, or tool use seen in past sessions. */
export type ExternalAgentDetectedConnectorSource = 'remoteMcpServersConfig' | 'sessionToolUse';

/** Where an imported connector came from. */
export type ExternalAgentImportedConnectorSource = 'remoteMcpServersConfig';

/** A plugin marketplace and the plugins to migrate from it. */
export interface PluginsMigration {
  marketplaceName: string;
  pluginNames: string[];
}

/** A skill to migrate, by name. */
export interface SkillMigration {
  name: string;
}

/** An MCP server to migrate, by name. */
export interface McpServerMigration {
  name: string;
}

/** A sub-agent to migrate, by name. */
export interface SubagentMigration {
  name: string;
}

/** A hook to migrate, by name. */
export interface HookMigration {
  name: string;
}

/** A custom command to migrate, by name. */
export interface CommandMigration {
  name: string;
}

/** A past session to migrate. */
export interface SessionMigration {
  /** Working directory of the session. */
  cwd: string;
  /** Where the session's transcript is stored. */
  path: string;
  /** The session's title, when it has one. */
  title: string | null;
}

/** The individual entries behind one migration item. */
export interface MigrationDetails {
  /** @default [] */
  commands: CommandMigration[];
  /** @default [] */
  hooks: HookMigration[];
  /** @default [] */
  mcpServers: McpServerMigration[];
  /** Memory entries to migrate. */
  memory?: string[];
  /** @default [] */
  plugins: PluginsMigration[];
  /** @default [] */
  sessions: SessionMigration[];
  /** @default [] */
  skills: SkillMigration[];
  /** @default [] */
  subagents: SubagentMigration[];
}

/** One thing found that can be migrated. */
export interface ExternalAgentConfigMigrationItem {
  /** Repository the item belongs to; `null` or empty for the user's home-level setup. */
  cwd: string | null;
  /** Human-readable description. */
  description: string;
  details: MigrationDetails | null;
  itemType: ExternalAgentConfigMigrationItemType;
}

/** A connector (remote app or MCP server) found in the other agent's setup. */
export interface ExternalAgentDetectedConnectorCandidate {
  name: string;
  /**
   * Number of sessions that used it.
   * @format uint32
   */
  sessionCount: number;
  source: ExternalAgentDetectedConnectorSource;
}

/** A connector that an earlier import brought over. */
export interface ExternalAgentImportedConnectorCandidate {
  name: string;
  /**
   * Number of sessions that used it.
   * @format uint32
   */
  sessionCount: number;
  source: ExternalAgentImportedConnectorSource;
}

/** Params of `externalAgentConfig/detect`. */
export interface ExternalAgentConfigDetectParams {
  /** Repositories to look in, besides (optionally) the home directory. */
  cwds?: string[] | null;
  /** Also look in the user's home directory. */
  includeHome?: boolean;
  /**
   * Ignore sessions older than this many days; the server's default when absent.
   * @format uint32
   */
  maxSessionAgeDays?: number | null;
  /**
   * Report at most this many sessions; the server's default when absent.
   * @format uint32
   */
  maxSessions?: number | null;
  /** Which agent to migrate from; the default source when absent or unknown. */
  migrationSource?: string | null;
  /** No longer used (kept so older clients still validate); use `migrationSource`. */
  source?: string | null;
}

/** Result of `externalAgentConfig/detect`. */
export interface ExternalAgentConfigDetectResponse {
  /**
   * Connectors found.
   * @default []
   */
  connectors: ExternalAgentDetectedConnectorCandidate[];
  /** Things that can be migrated. */
  items: ExternalAgentConfigMigrationItem[];
}

/** Params of `externalAgentConfig/import`. */
export interface ExternalAgentConfigImportParams {
  /** The items to import (as returned by detection). */
  migrationItems: ExternalAgentConfigMigrationItem[];
  /** The same migration source as given to detection; the default source when absent or unknown. */
  migrationSource?: string | null;
  /** Opaque id of the calling provider, for analytics and the import history (does not choose the source). */
  providerId?: string | null;
  /** Id of the product that started the import. */
  source?: string | null;
}

/** Result of `externalAgentConfig/import`: the import runs on; progress is notified under this id. */
export interface ExternalAgentConfigImportResponse {
  importId: string;
}

/** One item of a given type that was imported. */
export interface ExternalAgentConfigImportItemTypeSuccess {
  /** Repository the item belongs to. */
  cwd: string | null;
  itemType: ExternalAgentConfigMigrationItemType;
  /** Where the item was read from. */
  source: string | null;
  /** Where the item was written to. */
  target: string | null;
  /**
   * The original title of an imported session; `null` for other kinds.
   * @default null
   */
  title: string | null;
}

/** One item of a given type that could not be imported. */
export interface ExternalAgentConfigImportItemTypeFailure {
  /** Repository the item belongs to. */
  cwd: string | null;
  /** Machine-readable error category. */
  errorType: string | null;
  /** The step that failed. */
  failureStage: string;
  itemType: ExternalAgentConfigMigrationItemType;
  /** Human-readable error. */
  message: string;
  /** Where the item was read from. */
  source: string | null;
  /** Finer error category. */
  subErrorType: string | null;
}

/** The successes and failures for one kind of item. */
export interface ExternalAgentConfigImportTypeResult {
  failures: ExternalAgentConfigImportItemTypeFailure[];
  itemType: ExternalAgentConfigMigrationItemType;
  successes: ExternalAgentConfigImportItemTypeSuccess[];
}

/** Params of `externalAgentConfig/import/progress`: results so far. */
export interface ExternalAgentConfigImportProgressNotification {
  importId: string;
  itemTypeResults: ExternalAgentConfigImportTypeResult[];
}

/** Params of `externalAgentConfig/import/completed`: the final results. */
export interface ExternalAgentConfigImportCompletedNotification {
  importId: string;
  itemTypeResults: ExternalAgentConfigImportTypeResult[];
}

/** One imported item reported by a client that ran an import itself. */
export interface ExternalAgentConfigImportHistoryRecordSuccessParams {
  /** Repository the item belongs to. */
  cwd?: string | null;
  itemType: ExternalAgentConfigMigrationItemType;
  /** Where the item was read from. */
  source?: string | null;
  /** Where the item was written to. */
  target?: string | null;
  /**
   * The original title of an imported session, when known.
   * @default null
   */
  title?: string | null;
}

/** The successes and failures for one kind of item, as reported by the client. */
export interface ExternalAgentConfigImportHistoryRecordTypeResultParams {
  failures: ExternalAgentConfigImportItemTypeFailure[];
  itemType: ExternalAgentConfigMigrationItemType;
  successes: ExternalAgentConfigImportHistoryRecordSuccessParams[];
}

/** Params of `externalAgentConfig/import/recordHistory`: store the outcome of an import done elsewhere. */
export interface ExternalAgentConfigImportHistoryRecordParams {
  /** Results per kind of item. */
  itemTypeResults: ExternalAgentConfigImportHistoryRecordTypeResultParams[];
  /** Opaque id of the provider that ran the import. */
  providerId: string;
}

/** Result of `externalAgentConfig/import/recordHistory`: the id the record was stored under. */
export interface ExternalAgentConfigImportHistoryRecordResponse {
  importId: string;
}

/** A finished import, as kept in the history. */
export interface ExternalAgentConfigImportHistory {
  /**
   * When it finished, in milliseconds since the Unix epoch.
   * @format int64
   */
  completedAtMs: number;
  failures: ExternalAgentConfigImportItemTypeFailure[];
  importId: string;
  /** The provider that ran it, when known. */
  providerId: string | null;
  successes: ExternalAgentConfigImportItemTypeSuccess[];
}

/** Result of `externalAgentConfig/import/readHistories`. */
export interface ExternalAgentConfigImportHistoriesReadResponse {
  /** Connectors that imports brought over. */
  connectors: ExternalAgentImportedConnectorCandidate[];
  /** Past imports. */
  data: ExternalAgentConfigImportHistory[];
}
