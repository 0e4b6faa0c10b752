/** Types of `codex-release-sync.mjs` (see there). */
export declare const ROOT: string;
export declare const SOURCE_FILE: string;
export declare const PUBLISHED: string[];
export interface CodexReleaseSource {
  release: string;
  compatibilityReleases: string[];
}
export declare function aliasOf(version: string): string;
export declare function readSource(root?: string): CodexReleaseSource;
export declare function plan(root?: string): { file: string; current: string; wanted: string }[];
export declare function strayVersions(root?: string): string[];
