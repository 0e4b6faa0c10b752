/**
 * Model providers: listing them, their settings and capabilities, editing a provider's
 * configuration, provider errors and the auth-recovery notifications.
 * @module
 */

/** The built-in Amazon Bedrock provider ids. */
export type BedrockProviderId = 'amazon-bedrock' | 'amazon-bedrock-runtime';

/** The built-in Google Cloud provider id. */
export type GcpProviderId = 'gcp';

/** A gateway without authentication. */
interface NoneGatewayAuth {
  /** No credentials are sent to the gateway. */
  mode: 'none';
}

/** A gateway authenticated with a key read from an environment variable. */
interface EnvironmentVariableGatewayAuth {
  /** Name of the environment variable holding the key. */
  envKey: string;
  /** Credentials come from an environment variable. */
  mode: 'environmentVariable';
}

/** A gateway whose authentication is set up elsewhere than in the gateway form; edits keep it as it is. */
interface ExternallyConfiguredGatewayAuth {
  /** The environment variable involved, when one is known. */
  envKey: string | null;
  /** Credentials are configured outside the form. */
  mode: 'externallyConfigured';
}

/** How a custom gateway provider authenticates, told apart by `mode`. */
export type GatewayAuth = NoneGatewayAuth | EnvironmentVariableGatewayAuth | ExternallyConfiguredGatewayAuth;

/** Settings of the OpenAI provider (nothing to configure). */
interface OpenaiProviderSettings {
  /** Marks the OpenAI provider. */
  type: 'openai';
}

/** Settings of a custom gateway provider. */
interface CustomGatewayProviderSettings {
  /** How the gateway authenticates. */
  auth: GatewayAuth;
  /** Marks a custom gateway. */
  type: 'customGateway';
}

/** Settings of an Amazon Bedrock provider. */
interface BedrockProviderSettings {
  /** AWS profile name, if set. */
  profile: string | null;
  /** AWS region, if set. */
  region: string | null;
  /** Marks Bedrock. */
  type: 'bedrock';
}

/** Settings of a Google Cloud provider. */
interface GcpProviderSettings {
  /** Path of the credential file on the server's host (never its contents), if set. */
  credentialFile: string | null;
  /** Google Cloud location, if set. */
  location: string | null;
  /** Google Cloud project id, if set. */
  projectId: string | null;
  /** Marks Google Cloud. */
  type: 'gcp';
}

/** The editable settings of a provider, told apart by `type`. */
export type ProviderSettings =
  OpenaiProviderSettings | CustomGatewayProviderSettings | BedrockProviderSettings | GcpProviderSettings;

/**
 * Changes to a custom gateway provider.
 * @additionalProperties false
 */
interface CustomGatewayProviderSettingsPatch {
  /** New endpoint; `null` clears it. */
  baseUrl?: string | null;
  /** New key variable name; `null` clears it. */
  envKey?: string | null;
  /** New display name. */
  name?: string;
  /** The provider to change; omitted or `null` creates a new custom provider. */
  providerId?: string | null;
  /** Marks a custom gateway patch. */
  type: 'customGateway';
}

/**
 * Changes to the AWS settings of a built-in Bedrock provider.
 * @additionalProperties false
 */
interface BedrockProviderSettingsPatch {
  /** New AWS profile; `null` clears it. */
  profile?: string | null;
  /** Which Bedrock provider to change. */
  providerId: BedrockProviderId;
  /** New AWS region; `null` clears it. */
  region?: string | null;
  /** Marks a Bedrock patch. */
  type: 'bedrock';
}

/**
 * Changes to the Google Cloud provider (credential paths are on the server's host).
 * @additionalProperties false
 */
interface GcpProviderSettingsPatch {
  /** New credential file path; `null` clears it. */
  credentialFile?: string | null;
  /** New location; `null` clears it. */
  location?: string | null;
  /** New project id; `null` clears it. */
  projectId?: string | null;
  /** The Google Cloud provider. */
  providerId: GcpProviderId;
  /** Marks a Google Cloud patch. */
  type: 'gcp';
}

/**
 * A partial update of a provider's settings, told apart by `type`. Fields left out keep their
 * value; an explicit `null` clears a field that may be empty.
 */
export type ProviderSettingsPatch =
  CustomGatewayProviderSettingsPatch | BedrockProviderSettingsPatch | GcpProviderSettingsPatch;

/** A configured model provider as shown to clients. */
export interface ModelProviderSummary {
  /** The endpoint, or `null` when there is none or it may not be shown. */
  baseUrl: string | null;
  /** Whether some supported setting of this provider can be changed in the user's config layer. */
  canEdit: boolean;
  /** Provider id as used in the config. */
  id: string;
  /** Display name. */
  name: string;
  /** The provider's editable settings. */
  settings: ProviderSettings;
}

/** Parameters of `modelProvider/list` (none). */
export interface ModelProviderListParams {}

/** Result of `modelProvider/list`. */
export interface ModelProviderListResponse {
  /** Whether the user may change which provider is the default. */
  canChangeDefault: boolean;
  /** The configured providers. */
  data: ModelProviderSummary[];
  /** Id of the default provider. */
  defaultProviderId: string;
}

/**
 * Parameters of `modelProvider/config/write`: create or update one provider.
 * @additionalProperties false
 */
export interface ModelProviderConfigWriteParams {
  /** The changes to apply. */
  settings: ProviderSettingsPatch;
}

/** Result of `modelProvider/config/write`. */
export interface ModelProviderConfigWriteResponse {
  /** The provider as it is after the write. */
  provider: ModelProviderSummary;
}

/** Params of `modelProvider/default/set`: make a configured provider the default (answered with a `ConfigWriteResponse`). */
export interface ModelProviderDefaultSetParams {
  /** Id of a configured provider, used from now on for new threads and for model lists that name no provider. */
  providerId: string;
}

/** Parameters of `modelProvider/capabilities/read` (none). */
export interface ModelProviderCapabilitiesReadParams {}

/** Result of `modelProvider/capabilities/read`: which built-in tools the current provider supports. */
export interface ModelProviderCapabilitiesReadResponse {
  /** Whether image generation is available. */
  imageGeneration: boolean;
  /** Whether web search is available. */
  webSearch: boolean;
}

/** The requested provider differs from the one the thread already uses. */
interface ModelProviderMismatchError {
  /** The provider in use. */
  currentModelProvider: string;
  /** The provider that was asked for. */
  modelProvider: string;
  /** Marks this error. */
  type: 'modelProviderMismatch';
}

/** The requested provider is not configured. */
interface ModelProviderNotConfiguredError {
  /** The provider that was asked for. */
  modelProvider: string;
  /** Marks this error. */
  type: 'modelProviderNotConfigured';
}

/** Policy requires a different provider than the one asked for. */
interface ModelProviderPolicyConflictError {
  /** The provider that was asked for. */
  modelProvider: string;
  /** The provider policy requires. */
  requiredModelProvider: string;
  /** Marks this error. */
  type: 'modelProviderPolicyConflict';
}

/**
 * Structured `data` of a JSON-RPC error about model providers, told apart by `type`. Clients
 * should fall back to their generic error handling for `type` values they do not know.
 * @schemaFile
 */
export type ModelProviderError =
  ModelProviderMismatchError | ModelProviderNotConfiguredError | ModelProviderPolicyConflictError;

/**
 * Payload of `modelProvider/authRecoveryStarted` and `modelProvider/authRecoveryCompleted`:
 * the provider's credentials failed during a turn and the server is renewing them (or has done so).
 */
export interface AuthRecoveryNotification {
  /** Text describing the recovery, for display. */
  message: string;
  /** The provider whose credentials are being recovered. */
  provider: string;
  /** The thread of the turn. */
  threadId: string;
  /** The turn that hit the failure. */
  turnId: string;
}
