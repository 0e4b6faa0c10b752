/**
 * Method-map entries for thread organisation: sections, attachments, queues, goals, search, timelines, settings,
 * predictions, memory and projects.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for thread organisation, search, settings, memory and projects. */
export interface ProjectsClientRequests {}

/** Server requests for thread organisation, search, settings, memory and projects. */
export interface ProjectsServerRequests {}

/** Server notifications for thread organisation, search, settings, memory and projects. */
export interface ProjectsServerNotifications {}
