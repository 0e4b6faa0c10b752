/**
 * The model catalog (`model/list`) and the per-turn model notifications: reroutes,
 * verification requirements and safety buffering.
 * @module
 */
import type { ReasoningEffort } from '../model.js';
import type { CyberAccessProgram } from '../turn.js';

/** A kind of user input a model can take: `text`, `image` or `audio`. */
export type InputModality = 'text' | 'image' | 'audio';

/** Which multi-agent runtime a model works with; `disabled` when it has none. */
export type MultiAgentVersion = 'disabled' | 'v1' | 'v2';

/** One reasoning effort a model accepts, with a short explanation for pickers. */
export interface ReasoningEffortOption {
  /** What choosing this effort means, for display. */
  description: string;
  /** The effort value to send back in thread or turn settings. */
  reasoningEffort: ReasoningEffort;
}

/** A service tier (for example a faster, pricier lane) a model can run on. */
export interface ModelServiceTier {
  /** What the tier offers, for display. */
  description: string;
  /** Identifier to send when selecting the tier. */
  id: string;
  /** Human-readable tier name. */
  name: string;
}

/** Details of the model a catalog entry should be upgraded to. */
export interface ModelUpgradeInfo {
  /** Markdown explaining the migration, if the catalog has it. */
  migrationMarkdown: string | null;
  /** The model to move to. */
  model: string;
  /** Link to more information about the new model. */
  modelLink: string | null;
  /**
   * When the old model is planned to be retired, in seconds since the Unix epoch (informational).
   * @format int64
   */
  retirementAt: number | null;
  /** Short text suggesting the upgrade. */
  upgradeCopy: string | null;
}

/** A one-time notice to show the user about a model's availability. */
export interface ModelAvailabilityNux {
  /** The notice text. */
  message: string;
}

/** Access programs the caller may explicitly opt into for a model. */
export interface ModelAccessPrograms {
  /** The cyber-security access programs that may be selected. */
  cyber: CyberAccessProgram[];
}

/** One entry of the model catalog, as returned by `model/list`. */
export interface Model {
  /**
   * Old spelling of the service tier ids; empty when absent. Prefer `serviceTiers`.
   * @default []
   */
  additionalSpeedTiers: string[];
  /** A notice about this model's availability, if there is one. */
  availabilityNux: ModelAvailabilityNux | null;
  /** Explicit access programs for this model; `null` or absent when the catalog says nothing. */
  availableAccessPrograms: ModelAccessPrograms | null;
  /** The effort used when the client does not choose one. */
  defaultReasoningEffort: ReasoningEffort;
  /** The service tier id the catalog uses by default for this model, if any. */
  defaultServiceTier: string | null;
  /** Short description of the model. */
  description: string;
  /** Name to show in a model picker. */
  displayName: string;
  /** Whether the model is left out of the default picker. */
  hidden: boolean;
  /** Catalog identifier of the entry. */
  id: string;
  /**
   * Input kinds the model accepts; text and image when absent.
   * @default ["text","image"]
   */
  inputModalities: InputModality[];
  /** Whether this is the default model of the provider. */
  isDefault: boolean;
  /** The model slug to put in thread or turn settings. */
  model: string;
  /** What the model is specialised for, if anything. */
  modelSpecialty: string | null;
  /** The multi-agent runtime this model declares, when known. */
  multiAgentVersion: MultiAgentVersion | null;
  /**
   * Service tiers the model can run on; empty when absent.
   * @default []
   */
  serviceTiers: ModelServiceTier[];
  /** The reasoning efforts the model accepts. */
  supportedReasoningEfforts: ReasoningEffortOption[];
  /**
   * Obsolete: always `false` now that personalities are no longer selectable.
   * @default false
   */
  supportsPersonality: boolean;
  /** Slug of a model this one should be upgraded to, if any. */
  upgrade: string | null;
  /** Details of the suggested upgrade, if any. */
  upgradeInfo: ModelUpgradeInfo | null;
}

/** Parameters of `model/list`: one page of the model catalog. */
export interface ModelListParams {
  /** Cursor from a previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /** Also return models hidden from the default picker. */
  includeHidden?: boolean | null;
  /**
   * Page size; the server picks one when omitted.
   * @format uint32
   */
  limit?: number | null;
  /** List the models of this configured provider rather than of the default one. */
  modelProvider?: string | null;
}

/** Result of `model/list`. */
export interface ModelListResponse {
  /** The models of this page. */
  data: Model[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** Why a turn's model was switched for another one. */
export type ModelRerouteReason = 'highRiskCyberActivity';

/** Payload of `model/rerouted`: the server moved a turn to a different model. */
export interface ModelReroutedNotification {
  /** The model the turn was going to use. */
  fromModel: string;
  /** Why it was switched. */
  reason: ModelRerouteReason;
  /** The thread of the turn. */
  threadId: string;
  /** The model now used. */
  toModel: string;
  /** The affected turn. */
  turnId: string;
}

/** A verification the account needs before a model can be used fully. */
export type ModelVerification = 'trustedAccessForCyber';

/** Payload of `model/verification`: the turn's model asks for account verifications. */
export interface ModelVerificationNotification {
  /** The thread of the turn. */
  threadId: string;
  /** The turn concerned. */
  turnId: string;
  /** The verifications that are needed. */
  verifications: ModelVerification[];
}

/** Payload of `model/safetyBuffering/updated`: output of a turn is being held back for safety checks. */
export interface ModelSafetyBufferingUpdatedNotification {
  /** A quicker model the user could switch to, if one is suggested. */
  fasterModel: string | null;
  /** The model whose output is buffered. */
  model: string;
  /** Why output is buffered (free-form tags). */
  reasons: string[];
  /** Whether the client should show that output is being buffered. */
  showBufferingUi: boolean;
  /** The thread of the turn. */
  threadId: string;
  /** The turn concerned. */
  turnId: string;
  /** Use-case tags behind the buffering (free-form). */
  useCases: string[];
}
