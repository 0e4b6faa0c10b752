/**
 * Method-map entries for MCP servers, plugins, skills, apps and marketplaces.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsClientRequests {}

/** Server requests for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsServerRequests {}

/** Server notifications for MCP servers, plugins, skills, apps and marketplaces. */
export interface ExtensionsServerNotifications {}
