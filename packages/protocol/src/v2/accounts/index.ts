/**
 * Types for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox,
 * re-exported by file.
 * @module
 */
export type * from './rateLimits.js';
export type * from './remoteControl.js';
