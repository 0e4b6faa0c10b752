/**
 * Plugins and marketplaces: listing, searching, installing, uninstalling and
 * reconciling plugins, and adding, removing and upgrading marketplaces.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { PluginShareContext } from './pluginShareModel.js';
import type { AppSummary } from './apps.js';

/** When a plugin's apps ask the user to authenticate. */
export type PluginAuthPolicy = 'ON_INSTALL' | 'ON_USE';

/**
 * Whether a plugin can be installed and used. (The plugin service itself says
 * `ENABLED`; the app server reports that as `AVAILABLE`.)
 */
export type PluginAvailability = 'DISABLED_BY_ADMIN' | 'AVAILABLE';

/** Why a remote plugin is not available. */
export type PluginDisabledReason = 'disabled_by_admin' | 'plan_not_eligible' | 'required_app_unavailable' | 'unknown';

/** Whether a plugin may be installed, and whether it comes installed. */
export type PluginInstallPolicy = 'NOT_AVAILABLE' | 'AVAILABLE' | 'INSTALLED_BY_DEFAULT';

/** What set a plugin's install policy. */
export type PluginInstallPolicySource = 'WORKSPACE_SETTING' | 'IMPLICIT_CANONICAL_APP';

/** Kinds of marketplace `plugin/list` can query. */
export type PluginListMarketplaceKind =
  'local' | 'vertical' | 'workspace-directory' | 'shared-with-me' | 'created-by-me-remote';

/** Where `plugin/search` looks. */
export type PluginSearchScope = 'global' | 'workspace' | 'personal';

/** A plugin whose files live in a local directory. */
interface LocalPluginSource {
  path: AbsolutePathBuf;
  type: 'local';
}

/** A plugin fetched from a git repository. */
interface GitPluginSource {
  /** Subdirectory of the repository holding the plugin. */
  path: string | null;
  /** Branch or tag. */
  refName: string | null;
  /** Pinned commit. */
  sha: string | null;
  type: 'git';
  url: string;
}

/** A plugin published as an npm package. */
interface NpmPluginSource {
  package: string;
  /** An HTTPS registry URL; credentials stay in the user's npm configuration. */
  registry: string | null;
  type: 'npm';
  /** A version or version range. */
  version: string | null;
}

/** A plugin from the remote catalog; how it is downloaded stays on the server. */
interface RemotePluginSource {
  type: 'remote';
}

/** Where a plugin comes from, told apart by `type`. */
export type PluginSource = LocalPluginSource | GitPluginSource | NpmPluginSource | RemotePluginSource;

/** How a plugin presents itself in a UI. */
export interface PluginInterface {
  brandColor: string | null;
  capabilities: string[];
  category: string | null;
  /** Local path of the composer icon, inside the installed plugin. */
  composerIcon: AbsolutePathBuf | null;
  /** URL of the composer icon from the catalog. */
  composerIconUrl: string | null;
  /** Suggested starter prompts (at most 3, each at most 512 characters). */
  defaultPrompt: string[] | null;
  developerName: string | null;
  displayName: string | null;
  /** Local path of the logo, inside the installed plugin. */
  logo: AbsolutePathBuf | null;
  /** Local path of the dark-mode logo. */
  logoDark: AbsolutePathBuf | null;
  /** URL of the logo from the catalog. */
  logoUrl: string | null;
  /** URL of the dark-mode logo from the catalog. */
  logoUrlDark: string | null;
  longDescription: string | null;
  privacyPolicyUrl: string | null;
  /** Screenshot URLs from the catalog. */
  screenshotUrls: string[];
  /** Local screenshot paths, inside the installed plugin. */
  screenshots: AbsolutePathBuf[];
  shortDescription: string | null;
  termsOfServiceUrl: string | null;
  websiteUrl: string | null;
}

/** A plugin as marketplace listings report it. */
export interface PluginSummary {
  authPolicy: PluginAuthPolicy;
  /**
   * Whether the plugin can be installed and used (`AVAILABLE` when absent).
   * @default "AVAILABLE"
   */
  availability: PluginAvailability;
  /** Why the remote plugin is unavailable, when the plugin service says. */
  disabledReason: PluginDisabledReason | null;
  /** Plan identifiers (as the plugin service spells them) that may install the plugin. */
  eligiblePlanTypes: string[] | null;
  enabled: boolean;
  /** Local plugin id, `name@marketplace`. */
  id: string;
  installPolicy: PluginInstallPolicy;
  installPolicySource: PluginInstallPolicySource | null;
  installed: boolean;
  /**
   * When the remote plugin was installed, in seconds since the Unix epoch, if known.
   * @format int64
   */
  installedAt: number | null;
  interface: PluginInterface | null;
  /** @default [] */
  keywords: string[];
  /** Version of the plugin package on disk, if any. */
  localVersion: string | null;
  mustShowInstallationInterstitial: boolean | null;
  name: string;
  /** The plugin's id in the remote backend, if any. */
  remotePluginId: string | null;
  /** Sharing details, for a shared remote plugin. */
  shareContext: PluginShareContext | null;
  source: PluginSource;
  /** Version the remote marketplace advertises, if any. */
  version: string | null;
}

/** How a marketplace presents itself. */
export interface MarketplaceInterface {
  displayName: string | null;
}

/** A marketplace and the plugins it offers. */
export interface PluginMarketplaceEntry {
  interface: MarketplaceInterface | null;
  name: string;
  /** The marketplace file, for a marketplace backed by a local file; remote catalogs have none. */
  path: AbsolutePathBuf | null;
  plugins: PluginSummary[];
}

/** A marketplace file that could not be loaded. */
export interface MarketplaceLoadErrorInfo {
  marketplacePath: AbsolutePathBuf;
  message: string;
}

/** Params of `plugin/list`. */
export interface PluginListParams {
  /**
   * Working directories whose repository marketplaces to include; without
   * them only home-level marketplaces and the official curated one are read.
   */
  cwds?: AbsolutePathBuf[] | null;
  /** Fetch the remote catalog again instead of using a cached copy. */
  forceRefetch?: boolean;
  /**
   * Which kinds of marketplace to query; by default the local ones, plus the
   * default remote catalog when its feature flag is on.
   */
  marketplaceKinds?: PluginListMarketplaceKind[] | null;
}

/** Result of `plugin/list`. */
export interface PluginListResponse {
  /**
   * Ids of plugins to feature (empty when absent).
   * @default []
   */
  featuredPluginIds: string[];
  /**
   * Marketplaces that failed to load (empty when absent).
   * @default []
   */
  marketplaceLoadErrors: MarketplaceLoadErrorInfo[];
  marketplaces: PluginMarketplaceEntry[];
}

/**
 * Params of `plugin/search`: search plugins by text.
 * @experimental
 */
export interface PluginSearchParams {
  /** Cursor from a previous page. */
  cursor?: string | null;
  /** Working directories whose repository marketplaces to include. */
  cwds?: AbsolutePathBuf[] | null;
  /**
   * Page size.
   * @format uint32
   */
  limit?: number | null;
  scope?: PluginSearchScope | null;
  searchTerm: string;
}

/** One plugin found by `plugin/search`, with the marketplace it is in. */
export interface PluginSearchResult {
  marketplaceName: string;
  marketplacePath: AbsolutePathBuf | null;
  plugin: PluginSummary;
}

/**
 * Result of `plugin/search`: one page of matches.
 * @experimental
 */
export interface PluginSearchResponse {
  data: PluginSearchResult[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** Params of `plugin/installed`: the installed plugins, grouped by marketplace. */
export interface PluginInstalledParams {
  /** Working directories whose repository marketplaces to include. */
  cwds?: AbsolutePathBuf[] | null;
  /**
   * Names of plugins that are not installed but should be returned anyway when
   * found locally (for surfaces that offer to install them).
   */
  installSuggestionPluginNames?: string[] | null;
}

/** Result of `plugin/installed`. */
export interface PluginInstalledResponse {
  /**
   * Marketplaces that failed to load (empty when absent).
   * @default []
   */
  marketplaceLoadErrors: MarketplaceLoadErrorInfo[];
  marketplaces: PluginMarketplaceEntry[];
}

/** Params of `plugin/reconcile`: bring installed plugins in line with the backend. */
export interface PluginReconcileParams {
  /** Why the client asks, recorded with the attempt. */
  reason?: string | null;
}

/**
 * A plugin changed by a reconcile pass, with the kinds of runtime capability
 * the change touches. The flags come from the bundles' declarations before any
 * policy filtering: an update combines the old and new bundle, an enablement
 * change or cached reinstall uses the cached bundle, a removal the old one.
 */
export interface PluginReconcileChangedPlugin {
  hasApps: boolean;
  hasHooks: boolean;
  hasMcps: boolean;
  /** Whether either bundle declares skill directories (not a check of which skills are enabled). */
  hasSkills: boolean;
  /** Local plugin id, `name@marketplace`, as in `PluginSummary.id`. */
  id: string;
}

/**
 * Result of `plugin/reconcile`: the bundle and installed-state changes this pass
 * saw. It neither confirms that the runtime is ready nor accumulates changes
 * since an earlier call; changes to metadata alone are left out.
 */
export interface PluginReconcileResponse {
  /**
   * Plugins whose bundle, enablement or presence changed, compared with the
   * previously cached snapshot; removals are listed even when cleaning the
   * cache failed. Unchanged plugins are left out.
   */
  changedPlugins: PluginReconcileChangedPlugin[];
  /** The failures where the requested bundle could not be unpacked (an older cached version may remain). */
  failedMaterializationRemotePluginIds: string[];
  /** Remote plugin ids whose bundle or identity could not be updated. */
  failedRemotePluginIds: string[];
}

/** Params of `plugin/read`: the details of one plugin. */
export interface PluginReadParams {
  /** The local marketplace file the plugin is listed in. */
  marketplacePath?: AbsolutePathBuf | null;
  pluginName: string;
  /** The remote marketplace the plugin is listed in. */
  remoteMarketplaceName?: string | null;
}

/** Params of `plugin/skill/read`: the contents of one skill of a remote plugin. */
export interface PluginSkillReadParams {
  remoteMarketplaceName: string;
  remotePluginId: string;
  skillName: string;
}

/** Result of `plugin/skill/read`. */
export interface PluginSkillReadResponse {
  /** The skill's Markdown, if available. */
  contents: string | null;
}

/** Params of `plugin/install`. */
export interface PluginInstallParams {
  /** A client-chosen id that ties together the events of one installation attempt. */
  installAttemptId?: string | null;
  /** The local marketplace file the plugin is listed in. */
  marketplacePath?: AbsolutePathBuf | null;
  pluginName: string;
  /** The remote marketplace the plugin is listed in. */
  remoteMarketplaceName?: string | null;
}

/** Result of `plugin/install`. */
export interface PluginInstallResponse {
  /** The plugin's apps that still need the user to authenticate. */
  appsNeedingAuth: AppSummary[];
  authPolicy: PluginAuthPolicy;
}

/** Params of `plugin/uninstall`. */
export interface PluginUninstallParams {
  /** Local plugin id, `name@marketplace`. */
  pluginId: string;
}

/** Result of `plugin/uninstall`: an empty object. */
export interface PluginUninstallResponse {}

/** Params of `marketplace/add`: add a marketplace from a source (a git URL, path, ...). */
export interface MarketplaceAddParams {
  /** Branch or tag to check out. */
  refName?: string | null;
  source: string;
  /** Check out only these paths of the repository. */
  sparsePaths?: string[] | null;
}

/** Result of `marketplace/add`. */
export interface MarketplaceAddResponse {
  /** True when the marketplace was there already. */
  alreadyAdded: boolean;
  /** Where the marketplace is stored. */
  installedRoot: AbsolutePathBuf;
  marketplaceName: string;
}

/** Params of `marketplace/remove`. */
export interface MarketplaceRemoveParams {
  marketplaceName: string;
}

/** Result of `marketplace/remove`. */
export interface MarketplaceRemoveResponse {
  /** The directory that was removed, if there was one. */
  installedRoot: AbsolutePathBuf | null;
  marketplaceName: string;
}

/** Params of `marketplace/upgrade`: update one marketplace, or all when no name is given. */
export interface MarketplaceUpgradeParams {
  marketplaceName?: string | null;
}

/** A marketplace that failed to upgrade. */
export interface MarketplaceUpgradeErrorInfo {
  marketplaceName: string;
  message: string;
}

/** Result of `marketplace/upgrade`. */
export interface MarketplaceUpgradeResponse {
  errors: MarketplaceUpgradeErrorInfo[];
  /** The marketplaces that were considered. */
  selectedMarketplaces: string[];
  /** The directories that were updated. */
  upgradedRoots: AbsolutePathBuf[];
}
