/**
 * Token usage of the account (`account/usage/read`) and estimated usage of one thread.
 * @module
 */

/** Params of `account/usage/read`. */
export interface GetAccountTokenUsageParams {
  /** Read the estimated usage of this thread instead of the account-wide activity. */
  threadId?: string | null;
}

/** The same params, also allowing `null` (the method's params are optional). */
export type NullableGetAccountTokenUsageParams = GetAccountTokenUsageParams | null;

/** Tokens used on one day. */
export interface AccountTokenUsageDailyBucket {
  /** The day, as a date string. */
  startDate: string;
  /**
   * Tokens used that day.
   * @format int64
   */
  tokens: number;
}

/** Headline figures of the account's token activity; each is `null` when unknown. */
export interface AccountTokenUsageSummary {
  /**
   * Days in a row with activity, up to today.
   * @format int64
   */
  currentStreakDays: number | null;
  /**
   * Tokens used since the account began.
   * @format int64
   */
  lifetimeTokens: number | null;
  /**
   * The longest turn so far, in seconds.
   * @format int64
   */
  longestRunningTurnSec: number | null;
  /**
   * The longest run of active days.
   * @format int64
   */
  longestStreakDays: number | null;
  /**
   * The most tokens used in a single day.
   * @format int64
   */
  peakDailyTokens: number | null;
}

/** Usage of one thread for one model / effort / speed combination. */
export interface ThreadUsageBreakdownGroup {
  /** @format int64 */
  cachedInputTokens: number | null;
  /**
   * Estimated cost in millionths of a credit.
   * @format int64
   */
  estimatedUsageCreditsMicros: number;
  /** @format int64 */
  inputTokens: number | null;
  model: string | null;
  /**
   * Input tokens that were not served from the cache.
   * @format int64
   */
  netNewInputTokens: number | null;
  /** @format int64 */
  outputTokens: number | null;
  reasoningEffort: string | null;
  speed: string | null;
  /** @format int64 */
  totalTokens: number | null;
}

/** Estimated usage of one thread. */
export interface ThreadUsage {
  /**
   * Estimated cost in millionths of a credit.
   * @format int64
   */
  estimatedUsageCreditsMicros: number;
  /**
   * Estimated cost in millionths of a US dollar, when known.
   * @format int64
   */
  estimatedUsageUsdMicros: number | null;
  /** The usage split by model, effort and speed. */
  groups: ThreadUsageBreakdownGroup[];
  /**
   * Dollar usage measured directly rather than estimated from credits, in millionths of a
   * US dollar; `null` means unknown (not zero).
   * @format int64
   */
  nativeUsageUsdMicros?: number | null;
  threadId: string;
}

/** Result of `account/usage/read`. */
export interface GetAccountTokenUsageResponse {
  /** Tokens per day, when available. */
  dailyUsageBuckets: AccountTokenUsageDailyBucket[] | null;
  summary: AccountTokenUsageSummary;
  /** The thread's estimated usage, when a thread was asked for and its billing is known. */
  threadUsage?: ThreadUsage | null;
}
