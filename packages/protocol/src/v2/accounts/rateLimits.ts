/**
 * Rate-limit and credit snapshots of the signed-in account.
 * @module
 */

/** Which kind of limit stopped the account, when one did. */
export type RateLimitReachedType =
  | 'rate_limit_reached'
  | 'workspace_owner_credits_depleted'
  | 'workspace_member_credits_depleted'
  | 'workspace_owner_usage_limit_reached'
  | 'workspace_member_usage_limit_reached';

/** The ChatGPT plan behind the account; `unknown` when the server can't tell. */
export type PlanType =
  | 'free'
  | 'go'
  | 'plus'
  | 'pro'
  | 'prolite'
  | 'promax'
  | 'team'
  | 'self_serve_business_prolite'
  | 'self_serve_business_usage_based'
  | 'business'
  | 'ent26'
  | 'enterprise_cbp_automation'
  | 'enterprise_cbp_usage_based'
  | 'enterprise'
  | 'edu'
  | 'edu_plus'
  | 'edu_pro'
  | 'sci'
  | 'sci_plus'
  | 'unknown';

/** One usage window (for example the five-hour or the weekly window). */
export interface RateLimitWindow {
  /**
   * When the window resets, in seconds since the Unix epoch, if known.
   * @format int64
   */
  resetsAt?: number | null;
  /**
   * How much of the window is used, in percent.
   * @format int32
   */
  usedPercent: number;
  /**
   * Length of the window in minutes, if known.
   * @format int64
   */
  windowDurationMins?: number | null;
}

/** The account's credit balance. */
export interface CreditsSnapshot {
  /** Remaining balance as a decimal string, when the backend reports one. */
  balance?: string | null;
  /** Whether the account has any credits at all. */
  hasCredits: boolean;
  /** Whether usage is unmetered. */
  unlimited: boolean;
}

/** A spend-control limit set on one member of a workspace. */
export interface SpendControlLimitSnapshot {
  /** The limit, as a decimal string. */
  limit: string;
  /**
   * What is left of the limit, in percent.
   * @format int32
   */
  remainingPercent: number;
  /**
   * When the limit resets, in seconds since the Unix epoch.
   * @format int64
   */
  resetsAt: number;
  /** What has been spent, as a decimal string. */
  used: string;
}

/** Everything the server knows about the account's limits at one moment. */
export interface RateLimitSnapshot {
  credits?: CreditsSnapshot | null;
  /** The member's own spend-control limit, in a workspace that sets one. */
  individualLimit?: SpendControlLimitSnapshot | null;
  /** Identifier of the limit bucket these figures belong to. */
  limitId?: string | null;
  /** Display name of that bucket. */
  limitName?: string | null;
  /** The model the bucket normally applies to. */
  normalModelSlug?: string | null;
  planType?: PlanType | null;
  /** The shorter usage window. */
  primary?: RateLimitWindow | null;
  /** Set once a limit has been hit: which one. */
  rateLimitReachedType?: RateLimitReachedType | null;
  /** The longer usage window. */
  secondary?: RateLimitWindow | null;
  /** Whether a workspace spend control has been reached. */
  spendControlReached?: boolean | null;
}

/** Params of `account/rateLimits/updated`: fresh limits, sent after model calls. */
export interface AccountRateLimitsUpdatedNotification {
  rateLimits: RateLimitSnapshot;
}
