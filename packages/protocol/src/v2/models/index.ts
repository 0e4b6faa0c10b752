/**
 * Types for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics, re-exported by file.
 * @module
 */
export type {};
