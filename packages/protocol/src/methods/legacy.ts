/**
 * Method-map entries of the legacy (pre-v2) client requests the server still
 * answers: `getAuthStatus`, `gitDiffToRemote`, `getConversationSummary`.
 * Upstream's TypeScript has them, its JSON Schema does not; every entry here is
 * tagged `@legacy`, which keeps it out of `schema/json*` (codegen writes it to
 * `schema/legacy/` instead). The root `ClientRequests` map extends this one,
 * so the derived unions and `client.request(...)` know these methods.
 * @module
 */
import type { GetAuthStatusParams, GetAuthStatusResponse } from '../legacy/auth.js';
import type { GetConversationSummaryParams, GetConversationSummaryResponse } from '../legacy/conversation.js';
import type { GitDiffToRemoteParams, GitDiffToRemoteResponse } from '../legacy/git.js';

/** Legacy requests a client sends to the server: method name → params and result. */
export interface LegacyClientRequests {
  /**
   * How the server is signed in, optionally with the bearer token. The v2 equivalent is `account/read`.
   * @legacy
   */
  getAuthStatus: { params: GetAuthStatusParams; result: GetAuthStatusResponse };
  /**
   * Diff of a git working tree against its remote branch.
   * @legacy
   */
  gitDiffToRemote: { params: GitDiffToRemoteParams; result: GitDiffToRemoteResponse };
  /**
   * Summary of a stored conversation, by rollout path or id. The v2 equivalent is `thread/read`.
   * @legacy
   */
  getConversationSummary: { params: GetConversationSummaryParams; result: GetConversationSummaryResponse };
}
