/**
 * `gitDiffToRemote`: the pre-v2 request for a working tree's diff against its remote.
 * @module
 */

/** A git commit hash (hex). */
export type GitSha = string;

/** Params of the legacy `gitDiffToRemote` request. */
export interface GitDiffToRemoteParams {
  /** A directory inside the git working tree to diff. */
  cwd: string;
}

/** Result of `gitDiffToRemote`: the remote commit the diff is against, and the diff itself. */
export interface GitDiffToRemoteResponse {
  /** The commit on the remote the working tree is compared with. */
  sha: GitSha;
  /** Unified diff of the working tree (including untracked files) against `sha`. */
  diff: string;
}
