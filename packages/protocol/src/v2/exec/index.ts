/**
 * Types for the filesystem, command execution and processes, re-exported by file. The fuzzy file
 * search types live in the package root (`../../fuzzyFileSearch.ts`), because upstream places them
 * at the root of its schema rather than under `v2/`.
 * @module
 */
export type * from './fs.js';
export type * from './commandExec.js';
export type * from './process.js';
