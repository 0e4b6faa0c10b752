/**
 * Method-map entries for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  AuthRecoveryNotification,
  CollaborationModeListParams,
  CollaborationModeListResponse,
  EnvironmentAddParams,
  EnvironmentAddResponse,
  EnvironmentInfoParams,
  EnvironmentInfoResponse,
  EnvironmentStatusParams,
  EnvironmentStatusResponse,
  ExperimentalFeatureEnablementSetParams,
  ExperimentalFeatureEnablementSetResponse,
  ExperimentalFeatureListParams,
  ExperimentalFeatureListResponse,
  HooksListParams,
  HooksListResponse,
  MockExperimentalMethodParams,
  MockExperimentalMethodResponse,
  ModelListParams,
  ModelListResponse,
  ModelProviderCapabilitiesReadParams,
  ModelProviderCapabilitiesReadResponse,
  ModelProviderConfigWriteParams,
  ModelProviderConfigWriteResponse,
  ModelProviderDefaultSetParams,
  ModelProviderListParams,
  ModelProviderListResponse,
  ModelReroutedNotification,
  ModelSafetyBufferingUpdatedNotification,
  ModelVerificationNotification,
  PermissionProfileListParams,
  PermissionProfileListResponse,
  ServerDiagnosticsParams,
  ServerDiagnosticsResponse,
} from '../v2/models/index.js';
import type { ConfigWriteResponse } from '../v2/config/index.js';

/** Client requests for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsClientRequests {
  /**
   * Reads process-level diagnostics of the server (no user content).
   * @experimental
   */
  'server/diagnostics': { params: ServerDiagnosticsParams; result: ServerDiagnosticsResponse };
  /** Lists the configured hooks for some working directories or for a loaded thread. */
  'hooks/list': { params: HooksListParams; result: HooksListResponse };
  /** Lists the model catalog, one page at a time. */
  'model/list': { params: ModelListParams; result: ModelListResponse };
  /** Lists the configured model providers and the default one. */
  'modelProvider/list': { params: ModelProviderListParams; result: ModelProviderListResponse };
  /** Creates or updates a model provider in the user's configuration. */
  'modelProvider/config/write': { params: ModelProviderConfigWriteParams; result: ModelProviderConfigWriteResponse };
  /**
   * Makes a configured provider the default for new threads and provider-less model lists; writes the user's
   * configuration and answers like `config/value/write`.
   */
  'modelProvider/default/set': { params: ModelProviderDefaultSetParams; result: ConfigWriteResponse };
  /** Reads which built-in tools (web search, image generation) the current provider supports. */
  'modelProvider/capabilities/read': {
    params: ModelProviderCapabilitiesReadParams;
    result: ModelProviderCapabilitiesReadResponse;
  };
  /** Lists feature flags and whether each is on, one page at a time. */
  'experimentalFeature/list': { params: ExperimentalFeatureListParams; result: ExperimentalFeatureListResponse };
  /** Lists the permission profiles the user can pick, one page at a time. */
  'permissionProfile/list': { params: PermissionProfileListParams; result: PermissionProfileListResponse };
  /** Turns feature flags on or off for the running server process. */
  'experimentalFeature/enablement/set': {
    params: ExperimentalFeatureEnablementSetParams;
    result: ExperimentalFeatureEnablementSetResponse;
  };
  /**
   * Lists the collaboration-mode presets.
   * @experimental
   */
  'collaborationMode/list': { params: CollaborationModeListParams; result: CollaborationModeListResponse };
  /**
   * Echoes its input; exists only to test experimental gating.
   * @experimental
   */
  'mock/experimentalMethod': { params: MockExperimentalMethodParams; result: MockExperimentalMethodResponse };
  /**
   * Registers (or replaces) a remote execution environment under an id.
   * @experimental
   */
  'environment/add': { params: EnvironmentAddParams; result: EnvironmentAddResponse };
  /**
   * Reads the shell and working directory of a configured environment.
   * @experimental
   */
  'environment/info': { params: EnvironmentInfoParams; result: EnvironmentInfoResponse };
  /**
   * Reads a configured environment's status without connecting to it.
   * @experimental
   */
  'environment/status': { params: EnvironmentStatusParams; result: EnvironmentStatusResponse };
}

/** Server requests for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsServerRequests {}

/** Server notifications for models and model providers, experimental features, permission profiles, collaboration modes, hooks, environments and server diagnostics. */
export interface ModelsServerNotifications {
  /** A turn was moved to a different model. */
  'model/rerouted': { params: ModelReroutedNotification };
  /** The turn's model needs the account to be verified. */
  'model/verification': { params: ModelVerificationNotification };
  /** The provider's credentials failed during a turn and are being renewed. */
  'modelProvider/authRecoveryStarted': { params: AuthRecoveryNotification };
  /** Renewing the provider's credentials has finished. */
  'modelProvider/authRecoveryCompleted': { params: AuthRecoveryNotification };
  /** A turn's output is (or is no longer) held back for safety checks. */
  'model/safetyBuffering/updated': { params: ModelSafetyBufferingUpdatedNotification };
}
