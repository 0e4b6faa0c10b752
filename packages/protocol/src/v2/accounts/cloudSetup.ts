/**
 * Setting up cloud model providers: Amazon Bedrock (discovery, setup, GovCloud check) and Google Cloud Vertex AI.
 * @module
 */

/**
 * Params of `account/bedrock/discover` (an empty object).
 * @experimental
 */
export interface BedrockDiscoverParams {}

/**
 * Kind of AWS credential found in the environment.
 * @experimental
 */
export type AwsCredentialType = 'accessKeys' | 'bedrockApiKey';

/**
 * A credential found in the server's environment variables.
 * @experimental
 */
export interface BedrockEnvironmentCredential {
  /** The region configured next to it, if any. */
  region: string | null;
  type: AwsCredentialType;
}

/**
 * A named profile from the AWS configuration files.
 * @experimental
 */
export interface BedrockAwsProfile {
  name: string;
  /** The profile's region, if it sets one. */
  region: string | null;
}

/**
 * Result of `account/bedrock/discover`: the AWS credentials the server can see.
 * @experimental
 */
export interface BedrockDiscoverResponse {
  environmentCredentials: BedrockEnvironmentCredential[];
  profiles: BedrockAwsProfile[];
}

/** Use a named AWS profile. */
interface ProfileBedrockSetupParams {
  profile: string;
  region: string;
  type: 'profile';
}

/** Use the credentials in the environment. */
interface EnvironmentBedrockSetupParams {
  region: string;
  type: 'environment';
}

/**
 * Params of `account/bedrock/setup`: where the Bedrock credentials come from, told apart by `type`.
 * @experimental
 */
export type BedrockSetupParams = ProfileBedrockSetupParams | EnvironmentBedrockSetupParams;

/**
 * Result of `account/bedrock/setup` (an empty object).
 * @experimental
 */
export interface BedrockSetupResponse {}

/**
 * Params of `account/bedrock/checkGovCloudRequirements` (an empty object).
 * @experimental
 */
export interface BedrockCheckGovCloudRequirementsParams {}

/**
 * Result of `account/bedrock/checkGovCloudRequirements`: an advisory look at the Bedrock setup.
 * @experimental
 */
export interface BedrockCheckGovCloudRequirementsResponse {
  /** Whether the Bedrock credentials in use resolve to an AWS GovCloud region. */
  isGovCloud: boolean;
  /**
   * Whether GovCloud is in use while the managed requirements fall short of the baseline.
   * `false` does not certify the network setup in general.
   */
  shouldWarn: boolean;
}

/**
 * Params of `account/gcp/setup`: use Vertex AI in a Google Cloud project.
 * @experimental
 */
export interface GcpSetupParams {
  /**
   * Absolute path of a credential file on the server's host. Absent or `null` removes the user's
   * override and falls back to application default credentials (setup fails if another
   * configuration layer would still supply a file).
   */
  credentialFile?: string | null;
  /** Vertex AI location; `global` when absent or `null`. */
  location?: string | null;
  projectId: string;
}

/**
 * Result of `account/gcp/setup` (an empty object).
 * @experimental
 */
export interface GcpSetupResponse {}
