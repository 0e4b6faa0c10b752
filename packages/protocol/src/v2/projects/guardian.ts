/**
 * Guardian reviews: an automatic risk assessment of the action a thread is about to take.
 * @module
 */

/** How risky the guardian judged an action. */
export type GuardianRiskLevel = 'low' | 'medium' | 'high' | 'critical';

/** How strongly the guardian believes the user authorised an action (`unknown` when it can't tell). */
export type GuardianUserAuthorization = 'unknown' | 'low' | 'medium' | 'high';

/**
 * The guardian's verdict on an action: let it run or refuse it.
 * @experimental
 */
export type GuardianAssessmentOutcome = 'allow' | 'deny';

/**
 * A guardian's full assessment of a thread's pending action.
 * @experimental
 */
export interface ThreadGuardianAssessment {
  outcome: GuardianAssessmentOutcome;
  /** Why the guardian decided as it did. */
  rationale: string;
  riskLevel: GuardianRiskLevel;
  userAuthorization: GuardianUserAuthorization;
}

/**
 * Params of `thread/guardianReview`: which thread to review.
 * @experimental
 */
export interface ThreadGuardianReviewParams {
  threadId: string;
}

/**
 * Result of `thread/guardianReview`.
 * @experimental
 */
export interface ThreadGuardianReviewResponse {
  /** Id of the guardian call that made the review. */
  callId: string;
  /** The assessment, when the guardian produced one. */
  assessment: ThreadGuardianAssessment | null;
}
