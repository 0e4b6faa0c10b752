/**
 * Types for thread organisation (sections, attachments, queues, goals, search, timelines, settings, predictions),
 * memory and projects, re-exported by file.
 * @module
 */
export type * from './realtime.js';
export type * from './guardian.js';
