/**
 * Shared vocabulary for listing and filtering threads.
 * @module
 */

/** Order of a listing: `asc` (oldest or smallest first) or `desc` (newest or largest first). */
export type SortDirection = 'asc' | 'desc';

/**
 * The kind of client or agent that created a thread, used to filter thread listings. The `subAgent*` kinds
 * distinguish the purposes a sub-agent was spawned for; `unknown` covers sources the server cannot classify.
 */
export type ThreadSourceKind =
  | 'cli'
  | 'vscode'
  | 'exec'
  | 'appServer'
  | 'subAgent'
  | 'subAgentReview'
  | 'subAgentCompact'
  | 'subAgentThreadSpawn'
  | 'subAgentOther'
  | 'unknown';
