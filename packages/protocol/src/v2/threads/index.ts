/**
 * Types for thread lifecycle, listing, reading, turns and reviews, re-exported by file.
 * @module
 */
export type * from './listing.js';
export type * from './readState.js';
export type * from './reading.js';
export type * from './lifecycle.js';
export type * from './responseItems.js';
export type * from './notifications.js';
export type * from './turns.js';
