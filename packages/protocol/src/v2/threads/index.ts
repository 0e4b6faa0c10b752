/**
 * Types for thread lifecycle, listing, reading, goals, sections, attachments, queues, turns and reviews, re-exported by file.
 * @module
 */
export type {};
