/**
 * Method-map entries for configuration and external agent config (config files, layers, requirements, writes, imports from other agents).
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigClientRequests {}

/** Server requests for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigServerRequests {}

/** Server notifications for configuration and external agent config (config files, layers, requirements, writes, imports from other agents). */
export interface ConfigServerNotifications {}
