/**
 * `@cask/protocol`: hand-written TypeScript types for the Codex app-server
 * protocol. Types only, except the generated {@link CODEX_RELEASE} string: the
 * codex release these types describe.
 * @packageDocumentation
 */
export { CODEX_RELEASE, type CodexRelease } from './codexRelease.js';
export type * from './jsonrpc.js';
export type * from './methods.js';
export type * from './derived.js';
export type * from './v1/initialize.js';
export type * from './fuzzyFileSearch.js';
export type * from './v2/index.js';
export type * from './legacy/index.js';
export type * from './upstreamNames.js';
