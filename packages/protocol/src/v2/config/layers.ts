/**
 * Reading the configuration: `config/read` and the layers (packaged defaults,
 * managed, user, project, session flags, ...) the effective config is merged from.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { AbsolutePathBuf } from '../common.js';
import type { Config } from './settings.js';

/** The defaults shipped with the installed Codex package. */
interface PackagedDefaultsConfigLayerSource {
  /** Where the packaged defaults file lives. */
  file: AbsolutePathBuf;
  type: 'packagedDefaults';
}

/** Managed preferences pushed by MDM (macOS only). */
interface MdmConfigLayerSource {
  /** The preferences domain. */
  domain: string;
  /** The key inside that domain. */
  key: string;
  type: 'mdm';
}

/** The machine-wide managed config file. */
interface SystemConfigLayerSource {
  /** Where the system config file is expected; it may not exist. */
  file: AbsolutePathBuf;
  type: 'system';
}

/** A layer delivered by an enterprise's cloud config bundle. */
interface EnterpriseManagedConfigLayerSource {
  /** Stable id of the layer. */
  id: string;
  /** Name administrators gave the layer; shown in diagnostics. */
  name: string;
  type: 'enterpriseManaged';
}

/** The user's own `config.toml` under `$CODEX_HOME` (writable, normally outside the workspace). */
interface UserConfigLayerSource {
  /** Where the user config file is expected; it may not exist. */
  file: AbsolutePathBuf;
  /** The selected profile layered over the base user config, when this layer is one. */
  profile: string | null;
  type: 'user';
}

/** A project's `.codex/` folder; several may lie between the working directory and the repository root. */
interface ProjectConfigLayerSource {
  /** The `.codex/` folder. */
  dotCodexFolder: AbsolutePathBuf;
  type: 'project';
}

/** Overrides given on the command line with `-c` / `--config`. */
interface SessionFlagsConfigLayerSource {
  type: 'sessionFlags';
}

/** The legacy `managed_config.toml`, read from a file (being phased out for `requirements.toml`). */
interface LegacyManagedConfigTomlFromFileConfigLayerSource {
  file: AbsolutePathBuf;
  type: 'legacyManagedConfigTomlFromFile';
}

/** The legacy `managed_config.toml`, delivered through MDM. */
interface LegacyManagedConfigTomlFromMdmConfigLayerSource {
  type: 'legacyManagedConfigTomlFromMdm';
}

/** Where a configuration layer comes from, tagged by `type`. */
export type ConfigLayerSource =
  | PackagedDefaultsConfigLayerSource
  | MdmConfigLayerSource
  | SystemConfigLayerSource
  | EnterpriseManagedConfigLayerSource
  | UserConfigLayerSource
  | ProjectConfigLayerSource
  | SessionFlagsConfigLayerSource
  | LegacyManagedConfigTomlFromFileConfigLayerSource
  | LegacyManagedConfigTomlFromMdmConfigLayerSource;

/** Which layer a value came from, and that layer's version. */
export interface ConfigLayerMetadata {
  name: ConfigLayerSource;
  /** Version (content fingerprint) of the layer. */
  version: string;
}

/** One configuration layer with its raw contents. */
export interface ConfigLayer {
  /** The layer's contents as parsed from its source. */
  config: JsonValue;
  /** Why the layer is ignored, when it is. */
  disabledReason: string | null;
  name: ConfigLayerSource;
  /** Version (content fingerprint) of the layer. */
  version: string;
}

/** Params of `config/read`. */
export interface ConfigReadParams {
  /**
   * Resolve project layers from this directory: the result then includes the
   * `.codex/` folders between it and the repository root.
   */
  cwd?: string | null;
  /** Also return the individual layers. */
  includeLayers?: boolean;
}

/** Result of `config/read`: the effective config and where each value came from. */
export interface ConfigReadResponse {
  config: Config;
  /** The layers, when `includeLayers` was set. */
  layers: ConfigLayer[] | null;
  /** For each dotted key path, the layer that supplied its value. */
  origins: { [key: string]: ConfigLayerMetadata };
}
