/**
 * Names upstream's generated TypeScript (`codex app-server generate-ts`) gives
 * to parts of types that ours declare inline: the bodies of tagged variants
 * (`SleepItem` is the `sleep` thread item without its `type`), a few aliases,
 * and the notification envelope. They are derived from our types, so they can
 * never disagree with them, and they exist so that `import type { X }` works
 * for every name upstream exports. The schema generator ignores this file:
 * upstream's JSON Schema has none of these names as definitions.
 * @module
 */
import type { ServerNotification } from './derived.js';
import type { ThreadItem } from './v2/items.js';
import type { DynamicToolSpec } from './v2/thread.js';
import type { ProviderSettingsPatch } from './v2/models/providers.js';
import type { LocalShellAction } from './v2/threads/responseItems.js';

/** `Omit` applied to each member of a union (plain `Omit` merges the members into one object). */
type DistributiveOmit<T, K extends PropertyKey> = T extends object ? Omit<T, K> : never;

/**
 * The body of the variant of `T` whose `type` is `K`, without the tag; a variant
 * split in several shapes (`imageGeneration` by `fileId` or by `result`) stays a union.
 */
type VariantBody<T, K extends string> = DistributiveOmit<Extract<T, { type: K }>, 'type'>;

/** A web search the agent ran: the `webSearch` thread item without its tag. */
export type WebSearchItem = VariantBody<ThreadItem, 'webSearch'>;
/** A pause the agent took: the `sleep` thread item without its tag. */
export type SleepItem = VariantBody<ThreadItem, 'sleep'>;
/** An image the agent generated: the `imageGeneration` thread item without its tag. */
export type ImageGenerationItem = VariantBody<ThreadItem, 'imageGeneration'>;

/** A function tool the client provides: the `function` variant of `DynamicToolSpec` without its tag. */
export type DynamicToolFunctionSpec = VariantBody<DynamicToolSpec, 'function'>;
/** A namespace of client-provided tools: the `namespace` variant of `DynamicToolSpec` without its tag. */
export type DynamicToolNamespaceSpec = VariantBody<DynamicToolSpec, 'namespace'>;

/** Settings of a custom gateway provider: the `customGateway` variant of `ProviderSettingsPatch` without its tag. */
export type CustomGatewaySettingsParams = VariantBody<ProviderSettingsPatch, 'customGateway'>;
/** Settings of an Amazon Bedrock provider: the `bedrock` variant of `ProviderSettingsPatch` without its tag. */
export type BedrockSettingsParams = VariantBody<ProviderSettingsPatch, 'bedrock'>;
/** Settings of a Google Cloud provider: the `gcp` variant of `ProviderSettingsPatch` without its tag. */
export type GcpSettingsParams = VariantBody<ProviderSettingsPatch, 'gcp'>;

/** The command of a local shell call: the `exec` variant of `LocalShellAction` without its tag. */
export type LocalShellExecAction = VariantBody<LocalShellAction, 'exec'>;

/** Identifier of a model API response item. */
export type ResponseItemId = string;

/** A command prefix an exec-policy amendment would allow (the tokens the command must start with). */
export type ExecPolicyAmendment = string[];

/**
 * A server notification as it arrives (upstream's name for it). The same type
 * as {@link ServerNotification}, which already carries `emittedAtMs`.
 */
export type ServerNotificationEnvelope = ServerNotification;
