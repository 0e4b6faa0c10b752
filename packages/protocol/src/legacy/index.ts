/**
 * The legacy (pre-v2) client requests that the server still answers although
 * upstream's JSON Schema leaves them out. Their method-map entries are in
 * `../methods/legacy.ts`; their schema is the separate `schema/legacy/` part.
 * @module
 */
export type * from './auth.js';
export type * from './git.js';
export type * from './conversation.js';
