/**
 * The sharing model of plugins: visibility, principals, roles and a remote
 * plugin's sharing details. Both the plugin listings (`plugins.ts`) and the
 * sharing methods (`pluginShare.ts`) use it; it imports neither.
 * @module
 */

/** Who can find a shared plugin. */
export type PluginShareDiscoverability = 'LISTED' | 'UNLISTED' | 'PRIVATE';

/** The visibility `plugin/share/updateTargets` may set (the same values, listed in another order). */
export type PluginShareUpdateDiscoverability = 'UNLISTED' | 'PRIVATE' | 'LISTED';

/** The kind of principal a plugin is shared with. */
export type PluginSharePrincipalType = 'user' | 'group' | 'workspace';

/** What a principal may do with a shared plugin. */
export type PluginSharePrincipalRole = 'reader' | 'editor' | 'owner';

/** The role a new share target may be given (owners cannot be added this way). */
export type PluginShareTargetRole = 'reader' | 'editor';

/** Someone a plugin is shared with. */
export interface PluginSharePrincipal {
  /** Display name. */
  name: string;
  principalId: string;
  principalType: PluginSharePrincipalType;
  role: PluginSharePrincipalRole;
}

/** Someone to share a plugin with, and in what role. */
export interface PluginShareTarget {
  principalId: string;
  principalType: PluginSharePrincipalType;
  role: PluginShareTargetRole;
}

/** Sharing details of a remote plugin. */
export interface PluginShareContext {
  /** Whether the user may publish the plugin to the whole workspace. */
  canPublishToWorkspace: boolean | null;
  creatorAccountUserId: string | null;
  creatorName: string | null;
  discoverability: PluginShareDiscoverability | null;
  remotePluginId: string;
  /** Version of the shared release, if known. */
  remoteVersion: string | null;
  /** Who the plugin is shared with. */
  sharePrincipals: PluginSharePrincipal[] | null;
  shareUrl: string | null;
}
