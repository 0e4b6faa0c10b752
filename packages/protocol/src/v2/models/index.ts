/**
 * Types for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics, re-exported by file.
 * @module
 */
export type * from './diagnostics.js';
export type * from './environments.js';
export type * from './features.js';
export type * from './hooks.js';
export type * from './models.js';
export type * from './providers.js';
