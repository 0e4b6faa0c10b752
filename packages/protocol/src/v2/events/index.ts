/**
 * Types for realtime sessions, item-level notifications, approvals and other server requests, warnings, re-exported by file.
 * @module
 */
export type * from './hooks.js';
