/**
 * Types for MCP servers, plugins, skills, apps and marketplaces, re-exported by file.
 * @module
 */
export type * from './apps.js';
export type * from './elicitation.js';
export type * from './mcp.js';
export type * from './plugins.js';
export type * from './pluginShare.js';
export type * from './pluginShareModel.js';
export type * from './skills.js';
export type * from './pluginDetail.js';
