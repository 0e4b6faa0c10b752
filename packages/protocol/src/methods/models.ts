/**
 * Method-map entries for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsClientRequests {}

/** Server requests for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsServerRequests {}

/** Server notifications for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsServerNotifications {}
