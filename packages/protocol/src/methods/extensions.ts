/**
 * Method-map entries for MCP servers, plugins, skills, apps and marketplaces.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  AppListUpdatedNotification,
  AppsInstalledParams,
  AppsInstalledResponse,
  AppsListParams,
  AppsListResponse,
  AppsReadParams,
  AppsReadResponse,
  ListMcpServerStatusParams,
  ListMcpServerStatusResponse,
  MarketplaceAddParams,
  MarketplaceAddResponse,
  MarketplaceRemoveParams,
  MarketplaceRemoveResponse,
  MarketplaceUpgradeParams,
  MarketplaceUpgradeResponse,
  McpResourceReadParams,
  McpResourceReadResponse,
  McpServerElicitationRequestParams,
  McpServerElicitationRequestResponse,
  McpServerEventStreamNotification,
  McpServerEventStreamStartParams,
  McpServerEventStreamStartResponse,
  McpServerEventStreamStopParams,
  McpServerEventStreamStopResponse,
  McpServerOauthLoginCompletedNotification,
  McpServerOauthLoginParams,
  McpServerOauthLoginResponse,
  McpServerStatusUpdatedNotification,
  McpServerToolCallParams,
  McpServerToolCallResponse,
  PluginInstalledParams,
  PluginInstalledResponse,
  PluginInstallParams,
  PluginInstallResponse,
  PluginListParams,
  PluginReadParams,
  PluginReadResponse,
  PluginListResponse,
  PluginReconcileParams,
  PluginReconcileResponse,
  PluginSearchParams,
  PluginSearchResponse,
  PluginShareCheckoutParams,
  PluginShareCheckoutResponse,
  PluginShareDeleteParams,
  PluginShareDeleteResponse,
  PluginShareListParams,
  PluginShareListResponse,
  PluginShareSaveParams,
  PluginShareSaveResponse,
  PluginShareUpdateTargetsParams,
  PluginShareUpdateTargetsResponse,
  PluginSkillReadParams,
  PluginSkillReadResponse,
  PluginUninstallParams,
  PluginUninstallResponse,
  SkillsChangedNotification,
  SkillsConfigWriteParams,
  SkillsConfigWriteResponse,
  SkillsExtraRootsSetParams,
  SkillsExtraRootsSetResponse,
  SkillsListParams,
  SkillsListResponse,
} from '../v2/extensions/index.js';

/** Client requests for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsClientRequests {
  /** Lists the skills found for each working directory. */
  'skills/list': { params: SkillsListParams; result: SkillsListResponse };
  /** Sets extra directories to look for skills in. */
  'skills/extraRoots/set': { params: SkillsExtraRootsSetParams; result: SkillsExtraRootsSetResponse };
  /** Turns one skill on or off in the user's configuration. */
  'skills/config/write': { params: SkillsConfigWriteParams; result: SkillsConfigWriteResponse };
  /** Adds a plugin marketplace from a source. */
  'marketplace/add': { params: MarketplaceAddParams; result: MarketplaceAddResponse };
  /** Removes a plugin marketplace. */
  'marketplace/remove': { params: MarketplaceRemoveParams; result: MarketplaceRemoveResponse };
  /** Updates one marketplace, or all of them. */
  'marketplace/upgrade': { params: MarketplaceUpgradeParams; result: MarketplaceUpgradeResponse };
  /** Lists marketplaces and the plugins they offer. */
  'plugin/list': { params: PluginListParams; result: PluginListResponse };
  /** Reads the full details of one plugin (skills, apps, MCP servers, hooks, scheduled tasks). */
  'plugin/read': { params: PluginReadParams; result: PluginReadResponse };
  /**
   * Searches plugins by text.
   * @experimental
   */
  'plugin/search': { params: PluginSearchParams; result: PluginSearchResponse };
  /** Lists the installed plugins, grouped by marketplace. */
  'plugin/installed': { params: PluginInstalledParams; result: PluginInstalledResponse };
  /** Brings installed plugins in line with the backend and reports what changed. */
  'plugin/reconcile': { params: PluginReconcileParams; result: PluginReconcileResponse };
  /** Reads the contents of one skill of a remote plugin. */
  'plugin/skill/read': { params: PluginSkillReadParams; result: PluginSkillReadResponse };
  /** Saves a local plugin as a new or updated shared plugin. */
  'plugin/share/save': { params: PluginShareSaveParams; result: PluginShareSaveResponse };
  /** Replaces who a shared plugin is shared with. */
  'plugin/share/updateTargets': { params: PluginShareUpdateTargetsParams; result: PluginShareUpdateTargetsResponse };
  /** Lists the plugins the user shared. */
  'plugin/share/list': { params: PluginShareListParams; result: PluginShareListResponse };
  /** Downloads a shared plugin into a local marketplace. */
  'plugin/share/checkout': { params: PluginShareCheckoutParams; result: PluginShareCheckoutResponse };
  /** Deletes a shared plugin. */
  'plugin/share/delete': { params: PluginShareDeleteParams; result: PluginShareDeleteResponse };
  /** Installs a plugin from a marketplace. */
  'plugin/install': { params: PluginInstallParams; result: PluginInstallResponse };
  /** Uninstalls a plugin. */
  'plugin/uninstall': { params: PluginUninstallParams; result: PluginUninstallResponse };
  /** Reads the metadata of specific apps. */
  'app/read': { params: AppsReadParams; result: AppsReadResponse };
  /** Lists the available apps, a page at a time. */
  'app/list': { params: AppsListParams; result: AppsListResponse };
  /** Reads the installed connectors' runtime snapshot. */
  'app/installed': { params: AppsInstalledParams; result: AppsInstalledResponse };
  /** Starts an OAuth sign-in with an MCP server and returns the page to open. */
  'mcpServer/oauth/login': { params: McpServerOauthLoginParams; result: McpServerOauthLoginResponse };
  /** Lists configured MCP servers with their sign-in state, tools and resources. */
  'mcpServerStatus/list': { params: ListMcpServerStatusParams; result: ListMcpServerStatusResponse };
  /** Reads a resource from an MCP server. */
  'mcpServer/resource/read': { params: McpResourceReadParams; result: McpResourceReadResponse };
  /**
   * Subscribes to an MCP server's event stream.
   * @experimental
   */
  'mcpServer/event/stream/start': {
    params: McpServerEventStreamStartParams;
    result: McpServerEventStreamStartResponse;
  };
  /**
   * Ends an event-stream subscription.
   * @experimental
   */
  'mcpServer/event/stream/stop': { params: McpServerEventStreamStopParams; result: McpServerEventStreamStopResponse };
  /** Calls an MCP tool directly, outside a turn. */
  'mcpServer/tool/call': { params: McpServerToolCallParams; result: McpServerToolCallResponse };
}

/** Server requests for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsServerRequests {
  /** An MCP server asks the user for input (a form, a URL to open, a verification). */
  'mcpServer/elicitation/request': {
    params: McpServerElicitationRequestParams;
    result: McpServerElicitationRequestResponse;
  };
}

/** Server notifications for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsServerNotifications {
  /** Skill files on disk changed; list the skills again for the new state. */
  'skills/changed': { params: SkillsChangedNotification };
  /** An MCP OAuth sign-in finished, successfully or not. */
  'mcpServer/oauthLogin/completed': { params: McpServerOauthLoginCompletedNotification };
  /** An MCP server moved to another start-up phase. */
  'mcpServer/startupStatus/updated': { params: McpServerStatusUpdatedNotification };
  /** An event arrived on an MCP event-stream subscription. */
  'mcpServer/event/stream/notification': { params: McpServerEventStreamNotification };
  /** The list of apps changed; carries the new list. */
  'app/list/updated': { params: AppListUpdatedNotification };
}
