/**
 * Types for configuration and external agent config (config files, layers, requirements, writes, imports from other agents), re-exported by file.
 * @module
 */
export type {};
