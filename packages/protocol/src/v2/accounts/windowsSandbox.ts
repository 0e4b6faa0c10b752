/**
 * The Windows sandbox: setting it up, checking it, and warnings about world-writable folders.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';

/** How the Windows sandbox is set up: with administrator rights or without. */
export type WindowsSandboxSetupMode = 'elevated' | 'unelevated';

/** The ways the Windows sandbox can be implemented. */
export type WindowsSandboxImplementation = 'elevated' | 'unelevated' | 'mxc';

/** Params of `windowsSandbox/setupStart`. */
export interface WindowsSandboxSetupStartParams {
  /** Working directory to prepare the sandbox for. */
  cwd?: AbsolutePathBuf | null;
  mode: WindowsSandboxSetupMode;
}

/** Result of `windowsSandbox/setupStart`; completion comes as `windowsSandbox/setupCompleted`. */
export interface WindowsSandboxSetupStartResponse {
  /** Whether setup began. */
  started: boolean;
}

/** Params of `windowsSandbox/setupCompleted`: sandbox setup finished. */
export interface WindowsSandboxSetupCompletedNotification {
  /** What went wrong, when it failed. */
  error: string | null;
  mode: WindowsSandboxSetupMode;
  success: boolean;
}

/** Whether the Windows sandbox can be used as it is. */
export type WindowsSandboxReadiness = 'ready' | 'notConfigured' | 'updateRequired';

/** Result of `windowsSandbox/readiness`. */
export interface WindowsSandboxReadinessResponse {
  status: WindowsSandboxReadiness;
}

/** Params of `windows/worldWritableWarning`: folders anyone can write to were found. */
export interface WindowsWorldWritableWarningNotification {
  /**
   * How many more such folders exist beyond `samplePaths`.
   * @format uint
   */
  extraCount: number;
  /** Whether the scan failed part of the way. */
  failedScan: boolean;
  /** Some of the folders found. */
  samplePaths: string[];
}
