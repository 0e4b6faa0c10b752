/**
 * Method-map entries for thread lifecycle, listing, reading, goals, sections, attachments, queues, turns and reviews.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for thread lifecycle, listing, reading, goals, sections, attachments, queues, turns and reviews. */
export interface ThreadsClientRequests {}

/** Server requests for thread lifecycle, listing, reading, goals, sections, attachments, queues, turns and reviews. */
export interface ThreadsServerRequests {}

/** Server notifications for thread lifecycle, listing, reading, goals, sections, attachments, queues, turns and reviews. */
export interface ThreadsServerNotifications {}
