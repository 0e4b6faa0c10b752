/**
 * Sharing plugins: saving a local plugin as a shared remote one, choosing who
 * can see it, listing, checking out and deleting shared plugins.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { PluginSummary } from './plugins.js';
import type {
  PluginShareDiscoverability,
  PluginSharePrincipal,
  PluginShareTarget,
  PluginShareUpdateDiscoverability,
} from './pluginShareModel.js';

/** Params of `plugin/share/save`: upload a local plugin as a new or updated shared plugin. */
export interface PluginShareSaveParams {
  discoverability?: PluginShareDiscoverability | null;
  /** The plugin's directory. */
  pluginPath: AbsolutePathBuf;
  /** The shared plugin to update; a new one is created when omitted. */
  remotePluginId?: string | null;
  /** Who to share it with. */
  shareTargets?: PluginShareTarget[] | null;
}

/** Result of `plugin/share/save`. */
export interface PluginShareSaveResponse {
  canPublishToWorkspace: boolean | null;
  remotePluginId: string;
  /** Link to the shared plugin. */
  shareUrl: string;
}

/** Params of `plugin/share/updateTargets`: replace who a shared plugin is shared with. */
export interface PluginShareUpdateTargetsParams {
  discoverability: PluginShareUpdateDiscoverability;
  remotePluginId: string;
  shareTargets: PluginShareTarget[];
}

/** Result of `plugin/share/updateTargets`: the sharing state afterwards. */
export interface PluginShareUpdateTargetsResponse {
  discoverability: PluginShareDiscoverability;
  principals: PluginSharePrincipal[];
}

/** Params of `plugin/share/list`: an empty object. */
export interface PluginShareListParams {}

/** A plugin the user shared, with its local copy if there is one. */
export interface PluginShareListItem {
  localPluginPath: AbsolutePathBuf | null;
  plugin: PluginSummary;
}

/** Result of `plugin/share/list`. */
export interface PluginShareListResponse {
  data: PluginShareListItem[];
}

/** Params of `plugin/share/checkout`: download a shared plugin into a local marketplace. */
export interface PluginShareCheckoutParams {
  remotePluginId: string;
}

/** Result of `plugin/share/checkout`: where the plugin was put. */
export interface PluginShareCheckoutResponse {
  marketplaceName: string;
  marketplacePath: AbsolutePathBuf;
  /** Local plugin id, `name@marketplace`. */
  pluginId: string;
  pluginName: string;
  pluginPath: AbsolutePathBuf;
  remotePluginId: string;
  remoteVersion: string | null;
}

/** Params of `plugin/share/delete`: delete a shared plugin. */
export interface PluginShareDeleteParams {
  remotePluginId: string;
}

/** Result of `plugin/share/delete`: an empty object. */
export interface PluginShareDeleteResponse {}
