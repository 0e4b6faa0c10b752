/**
 * Types for thread lifecycle, listing, reading, turns and reviews, re-exported by file.
 * @module
 */
export type * from './listing.js';
export type * from './readState.js';
