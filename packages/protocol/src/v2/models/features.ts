/**
 * Feature flags, permission profiles, collaboration-mode presets and the test-only
 * experimental method.
 * @module
 */
import type { ReasoningEffort } from '../model.js';
import type { ModeKind } from '../turn.js';

/** Where a feature flag is in its life cycle. */
export type ExperimentalFeatureStage = 'beta' | 'underDevelopment' | 'stable' | 'deprecated' | 'removed';

/** One feature flag and its state. */
export interface ExperimentalFeature {
  /** Text announcing the feature to users; `null` unless the feature is in beta. */
  announcement: string | null;
  /** Whether the feature is on when nothing configures it. */
  defaultEnabled: boolean;
  /** Short explanation of the feature; `null` unless the feature is in beta. */
  description: string | null;
  /** Name to show in a features screen; `null` unless the feature is in beta. */
  displayName: string | null;
  /** Whether the feature is on in the loaded configuration. */
  enabled: boolean;
  /** The key used for the feature in `config.toml` and on the command line. */
  name: string;
  /** The feature's life-cycle stage. */
  stage: ExperimentalFeatureStage;
}

/** Parameters of `experimentalFeature/list`: one page of feature flags. */
export interface ExperimentalFeatureListParams {
  /** Cursor from a previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Page size; the server picks one when omitted.
   * @format uint32
   */
  limit?: number | null;
  /**
   * A loaded thread whose configuration (including project config for its working
   * directory) decides what `enabled` reports.
   */
  threadId?: string | null;
}

/** Result of `experimentalFeature/list`. */
export interface ExperimentalFeatureListResponse {
  /** The features of this page. */
  data: ExperimentalFeature[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** Parameters of `experimentalFeature/enablement/set`: turn features on or off for the whole server process. */
export interface ExperimentalFeatureEnablementSetParams {
  /** Feature name → on/off. Features not named stay as they are; an empty map changes nothing. */
  enablement: { [key: string]: boolean };
}

/** Result of `experimentalFeature/enablement/set`. */
export interface ExperimentalFeatureEnablementSetResponse {
  /** The entries this request changed. */
  enablement: { [key: string]: boolean };
}

/** A permission profile a thread can use. */
export interface PermissionProfileSummary {
  /** Whether the effective requirements let the user pick this profile. */
  allowed: boolean;
  /** Description to show, if the profile has one. */
  description: string | null;
  /** Profile identifier. */
  id: string;
}

/** Parameters of `permissionProfile/list`: one page of permission profiles. */
export interface PermissionProfileListParams {
  /** Cursor from a previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /** Working directory whose project config layers are taken into account. */
  cwd?: string | null;
  /**
   * Page size; everything is returned when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/** Result of `permissionProfile/list`. */
export interface PermissionProfileListResponse {
  /** The profiles of this page. */
  data: PermissionProfileSummary[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** A collaboration-mode preset: a named mode with its model and reasoning settings. */
export interface CollaborationModeMask {
  /** The mode the preset selects, if any. */
  mode: ModeKind | null;
  /** The model the preset uses, if it sets one. */
  model: string | null;
  /** Preset name. */
  name: string;
  /** The reasoning effort the preset uses, if it sets one. */
  reasoning_effort: ReasoningEffort | null;
}

/**
 * Parameters of `collaborationMode/list` (none).
 * @experimental
 */
export interface CollaborationModeListParams {}

/**
 * Result of `collaborationMode/list`.
 * @experimental
 */
export interface CollaborationModeListResponse {
  /** The available presets. */
  data: CollaborationModeMask[];
}

/**
 * Parameters of `mock/experimentalMethod`, a method that exists only to test experimental gating.
 * @experimental
 */
export interface MockExperimentalMethodParams {
  /** Any text; it is sent back. */
  value?: string | null;
}

/**
 * Result of `mock/experimentalMethod`.
 * @experimental
 */
export interface MockExperimentalMethodResponse {
  /** The `value` that was sent. */
  echoed: string | null;
}
