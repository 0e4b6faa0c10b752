/**
 * Types for thread organisation (sections, attachments, queues, goals, search, timelines, settings, predictions),
 * memory and projects, re-exported by file.
 * @module
 */
export type * from './realtime.js';
export type * from './guardian.js';
export type * from './sections.js';
export type * from './attachments.js';
export type * from './queue.js';
export type * from './goals.js';
export type * from './settings.js';
export type * from './predictions.js';
export type * from './terminals.js';
export type * from './memory.js';
export type * from './timeline.js';
export type * from './items.js';
export type * from './search.js';
export type * from './readState.js';
export type * from './projects.js';
