/**
 * Method-map entries for the filesystem, command execution, processes and fuzzy file search.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  CommandExecOutputDeltaNotification,
  CommandExecParams,
  CommandExecResizeParams,
  CommandExecResizeResponse,
  CommandExecResponse,
  CommandExecTerminateParams,
  CommandExecTerminateResponse,
  CommandExecWriteParams,
  CommandExecWriteResponse,
  FsChangedNotification,
  FsCopyParams,
  FsCopyResponse,
  FsCreateDirectoryParams,
  FsCreateDirectoryResponse,
  FsGetMetadataParams,
  FsGetMetadataResponse,
  FsReadDirectoryParams,
  FsReadDirectoryResponse,
  FsReadFileParams,
  FsReadFileResponse,
  FsRemoveParams,
  FsRemoveResponse,
  FsUnwatchParams,
  FsUnwatchResponse,
  FsWatchParams,
  FsWatchResponse,
  FsWriteFileParams,
  FsWriteFileResponse,
  ProcessExitedNotification,
  ProcessKillParams,
  ProcessKillResponse,
  ProcessOutputDeltaNotification,
  ProcessResizePtyParams,
  ProcessResizePtyResponse,
  ProcessSpawnParams,
  ProcessSpawnResponse,
  ProcessWriteStdinParams,
  ProcessWriteStdinResponse,
} from '../v2/exec/index.js';
import type {
  FuzzyFileSearchParams,
  FuzzyFileSearchResponse,
  FuzzyFileSearchSessionCompletedNotification,
  FuzzyFileSearchSessionStartParams,
  FuzzyFileSearchSessionStartResponse,
  FuzzyFileSearchSessionStopParams,
  FuzzyFileSearchSessionStopResponse,
  FuzzyFileSearchSessionUpdateParams,
  FuzzyFileSearchSessionUpdateResponse,
  FuzzyFileSearchSessionUpdatedNotification,
} from '../fuzzyFileSearch.js';

/** Client requests for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecClientRequests {
  /** Reads a whole file and returns its bytes base64-encoded. */
  'fs/readFile': { params: FsReadFileParams; result: FsReadFileResponse };
  /** Writes (creates or replaces) a file from base64-encoded bytes. */
  'fs/writeFile': { params: FsWriteFileParams; result: FsWriteFileResponse };
  /** Creates a directory, optionally with its missing parents. */
  'fs/createDirectory': { params: FsCreateDirectoryParams; result: FsCreateDirectoryResponse };
  /** Tells whether a path is a file, directory or symlink, with its timestamps. */
  'fs/getMetadata': { params: FsGetMetadataParams; result: FsGetMetadataResponse };
  /** Lists the direct children of a directory. */
  'fs/readDirectory': { params: FsReadDirectoryParams; result: FsReadDirectoryResponse };
  /** Deletes a file or directory. */
  'fs/remove': { params: FsRemoveParams; result: FsRemoveResponse };
  /** Copies a file or (recursively) a directory. */
  'fs/copy': { params: FsCopyParams; result: FsCopyResponse };
  /** Starts watching a path; changes arrive as `fs/changed` notifications. */
  'fs/watch': { params: FsWatchParams; result: FsWatchResponse };
  /** Stops a watch started with `fs/watch`. */
  'fs/unwatch': { params: FsUnwatchParams; result: FsUnwatchResponse };
  /** Runs a standalone command under the server's sandbox and answers when it has finished. */
  'command/exec': { params: CommandExecParams; result: CommandExecResponse };
  /** Sends stdin bytes to a running `command/exec` process, or closes its stdin. */
  'command/exec/write': { params: CommandExecWriteParams; result: CommandExecWriteResponse };
  /** Kills a running `command/exec` process. */
  'command/exec/terminate': { params: CommandExecTerminateParams; result: CommandExecTerminateResponse };
  /** Resizes the pseudo-terminal of a running `command/exec` process. */
  'command/exec/resize': { params: CommandExecResizeParams; result: CommandExecResizeResponse };
  /**
   * Starts a process without a Codex sandbox; its end is reported by `process/exited`.
   * @experimental
   */
  'process/spawn': { params: ProcessSpawnParams; result: ProcessSpawnResponse };
  /**
   * Sends stdin bytes to a spawned process, or closes its stdin.
   * @experimental
   */
  'process/writeStdin': { params: ProcessWriteStdinParams; result: ProcessWriteStdinResponse };
  /**
   * Terminates a spawned process.
   * @experimental
   */
  'process/kill': { params: ProcessKillParams; result: ProcessKillResponse };
  /**
   * Resizes the pseudo-terminal of a spawned process.
   * @experimental
   */
  'process/resizePty': { params: ProcessResizePtyParams; result: ProcessResizePtyResponse };
  /** Searches file names under some roots with a fuzzy query and returns the hits. */
  fuzzyFileSearch: { params: FuzzyFileSearchParams; result: FuzzyFileSearchResponse };
  /**
   * Opens a fuzzy search session whose results arrive as notifications.
   * @experimental
   */
  'fuzzyFileSearch/sessionStart': {
    params: FuzzyFileSearchSessionStartParams;
    result: FuzzyFileSearchSessionStartResponse;
  };
  /**
   * Sets a new query on an open fuzzy search session.
   * @experimental
   */
  'fuzzyFileSearch/sessionUpdate': {
    params: FuzzyFileSearchSessionUpdateParams;
    result: FuzzyFileSearchSessionUpdateResponse;
  };
  /**
   * Closes a fuzzy search session.
   * @experimental
   */
  'fuzzyFileSearch/sessionStop': {
    params: FuzzyFileSearchSessionStopParams;
    result: FuzzyFileSearchSessionStopResponse;
  };
}

/** Server requests for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecServerRequests {}

/** Server notifications for the filesystem, command execution, processes and fuzzy file search. */
export interface ExecServerNotifications {
  /** A chunk of streamed `command/exec` output. */
  'command/exec/outputDelta': { params: CommandExecOutputDeltaNotification };
  /** A chunk of streamed output of a spawned process. */
  'process/outputDelta': { params: ProcessOutputDeltaNotification };
  /** A spawned process ended. */
  'process/exited': { params: ProcessExitedNotification };
  /** Paths under an `fs/watch` changed. */
  'fs/changed': { params: FsChangedNotification };
  /** New hits for a fuzzy search session's current query. */
  'fuzzyFileSearch/sessionUpdated': { params: FuzzyFileSearchSessionUpdatedNotification };
  /** A fuzzy search session finished searching for its current query. */
  'fuzzyFileSearch/sessionCompleted': { params: FuzzyFileSearchSessionCompletedNotification };
}
