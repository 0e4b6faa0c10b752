/**
 * Types for realtime sessions, item-level notifications, approvals and other server requests, warnings, re-exported by file.
 * @module
 */
export type * from './hooks.js';
export type * from './realtime.js';
export type * from './itemProgress.js';
export type * from './autoReview.js';
export type * from './notices.js';
export type * from './serverRequests.js';
export type * from './legacyApprovals.js';
