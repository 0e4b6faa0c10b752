/**
 * Types for configuration, models and model providers, experimental features, permission profiles, hooks, environments and external agent config, re-exported by file.
 * @module
 */
export type {};
