/**
 * Types for MCP servers, plugins, skills, apps and marketplaces, re-exported by file.
 * @module
 */
export type {};
