/**
 * Method-map entries for configuration, models and model providers, experimental features, permission profiles, hooks, environments and external agent config.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for configuration, models and model providers, experimental features, permission profiles, hooks, environments and external agent config. */
export interface ConfigClientRequests {}

/** Server requests for configuration, models and model providers, experimental features, permission profiles, hooks, environments and external agent config. */
export interface ConfigServerRequests {}

/** Server notifications for configuration, models and model providers, experimental features, permission profiles, hooks, environments and external agent config. */
export interface ConfigServerNotifications {}
