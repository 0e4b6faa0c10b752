/**
 * Types for configuration and external agent config (config files, layers, requirements, writes, imports from other agents), re-exported by file.
 * @module
 */
export type * from './settings.js';
export type * from './layers.js';
export type * from './write.js';
export type * from './requirements.js';
export type * from './externalAgent.js';
