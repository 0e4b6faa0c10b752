/**
 * Method-map entries for configuration and external agent config (config files, layers, requirements, writes, imports from other agents).
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  ConfigBatchWriteParams,
  ConfigReadParams,
  ConfigReadResponse,
  ConfigRequirementsReadResponse,
  ConfigValueWriteParams,
  ConfigWriteResponse,
  ExternalAgentConfigDetectParams,
  ExternalAgentConfigDetectResponse,
  ExternalAgentConfigImportCompletedNotification,
  ExternalAgentConfigImportHistoriesReadResponse,
  ExternalAgentConfigImportHistoryRecordParams,
  ExternalAgentConfigImportHistoryRecordResponse,
  ExternalAgentConfigImportParams,
  ExternalAgentConfigImportProgressNotification,
  ExternalAgentConfigImportResponse,
} from '../v2/config/index.js';
import type { McpServerRefreshResponse } from '../v2/extensions/index.js';
import type { ConfigWarningNotification } from '../v2/notifications.js';

/** Client requests for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigClientRequests {
  /** Reads the effective configuration, optionally with its layers and as seen from a directory. */
  'config/read': { params: ConfigReadParams; result: ConfigReadResponse };
  /** Sets one key in a config file. */
  'config/value/write': { params: ConfigValueWriteParams; result: ConfigWriteResponse };
  /** Applies several edits to a config file at once. */
  'config/batchWrite': { params: ConfigBatchWriteParams; result: ConfigWriteResponse };
  /** Re-reads the MCP server configuration and applies it to loaded threads. */
  'config/mcpServer/reload': { params: undefined; result: McpServerRefreshResponse };
  /** Reads the requirements that managed policy puts on the configuration. */
  'configRequirements/read': { params: undefined; result: ConfigRequirementsReadResponse };
  /** Looks for configuration of other coding agents that can be migrated. */
  'externalAgentConfig/detect': { params: ExternalAgentConfigDetectParams; result: ExternalAgentConfigDetectResponse };
  /** Starts importing detected items; progress and completion are notified. */
  'externalAgentConfig/import': { params: ExternalAgentConfigImportParams; result: ExternalAgentConfigImportResponse };
  /** Records in the import history the outcome of an import the client ran itself. */
  'externalAgentConfig/import/recordHistory': {
    params: ExternalAgentConfigImportHistoryRecordParams;
    result: ExternalAgentConfigImportHistoryRecordResponse;
  };
  /** Reads the history of past imports. */
  'externalAgentConfig/import/readHistories': {
    params: undefined;
    result: ExternalAgentConfigImportHistoriesReadResponse;
  };
}

/** Server requests for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigServerRequests {}

/** Server notifications for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigServerNotifications {
  /** Partial results of a running import. */
  'externalAgentConfig/import/progress': { params: ExternalAgentConfigImportProgressNotification };
  /** An import finished; carries the final results. */
  'externalAgentConfig/import/completed': { params: ExternalAgentConfigImportCompletedNotification };
  configWarning: { params: ConfigWarningNotification };
}
