/**
 * `getConversationSummary`: the pre-v2 request for a stored conversation's summary.
 * @module
 */
import type { SubAgentSource, ThreadId } from '../v2/thread.js';

/** Params of the legacy `getConversationSummary` request: name the conversation by its rollout file or by its id. */
export type GetConversationSummaryParams = ConversationSummaryByPath | ConversationSummaryById;

/** Look the conversation up by the path of its rollout file. */
export interface ConversationSummaryByPath {
  rolloutPath: string;
}

/** Look the conversation up by its id. */
export interface ConversationSummaryById {
  conversationId: ThreadId;
}

/** Result of `getConversationSummary`. */
export interface GetConversationSummaryResponse {
  summary: ConversationSummary;
}

/** What the server knows about one stored conversation. Every member is always sent. */
export interface ConversationSummary {
  conversationId: ThreadId;
  /** Path of the rollout file. */
  path: string;
  /** The first user message, shortened; empty when there is none. */
  preview: string;
  /** When the conversation started (RFC 3339), if recorded. */
  timestamp: string | null;
  /** When it last changed (RFC 3339), if known. */
  updatedAt: string | null;
  modelProvider: string;
  /** Working directory the conversation ran in. */
  cwd: string;
  /** Version of the codex that wrote the rollout. */
  cliVersion: string;
  source: CoreSessionSource;
  gitInfo: ConversationGitInfo | null;
}

/**
 * What created a session, as the legacy API spells it: the core's names, which
 * differ from v2's `SessionSource` (`mcp` instead of `appServer`, `subagent` in
 * lower case, and an `internal` variant).
 */
export type CoreSessionSource =
  | 'cli'
  | 'vscode'
  | 'exec'
  | 'mcp'
  | 'unknown'
  | { custom: string }
  | { internal: InternalSessionSource }
  | { subagent: SubAgentSource };

/** Sessions the server starts for its own bookkeeping. */
export type InternalSessionSource = 'memory_consolidation' | 'guardian';

/** Git state recorded with a conversation; each member is `null` when unknown. */
export interface ConversationGitInfo {
  sha: string | null;
  branch: string | null;
  /** Note the snake case: the legacy API keeps the core's field name. */
  origin_url: string | null;
}
