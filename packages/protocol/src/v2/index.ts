/**
 * All v2 protocol types, re-exported by area.
 * @module
 */
export type * from './common.js';
export type * from './sandbox.js';
export type * from './approvals.js';
export type * from './attestation.js';
export type * from './notifications.js';
export type * from './thread.js';
export type * from './turn.js';
export type * from './items.js';
export type * from './input.js';
export type * from './model.js';
export type * from './threads/index.js';
export type * from './projects/index.js';
export type * from './events/index.js';
export type * from './accounts/index.js';
export type * from './config/index.js';
export type * from './models/index.js';
export type * from './exec/index.js';
export type * from './extensions/index.js';
