/**
 * Apps (connectors): listing, reading their metadata and the installed
 * runtime snapshot.
 * @module
 */

/** Publisher and policy details of an app. */
export interface AppBranding {
  category: string | null;
  developer: string | null;
  /** Whether the app shows up in app discovery. */
  isDiscoverableApp: boolean;
  privacyPolicy: string | null;
  termsOfService: string | null;
  website: string | null;
}

/** Review state of an app in the directory. */
export interface AppReview {
  status: string;
}

/** A screenshot in an app's directory listing. */
export interface AppScreenshot {
  fileId: string | null;
  url: string | null;
  /** The prompt the screenshot illustrates. */
  userPrompt: string;
}

/** Directory metadata of an app. */
export interface AppMetadata {
  categories: string[] | null;
  developer: string | null;
  firstPartyRequiresInstall: boolean | null;
  review: AppReview | null;
  screenshots: AppScreenshot[] | null;
  seoDescription: string | null;
  showInComposerWhenUnlinked: boolean | null;
  subCategories: string[] | null;
  version: string | null;
  versionId: string | null;
  versionNotes: string | null;
}

/** An app (connector) as `app/list` reports it. */
export interface AppInfo {
  appMetadata: AppMetadata | null;
  branding: AppBranding | null;
  description: string | null;
  distributionChannel: string | null;
  /** Icon URLs by size or variant. */
  iconAssets: { [key: string]: string } | null;
  /** Dark-mode icon URLs by size or variant. */
  iconDarkAssets: { [key: string]: string } | null;
  id: string;
  installUrl: string | null;
  /**
   * Whether the user can use the app (false when absent).
   * @default false
   */
  isAccessible: boolean;
  /**
   * Whether the app is enabled in `config.toml` (true when absent).
   * @default true
   */
  isEnabled: boolean;
  labels: { [key: string]: string } | null;
  logoUrl: string | null;
  logoUrlDark: string | null;
  name: string;
  /**
   * Display names of the plugins that bundle this app (empty when absent).
   * @default []
   */
  pluginDisplayNames: string[];
}

/** Params of `app/list/updated`: the list of apps changed; carries the new list. */
export interface AppListUpdatedNotification {
  data: AppInfo[];
}

/** Params of `app/list`: one page of available apps. */
export interface AppsListParams {
  /** Cursor from a previous page. */
  cursor?: string | null;
  /** Skip the caches and fetch fresh data. */
  forceRefetch?: boolean;
  /**
   * Page size; the server picks one when omitted.
   * @format uint32
   */
  limit?: number | null;
  /** Thread whose configuration decides which app features are on. */
  threadId?: string | null;
}

/** Result of `app/list`. */
export interface AppsListResponse {
  data: AppInfo[];
  /** Cursor for the next page; absent or `null` on the last page. */
  nextCursor: string | null;
}

/** A tool of an app, for display only. */
export interface AppToolSummary {
  description: string;
  disabledReason: string | null;
  /**
   * True when absent.
   * @default true
   */
  isEnabled: boolean;
  /**
   * False when absent.
   * @default false
   */
  isReadOnly: boolean;
  name: string;
  title: string | null;
}

/** An app's metadata as `app/read` returns it. */
export interface ConnectorMetadata {
  description: string | null;
  distributionChannel: string | null;
  iconUrl: string | null;
  iconUrlDark: string | null;
  id: string;
  installUrl: string | null;
  name: string;
  /**
   * Display names of the plugins that bundle this app (empty when absent).
   * @default []
   */
  pluginDisplayNames: string[];
  /** The app's tools, when `includeTools` was asked for. */
  toolSummaries: AppToolSummary[] | null;
}

/** Params of `app/read`: metadata of specific apps. */
export interface AppsReadParams {
  /** Apps to read: at most 100; repeats are dropped, keeping first-seen order. */
  appIds: string[];
  /** Also return summaries of the apps' public tools. */
  includeTools?: boolean;
  /** A loaded thread whose configuration applies. */
  threadId?: string | null;
}

/** Result of `app/read`. */
export interface AppsReadResponse {
  apps: ConnectorMetadata[];
  /** Requested ids that matched no app. */
  missingAppIds: string[];
}

/** One installed connector in the runtime snapshot. */
export interface InstalledApp {
  /**
   * Whether the connector is enabled and has at least one real tool that the
   * model can see under the current MCP and app/tool policies.
   */
  callable: boolean;
  /** Whether it is enabled once global, workspace, local and managed settings are applied. */
  enabled: boolean;
  id: string;
  /** The name the runtime tool catalog uses, if any (`app/read` has the authoritative metadata). */
  runtimeName: string | null;
}

/** Params of `app/installed`: read the installed connectors' runtime snapshot. */
export interface AppsInstalledParams {
  /** Refresh and publish the hosted connectors' tool snapshot first (when apps are allowed). */
  forceRefresh?: boolean;
  /** A loaded thread whose configuration applies. */
  threadId?: string | null;
}

/** Result of `app/installed`. */
export interface AppsInstalledResponse {
  apps: InstalledApp[];
}

/** A short description of an app bundled with a plugin. */
export interface AppSummary {
  category: string | null;
  description: string | null;
  id: string;
  installUrl: string | null;
  name: string;
}

/** Why an app template cannot be used. */
export type AppTemplateUnavailableReason = 'NOT_CONFIGURED_FOR_WORKSPACE' | 'NO_ACTIVE_WORKSPACE';

/** An app template a plugin declares, with the apps made from it. */
export interface AppTemplateSummary {
  canonicalConnectorId: string | null;
  category: string | null;
  description: string | null;
  logoUrl: string | null;
  logoUrlDark: string | null;
  /** Apps already created from the template. */
  materializedAppIds: string[];
  name: string;
  /** Set when the template cannot be used. */
  reason: AppTemplateUnavailableReason | null;
  templateId: string;
}
