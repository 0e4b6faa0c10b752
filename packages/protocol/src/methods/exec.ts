/**
 * Method-map entries for the filesystem, command execution, processes and fuzzy file search.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecClientRequests {}

/** Server requests for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecServerRequests {}

/** Server notifications for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecServerNotifications {}
