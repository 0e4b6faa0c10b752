/**
 * Types for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox,
 * re-exported by file.
 * @module
 */
export type * from './account.js';
export type * from './accountSessions.js';
export type * from './cloudSetup.js';
export type * from './feedback.js';
export type * from './gatewayOAuth.js';
export type * from './login.js';
export type * from './rateLimits.js';
export type * from './remoteControl.js';
export type * from './usage.js';
export type * from './userVerification.js';
export type * from './windowsSandbox.js';
