/**
 * Feedback reports: uploading them (`feedback/upload`) or saving them as a ZIP file (`feedback/save`).
 * @module
 */
import type { LegacyAppPathString } from '../common.js';

/** Params of `feedback/upload`: send a feedback report. */
export interface FeedbackUploadParams {
  /** The report's category (for example a bug or a good result). */
  classification: string;
  /** More log files to attach. */
  extraLogFiles?: string[] | null;
  /** Attach the server's logs. */
  includeLogs?: boolean;
  /** The user's own words. */
  reason?: string | null;
  /** Extra key/value labels for the report. */
  tags?: { [key: string]: string } | null;
  /** The thread the report is about. */
  threadId?: string | null;
}

/** Result of `feedback/upload`. */
export interface FeedbackUploadResponse {
  /**
   * Hash (SHA-256 after normalising whitespace) of the thread's base instructions, as sent
   * with the report; `null` when the thread has no prompt data.
   */
  promptHash: string | null;
  /** The thread the report was filed under. */
  threadId: string;
}

/** Params of `feedback/save`: write the report to a ZIP file instead of uploading it. */
export interface FeedbackSaveParams {
  classification: string;
  extraLogFiles?: string[] | null;
  includeLogs?: boolean;
  reason?: string | null;
  /**
   * Absolute path, on the server's host, of a ZIP file that does not exist yet. The file
   * belongs to the caller, even if the connection drops.
   */
  savePath: LegacyAppPathString;
  tags?: { [key: string]: string } | null;
  threadId?: string | null;
}

/** Result of `feedback/save`. */
export interface FeedbackSaveResponse {
  /** Same as in `feedback/upload`. */
  promptHash: string | null;
  /** Where the file was written. */
  savedPath: LegacyAppPathString;
  threadId: string;
}
