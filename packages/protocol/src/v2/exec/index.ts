/**
 * Types for the filesystem, command execution, processes and fuzzy file search, re-exported by file.
 * @module
 */
export type {};
