/**
 * Streaming progress of the items in a turn: plan, reasoning and file-change
 * deltas, terminal input, MCP tool progress, and raw model responses.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { FileUpdateChange } from '../items.js';
import type { TokenUsageBreakdown } from '../thread.js';
import type { ResponseItem } from '../threads/index.js';

/** A new piece of the text of a plan item. */
export interface PlanDeltaNotification {
  /** The text added to the plan. */
  delta: string;
  /** The plan item that grew. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/** A new piece of the summary of a reasoning item. */
export interface ReasoningSummaryTextDeltaNotification {
  /** The text added to the summary part. */
  delta: string;
  /** The reasoning item. */
  itemId: string;
  /**
   * Which summary part the text belongs to.
   * @format int64
   */
  summaryIndex: number;
  threadId: string;
  turnId: string;
}

/** Sent when a reasoning item starts a new summary part. */
export interface ReasoningSummaryPartAddedNotification {
  /** The reasoning item. */
  itemId: string;
  /**
   * Index of the new summary part.
   * @format int64
   */
  summaryIndex: number;
  threadId: string;
  turnId: string;
}

/** A new piece of the raw reasoning text of a reasoning item. */
export interface ReasoningTextDeltaNotification {
  /**
   * Which reasoning content block the text belongs to.
   * @format int64
   */
  contentIndex: number;
  /** The text added. */
  delta: string;
  /** The reasoning item. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/** Input that was written to a running command's terminal. */
export interface TerminalInteractionNotification {
  /** The command execution item the terminal belongs to. */
  itemId: string;
  /** The process that received the input. */
  processId: string;
  /** The text written to the process's standard input. */
  stdin: string;
  threadId: string;
  turnId: string;
}

/** Output produced while a file change is being applied. */
export interface FileChangeOutputDeltaNotification {
  /** The output text added. */
  delta: string;
  /** The file change item. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/** The current set of edits of a file change item, sent when the patch changes while it streams. */
export interface FileChangePatchUpdatedNotification {
  /** Every file edit of the item, as it now stands. */
  changes: FileUpdateChange[];
  /** The file change item. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/** A progress message from an MCP tool that is running. */
export interface McpToolCallProgressNotification {
  /** The MCP tool call item. */
  itemId: string;
  /** The progress message. */
  message: string;
  threadId: string;
  turnId: string;
}

/** Billing details the model backend attached to a response. */
export interface ResponseUsageMetadata {
  /** The charged amount, as a decimal string, when reported. */
  amount: string | null;
  /** Further backend-specific details, as raw JSON. */
  metadata: JsonValue | null;
}

/**
 * Params of `rawResponse/completed`: one raw model response has finished, with its
 * token usage. Upstream's JSON Schema publishes it as a file of its own but leaves the
 * method out of its notification union.
 * @schemaFile
 */
export interface RawResponseCompletedNotification {
  /** The backend's identifier of the response. */
  responseId: string;
  threadId: string;
  turnId: string;
  /** Tokens the response used, when reported. */
  usage: TokenUsageBreakdown | null;
  /** Billing details of the response, when reported. */
  usageMetadata: ResponseUsageMetadata | null;
}

/**
 * Params of `rawResponseItem/completed`: one raw Responses API item of a turn as the
 * model produced it. Upstream's JSON Schema publishes it as a file of its own but leaves
 * the method out of its notification union.
 * @schemaFile
 */
export interface RawResponseItemCompletedNotification {
  item: ResponseItem;
  threadId: string;
  turnId: string;
}
