/**
 * Rate-limit and credit snapshots of the signed-in account.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';

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
  resetsAt: number | null;
  /**
   * How much of the window is used, in percent.
   * @format int32
   */
  usedPercent: number;
  /**
   * Length of the window in minutes, if known.
   * @format int64
   */
  windowDurationMins: number | null;
}

/** The account's credit balance. */
export interface CreditsSnapshot {
  /** Remaining balance as a decimal string, when the backend reports one. */
  balance: string | null;
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
  credits: CreditsSnapshot | null;
  /** The member's own spend-control limit, in a workspace that sets one. */
  individualLimit: SpendControlLimitSnapshot | null;
  /** Identifier of the limit bucket these figures belong to. */
  limitId: string | null;
  /** Display name of that bucket. */
  limitName: string | null;
  /** The model the bucket normally applies to. */
  normalModelSlug: string | null;
  planType: PlanType | null;
  /** The shorter usage window. */
  primary: RateLimitWindow | null;
  /** Set once a limit has been hit: which one. */
  rateLimitReachedType: RateLimitReachedType | null;
  /** The longer usage window. */
  secondary: RateLimitWindow | null;
  /** Whether a workspace spend control has been reached. */
  spendControlReached: boolean | null;
}

/** Params of `account/rateLimits/updated`: fresh limits, sent after model calls. */
export interface AccountRateLimitsUpdatedNotification {
  rateLimits: RateLimitSnapshot;
}

/** Params of `account/rateLimits/read`: what the asking client can handle. */
export interface GetAccountRateLimitsParams {
  /** Leave out the per-credit details of reset credits (for background polls; the count is still sent). */
  excludeResetCreditDetails?: boolean;
  /** The client can fall back to Luna Reserve automatically once ordinary usage is blocked. */
  supportsLunaReserve?: boolean;
}

/** The same params, also allowing `null` (the method's params are optional). */
export type NullableGetAccountRateLimitsParams = GetAccountRateLimitsParams | null;

/** What a reset credit resets; `unknown` covers kinds this version does not know. */
export type RateLimitResetType = 'codexRateLimits' | 'unknown';

/** State of a reset credit. */
export type RateLimitResetCreditStatus = 'available' | 'redeeming' | 'redeemed' | 'unknown';

/** A credit that, when redeemed, resets the account's usage windows. */
export interface RateLimitResetCredit {
  /** Description supplied by the backend, if any. */
  description: string | null;
  /**
   * When the credit expires, in seconds since the Unix epoch; `null` if never.
   * @format int64
   */
  expiresAt: number | null;
  /**
   * When the credit was granted, in seconds since the Unix epoch.
   * @format int64
   */
  grantedAt: number;
  /** Opaque id, usable as `creditId` in `account/rateLimitResetCredit/consume`. */
  id: string;
  resetType: RateLimitResetType;
  status: RateLimitResetCreditStatus;
  /** Title supplied by the backend, if any. */
  title: string | null;
}

/** The account's reset credits. */
export interface RateLimitResetCreditsSummary {
  /**
   * How many credits are available.
   * @format int64
   */
  availableCount: number;
  /**
   * The available credits in detail: `null` when only the count is known, possibly shorter
   * than `availableCount` because the backend may cap the list.
   */
  credits: RateLimitResetCredit[] | null;
}

/** Result of `account/rateLimits/read`. */
export interface GetAccountRateLimitsResponse {
  /** The account these figures belong to, when the backend says. */
  accountId: string | null;
  /**
   * Whether the backend currently allows ordinary included usage; `null` when unknown
   * (don't guess it from percentages or reset times).
   */
  ordinaryUsageAllowed: boolean | null;
  rateLimitResetCredits: RateLimitResetCreditsSummary | null;
  /** An optional banner from the backend, passed through as is (its keys are snake_case). */
  rateLimitUpsell: JsonValue | null;
  /** The single-bucket view older clients read. */
  rateLimits: RateLimitSnapshot;
  /** Every bucket, keyed by its limit id (for example `codex`). */
  rateLimitsByLimitId: { [limitId: string]: RateLimitSnapshot } | null;
}

/** Params of `account/rateLimitResetCredit/consume`: redeem one reset credit. */
export interface ConsumeAccountRateLimitResetCreditParams {
  /** The credit to redeem; the backend picks the next available one when absent. */
  creditId?: string | null;
  /** Names one reset attempt (a UUID works); send the same value again when retrying it. */
  idempotencyKey: string;
}

/**
 * What redeeming did: `reset` (windows were reset), `nothingToReset` (no window qualifies),
 * `noCredit` (none available) or `alreadyRedeemed` (this idempotency key already succeeded).
 */
export type ConsumeAccountRateLimitResetCreditOutcome = 'reset' | 'nothingToReset' | 'noCredit' | 'alreadyRedeemed';

/** Result of `account/rateLimitResetCredit/consume`. */
export interface ConsumeAccountRateLimitResetCreditResponse {
  outcome: ConsumeAccountRateLimitResetCreditOutcome;
}

/** What the user ran out of, for the "please add credits" e-mail. */
export type AddCreditsNudgeCreditType = 'credits' | 'usage_limit';

/** Params of `account/sendAddCreditsNudgeEmail`: ask the workspace owner to add credits. */
export interface SendAddCreditsNudgeEmailParams {
  creditType: AddCreditsNudgeCreditType;
}

/** Whether the e-mail went out or an earlier one is still within its cooldown. */
export type AddCreditsNudgeEmailStatus = 'sent' | 'cooldown_active';

/** Result of `account/sendAddCreditsNudgeEmail`. */
export interface SendAddCreditsNudgeEmailResponse {
  status: AddCreditsNudgeEmailStatus;
}
