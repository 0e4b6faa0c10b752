/**
 * Skills: listing them per working directory, extra skill roots, turning a
 * skill on or off, and the change notification.
 * @module
 */
import type { AbsolutePathBuf, LegacyAppPathString } from '../common.js';

/** Where a skill was found. */
export type SkillScope = 'user' | 'repo' | 'system' | 'admin';

/** How a skill presents itself in a UI. */
export interface SkillInterface {
  /** @nullableInSchema */
  brandColor?: string;
  /**
   * A prompt to suggest when the skill is picked.
   * @nullableInSchema
   */
  defaultPrompt?: string;
  /** @nullableInSchema */
  displayName?: string;
  /**
   * Local path of the large icon.
   * @nullableInSchema
   */
  iconLarge?: AbsolutePathBuf;
  /** URL of the large icon from the plugin catalog. */
  iconLargeUrl: string | null;
  /**
   * Local path of the small icon.
   * @nullableInSchema
   */
  iconSmall?: AbsolutePathBuf;
  /** URL of the small icon from the plugin catalog. */
  iconSmallUrl: string | null;
  /** @nullableInSchema */
  shortDescription?: string;
}

/** A tool a skill needs (for example an MCP server it expects). */
export interface SkillToolDependency {
  /**
   * For tools started as a process: the command.
   * @nullableInSchema
   */
  command?: string;
  /** @nullableInSchema */
  description?: string;
  /**
   * How to reach the tool (for MCP: its transport).
   * @nullableInSchema
   */
  transport?: string;
  /** The kind of dependency. */
  type: string;
  /**
   * For tools reached over the network: the URL.
   * @nullableInSchema
   */
  url?: string;
  /** The dependency's identifier (a tool or server name). */
  value: string;
}

/** What a skill depends on. */
export interface SkillDependencies {
  tools: SkillToolDependency[];
}

/** A skill as `skills/list` reports it. */
export interface SkillMetadata {
  /** @nullableInSchema */
  dependencies?: SkillDependencies;
  description: string;
  enabled: boolean;
  /** @nullableInSchema */
  interface?: SkillInterface;
  name: string;
  /** The skill's file. */
  path: LegacyAppPathString;
  /** The plugin that provides the skill (the same id as `PluginSummary.id`), when known. */
  pluginId: string | null;
  scope: SkillScope;
  /**
   * The short description from the skill's Markdown front matter (an older place for it).
   * @nullableInSchema
   */
  shortDescription?: string;
}

/** A skill file that could not be loaded. */
export interface SkillErrorInfo {
  message: string;
  path: string;
}

/** The skills found for one working directory. */
export interface SkillsListEntry {
  cwd: string;
  errors: SkillErrorInfo[];
  skills: SkillMetadata[];
}

/** Params of `skills/list`. */
export interface SkillsListParams {
  /** Working directories to look in; the session's directory when empty. */
  cwds?: string[];
  /** Skip the cache and scan the disk again. */
  forceReload?: boolean;
}

/** Result of `skills/list`: one entry per working directory. */
export interface SkillsListResponse {
  data: SkillsListEntry[];
}

/** Params of `skills/extraRoots/set`: more directories to look for skills in. */
export interface SkillsExtraRootsSetParams {
  extraRoots: AbsolutePathBuf[];
}

/** Result of `skills/extraRoots/set`: an empty object. */
export interface SkillsExtraRootsSetResponse {}

/** Params of `skills/config/write`: enable or disable one skill, picked by name or by path. */
export interface SkillsConfigWriteParams {
  enabled: boolean;
  /** Pick the skill by name. */
  name?: string | null;
  /** Pick the skill by its file. */
  path?: AbsolutePathBuf | null;
}

/** Result of `skills/config/write`. */
export interface SkillsConfigWriteResponse {
  /** Whether the skill is enabled once every configuration layer is applied. */
  effectiveEnabled: boolean;
}

/**
 * Params of `skills/changed`: skill files on disk changed. A signal only: call
 * `skills/list` again for the new state.
 */
export interface SkillsChangedNotification {}

/** A skill as part of a plugin's details. */
export interface SkillSummary {
  description: string;
  enabled: boolean;
  interface: SkillInterface | null;
  name: string;
  path: LegacyAppPathString | null;
  shortDescription: string | null;
}
