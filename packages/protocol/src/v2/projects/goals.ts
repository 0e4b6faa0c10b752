/**
 * Thread goals: an objective the agent keeps working towards across turns, with optional token budget.
 * @module
 */

/** Where a goal stands. */
export type ThreadGoalStatus = 'active' | 'paused' | 'blocked' | 'usageLimited' | 'budgetLimited' | 'complete';

/** Who changed a goal: the `user`, or the agent on its own (`automatic`). */
export type ThreadGoalMutationOrigin = 'user' | 'automatic';

/** A thread's goal and what has been spent on it. */
export interface ThreadGoal {
  threadId: string;
  /** What the agent should achieve. */
  objective: string;
  status: ThreadGoalStatus;
  /**
   * Most tokens the goal may use; no limit when absent.
   * @format int64
   */
  tokenBudget: number | null;
  /**
   * Tokens used on the goal so far.
   * @format int64
   */
  tokensUsed: number;
  /**
   * Time spent on the goal so far, in seconds.
   * @format int64
   */
  timeUsedSeconds: number;
  /**
   * When the goal was set, in seconds since the Unix epoch.
   * @format int64
   */
  createdAt: number;
  /**
   * When the goal last changed, in seconds since the Unix epoch.
   * @format int64
   */
  updatedAt: number;
}

/** Params of `thread/goal/set`: create the thread's goal or change the given parts of it. */
export interface ThreadGoalSetParams {
  threadId: string;
  /** The new objective; unchanged when omitted. */
  objective?: string | null;
  /** The new status; unchanged when omitted. */
  status?: ThreadGoalStatus | null;
  /**
   * The new token budget; unchanged when omitted.
   * @format int64
   */
  tokenBudget?: number | null;
  /** Who makes the change; the user when omitted. */
  origin?: ThreadGoalMutationOrigin | null;
}

/** Result of `thread/goal/set`: the goal after the change. */
export interface ThreadGoalSetResponse {
  goal: ThreadGoal;
}

/** Params of `thread/goal/get`. */
export interface ThreadGoalGetParams {
  threadId: string;
}

/** Result of `thread/goal/get`: the thread's goal, absent or `null` when it has none. */
export interface ThreadGoalGetResponse {
  goal: ThreadGoal | null;
}

/** Params of `thread/goal/clear`: remove the thread's goal. */
export interface ThreadGoalClearParams {
  threadId: string;
  /** Who clears it; the user when omitted. */
  origin?: ThreadGoalMutationOrigin | null;
}

/** Result of `thread/goal/clear`. */
export interface ThreadGoalClearResponse {
  /** Whether there was a goal to remove. */
  cleared: boolean;
}

/** Params of `thread/goal/updated`: a thread's goal was set or changed. */
export interface ThreadGoalUpdatedNotification {
  threadId: string;
  /** The turn during which it changed, when a turn changed it. */
  turnId: string | null;
  goal: ThreadGoal;
}

/** Params of `thread/goal/cleared`: a thread's goal was removed. */
export interface ThreadGoalClearedNotification {
  threadId: string;
}
