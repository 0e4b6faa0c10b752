/**
 * Writing the configuration: `config/value/write` and `config/batchWrite`.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { AbsolutePathBuf } from '../common.js';
import type { ConfigLayerMetadata } from './layers.js';

/** How a written value meets what is there: `replace` it, or `upsert` (merge tables key by key). */
export type MergeStrategy = 'replace' | 'upsert';

/** Outcome of a write: `ok`, or `okOverridden` when a higher layer still wins over the written value. */
export type WriteStatus = 'ok' | 'okOverridden';

/** One change to make to a config file. */
export interface ConfigEdit {
  /** Dotted path of the key to set, e.g. `mcp_servers.docs`. */
  keyPath: string;
  mergeStrategy: MergeStrategy;
  /** The value to write (`null` removes the key). */
  value: JsonValue;
}

/** Params of `config/value/write`: set one key. */
export interface ConfigValueWriteParams {
  /** Fail unless the file is still at this version (optimistic concurrency). */
  expectedVersion?: string | null;
  /** Config file to write; the user's `config.toml` when absent. */
  filePath?: string | null;
  /** Dotted path of the key to set. */
  keyPath: string;
  mergeStrategy: MergeStrategy;
  /** The value to write. */
  value: JsonValue;
}

/** Params of `config/batchWrite`: apply several edits to one file at once. */
export interface ConfigBatchWriteParams {
  /** The edits, applied in order. */
  edits: ConfigEdit[];
  /** Fail unless the file is still at this version (optimistic concurrency). */
  expectedVersion?: string | null;
  /** Config file to write; the user's `config.toml` when absent. */
  filePath?: string | null;
  /**
   * Push the new runtime settings into threads already loaded. Defaults that
   * are fixed per session (model, reasoning effort, service tier, ...) are
   * not reloaded.
   */
  reloadUserConfig?: boolean;
}

/** Set when the written value is not the effective one because another layer overrides it. */
export interface OverriddenMetadata {
  /** The value that is in effect. */
  effectiveValue: JsonValue;
  /** Human-readable explanation. */
  message: string;
  /** The layer whose value wins. */
  overridingLayer: ConfigLayerMetadata;
}

/** Result of `config/value/write` and `config/batchWrite`. */
export interface ConfigWriteResponse {
  /** Absolute, canonical path of the file that was written. */
  filePath: AbsolutePathBuf;
  /** Present when another layer overrides what was written. */
  overriddenMetadata: OverriddenMetadata | null;
  status: WriteStatus;
  /** New version of the file. */
  version: string;
}
