/**
 * Filesystem access through the server (`fs/*`): reading and writing files, directories,
 * metadata, copies, removals and change watches. File contents travel base64-encoded.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';

/** Params of `fs/readFile`: which file to read. */
export interface FsReadFileParams {
  /** Absolute path of the file. */
  path: AbsolutePathBuf;
}

/** Result of `fs/readFile`. */
export interface FsReadFileResponse {
  /** The file's bytes, base64-encoded. */
  dataBase64: string;
}

/** Params of `fs/writeFile`: which file to write and what to put in it. */
export interface FsWriteFileParams {
  /** The bytes to write, base64-encoded; they replace the file's contents. */
  dataBase64: string;
  /** Absolute path of the file; it is created when missing. */
  path: AbsolutePathBuf;
}

/** Result of `fs/writeFile` (an empty object once the write is done). */
export interface FsWriteFileResponse {}

/** Params of `fs/createDirectory`. */
export interface FsCreateDirectoryParams {
  /** Absolute path of the directory to create. */
  path: AbsolutePathBuf;
  /** Whether missing parent directories are created too. */
  recursive?: boolean | null;
}

/** Result of `fs/createDirectory` (an empty object once the directory exists). */
export interface FsCreateDirectoryResponse {}

/** Params of `fs/getMetadata`: the path to inspect. */
export interface FsGetMetadataParams {
  /** Absolute path of the file or directory. */
  path: AbsolutePathBuf;
}

/** Result of `fs/getMetadata`: what kind of entry the path is and its timestamps. */
export interface FsGetMetadataResponse {
  /**
   * Creation time, in milliseconds since the Unix epoch (0 when the platform does not record it).
   * @format int64
   */
  createdAtMs: number;
  /** Whether the path is a directory. */
  isDirectory: boolean;
  /** Whether the path is a regular file. */
  isFile: boolean;
  /** True when the path names a symlink (checked without following it). */
  isSymlink: boolean;
  /**
   * Last modification time, in milliseconds since the Unix epoch.
   * @format int64
   */
  modifiedAtMs: number;
}

/** Params of `fs/readDirectory`: the directory to list. */
export interface FsReadDirectoryParams {
  /** Absolute path of the directory. */
  path: AbsolutePathBuf;
}

/** One entry of a directory listing. */
export interface FsReadDirectoryEntry {
  /** The entry's name inside the directory (not a full path). */
  fileName: string;
  /** Whether the entry is a directory. */
  isDirectory: boolean;
  /** Whether the entry is a regular file. */
  isFile: boolean;
}

/** Result of `fs/readDirectory`. */
export interface FsReadDirectoryResponse {
  /** The directory's direct children. */
  entries: FsReadDirectoryEntry[];
}

/** Params of `fs/remove`: what to delete and how. */
export interface FsRemoveParams {
  /** Whether a missing path is not treated as an error. */
  force?: boolean | null;
  /** Absolute path of the file or directory to delete. */
  path: AbsolutePathBuf;
  /** Whether a directory is deleted with everything inside it. */
  recursive?: boolean | null;
}

/** Result of `fs/remove` (an empty object once the path is gone). */
export interface FsRemoveResponse {}

/** Params of `fs/copy`: source and destination. */
export interface FsCopyParams {
  /** Absolute path the copy is written to. */
  destinationPath: AbsolutePathBuf;
  /** Whether a directory is copied with its contents; needed to copy directories. */
  recursive?: boolean;
  /** Absolute path of what is copied. */
  sourcePath: AbsolutePathBuf;
}

/** Result of `fs/copy` (an empty object once the copy is done). */
export interface FsCopyResponse {}

/** Params of `fs/watch`: start reporting changes under a path as `fs/changed` notifications. */
export interface FsWatchParams {
  /** Absolute path of the file or directory to watch. */
  path: AbsolutePathBuf;
  /** A name the client picks for this watch; `fs/changed` and `fs/unwatch` refer to it. */
  watchId: string;
}

/** Result of `fs/watch`. */
export interface FsWatchResponse {
  /** The path actually being watched, as the server resolved it. */
  path: AbsolutePathBuf;
}

/** Params of `fs/unwatch`: which watch to stop. */
export interface FsUnwatchParams {
  /** The id given to `fs/watch`. */
  watchId: string;
}

/** Result of `fs/unwatch` (an empty object once the watch is stopped). */
export interface FsUnwatchResponse {}

/** Payload of `fs/changed`: paths under a watch changed. */
export interface FsChangedNotification {
  /** The paths that changed since the last notification for this watch. */
  changedPaths: AbsolutePathBuf[];
  /** The id of the watch that saw the changes. */
  watchId: string;
}
