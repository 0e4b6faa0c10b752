/**
 * Approval policy, sandboxing and permission profiles: what the agent may do
 * on its own and when it has to ask first.
 * @module
 */
import type { AbsolutePathBuf, LegacyAppPathString } from './common.js';

/**
 * When the agent must stop and ask before acting. One of three preset
 * policies, or a `granular` object that switches each kind of prompt on or
 * off separately.
 *
 * - `untrusted`: ask before anything not known to be safe.
 * - `on-request`: the model decides when to ask.
 * - `never`: never ask; failures are reported back to the model instead.
 */
export type AskForApproval = 'untrusted' | 'on-request' | 'never' | GranularAskForApproval;

/**
 * Per-category approval switches: each kind of prompt is turned on or off on
 * its own.
 * @additionalProperties false
 */
interface GranularAskForApproval {
  granular: {
    /** Whether MCP servers may ask the user for input (elicitations). */
    mcp_elicitations: boolean;
    /**
     * Whether the agent may ask for extra permissions mid-turn.
     * @default false
     */
    request_permissions: boolean;
    /** Whether prompts triggered by exec-policy rules are shown. */
    rules: boolean;
    /** Whether the agent may ask to run a command outside the sandbox. */
    sandbox_approval: boolean;
    /**
     * Whether skills may ask for approval.
     * @default false
     */
    skill_approval: boolean;
  };
}

/**
 * Who reviews approval requests (sandbox escapes, network access, MCP
 * prompts, ...). `user` sends them to the client; `auto_review` lets a
 * reviewing sub-agent decide; `guardian_subagent` is an older spelling the
 * server still accepts.
 */
export type ApprovalsReviewer = 'user' | 'auto_review' | 'guardian_subagent';

/** The coarse sandbox presets a client can ask for when starting a thread. */
export type SandboxMode = 'read-only' | 'workspace-write' | 'danger-full-access';

/** Whether outbound network access is allowed when an external sandbox is in charge. */
export type NetworkAccess = 'restricted' | 'enabled';

/** The sandbox a turn's commands run in, tagged by `type`. */
export type SandboxPolicy =
  /** No sandbox at all: commands can touch anything. */
  | { type: 'dangerFullAccess' }
  /** The whole filesystem is readable, nothing is writable. */
  | {
      type: 'readOnly';
      /**
       * Whether commands may use the network.
       * @default false
       */
      networkAccess: boolean;
    }
  /** Codex applies no sandbox itself because the host already runs it inside one. */
  | {
      type: 'externalSandbox';
      /**
       * Network access the outer sandbox grants.
       * @default "restricted"
       */
      networkAccess: NetworkAccess;
    }
  /** Readable everywhere; writable only under the workspace and the listed roots. */
  | {
      type: 'workspaceWrite';
      /**
       * Leave `/tmp` out of the writable set.
       * @default false
       */
      excludeSlashTmp: boolean;
      /**
       * Leave the directory named by `$TMPDIR` out of the writable set.
       * @default false
       */
      excludeTmpdirEnvVar: boolean;
      /**
       * Whether commands may use the network.
       * @default false
       */
      networkAccess: boolean;
      /**
       * Extra directories, besides the workspace, that commands may write to.
       * @default []
       */
      writableRoots: AbsolutePathBuf[];
    };

/**
 * The named permission profile in force for a thread.
 */
export interface ActivePermissionProfile {
  /**
   * The profile this one builds on (its `extends` setting), or `null` when it
   * builds on none.
   * @default null
   */
  extends: string | null;
  /**
   * Profile id: a built-in one such as `:workspace`, or the name of a
   * `[permissions.<id>]` table in the user's config.
   */
  id: string;
}

/**
 * Permissions a single command asks for on top of what the sandbox already
 * grants. Only the parts that are set are requested.
 */
export interface AdditionalPermissionProfile {
  /** Extra filesystem access, if any. */
  fileSystem: AdditionalFileSystemPermissions | null;
  /** Extra network access, if any. */
  network: AdditionalNetworkPermissions | null;
}

/**
 * Extra filesystem access requested for one command.
 */
export interface AdditionalFileSystemPermissions {
  /**
   * Paths, glob patterns or special locations with the access each one gets.
   * @nullableInSchema
   */
  entries?: FileSystemSandboxEntry[];
  /**
   * How many directory levels deep glob patterns in `entries` are expanded.
   * @format uint
   * @minimum 1
   * @nullableInSchema
   */
  globScanMaxDepth?: number;
  /** Paths to make readable. Older form, superseded by `entries`. */
  read: LegacyAppPathString[] | null;
  /** Paths to make writable. Older form, superseded by `entries`. */
  write: LegacyAppPathString[] | null;
}

/**
 * Extra network access requested for one command.
 */
export interface AdditionalNetworkPermissions {
  /** `true` to ask for network access; `null` or absent leaves it unchanged. */
  enabled: boolean | null;
}

/**
 * What a filesystem sandbox entry allows for its path: reading, writing
 * (which implies reading) or nothing at all.
 */
export type FileSystemAccessMode = 'read' | 'write' | 'deny';

/**
 * One rule of a filesystem sandbox: a location and the access it gets.
 */
export interface FileSystemSandboxEntry {
  access: FileSystemAccessMode;
  path: FileSystemPath;
}

/**
 * The location a sandbox entry applies to, tagged by `type`: a literal path,
 * a glob pattern, or a well-known special location.
 */
export type FileSystemPath =
  | { type: 'path'; path: LegacyAppPathString }
  | { type: 'glob_pattern'; pattern: string }
  | { type: 'special'; value: FileSystemSpecialPath };

/**
 * A well-known location the sandbox resolves at run time, tagged by `kind`.
 * `unknown` carries a special path this version does not recognise, so that
 * it survives a round trip unchanged.
 */
export type FileSystemSpecialPath =
  /** The filesystem root. */
  | { kind: 'root' }
  /** The small set of system locations most commands need in order to run. */
  | { kind: 'minimal' }
  /** The project roots, or `subpath` inside each of them. */
  | { kind: 'project_roots'; subpath: LegacyAppPathString | null }
  /** The directory named by `$TMPDIR`. */
  | { kind: 'tmpdir' }
  /** The `/tmp` directory. */
  | { kind: 'slash_tmp' }
  /** A special path this version does not know, kept verbatim. */
  | { kind: 'unknown'; path: string; subpath: LegacyAppPathString | null };
