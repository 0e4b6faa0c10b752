/**
 * Method-map entries for realtime sessions, item-level notifications, approvals and other server requests,
 * and `serverRequest/resolved`.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  ApplyPatchApprovalParams,
  ApplyPatchApprovalResponse,
  DeprecationNoticeNotification,
  DynamicToolCallParams,
  DynamicToolCallResponse,
  ExecCommandApprovalParams,
  ExecCommandApprovalResponse,
  FileChangeOutputDeltaNotification,
  FileChangePatchUpdatedNotification,
  GuardianWarningNotification,
  HookCompletedNotification,
  HookStartedNotification,
  ItemGuardianApprovalReviewCompletedNotification,
  ItemGuardianApprovalReviewStartedNotification,
  McpToolCallProgressNotification,
  PermissionsRequestApprovalParams,
  PermissionsRequestApprovalResponse,
  PlanDeltaNotification,
  RawResponseCompletedNotification,
  RawResponseItemCompletedNotification,
  ReasoningSummaryPartAddedNotification,
  ReasoningSummaryTextDeltaNotification,
  ReasoningTextDeltaNotification,
  StrictReviewRequiredNotification,
  TerminalInteractionNotification,
  ThreadRealtimeAppendAudioParams,
  ThreadRealtimeAppendAudioResponse,
  ThreadRealtimeAppendSpeechParams,
  ThreadRealtimeAppendSpeechResponse,
  ThreadRealtimeAppendTextParams,
  ThreadRealtimeAppendTextResponse,
  ThreadRealtimeClosedNotification,
  ThreadRealtimeErrorNotification,
  ThreadRealtimeItemAddedNotification,
  ThreadRealtimeItemCompletedNotification,
  ThreadRealtimeItemStartedNotification,
  ThreadRealtimeItemTranscriptDeltaNotification,
  ThreadRealtimeListVoicesParams,
  ThreadRealtimeListVoicesResponse,
  ThreadRealtimeOutputAudioDeltaNotification,
  ThreadRealtimeSdpNotification,
  ThreadRealtimeStartedNotification,
  ThreadRealtimeStartParams,
  ThreadRealtimeStartResponse,
  ThreadRealtimeStopParams,
  ThreadRealtimeStopResponse,
  ThreadRealtimeTranscriptDeltaNotification,
  ThreadRealtimeTranscriptDoneNotification,
  ToolRequestUserInputParams,
  ToolRequestUserInputResponse,
} from '../v2/events/index.js';
import type {
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
} from '../v2/approvals.js';
import type {
  CommandExecutionOutputDeltaNotification,
  ServerRequestResolvedNotification,
} from '../v2/notifications.js';

/** Client requests for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsClientRequests {
  /**
   * Starts a realtime (voice or text) session attached to a thread.
   * @experimental
   */
  'thread/realtime/start': { params: ThreadRealtimeStartParams; result: ThreadRealtimeStartResponse };
  /**
   * Sends a chunk of input audio to the thread's realtime session.
   * @experimental
   */
  'thread/realtime/appendAudio': { params: ThreadRealtimeAppendAudioParams; result: ThreadRealtimeAppendAudioResponse };
  /**
   * Adds a text message to the thread's realtime session.
   * @experimental
   */
  'thread/realtime/appendText': { params: ThreadRealtimeAppendTextParams; result: ThreadRealtimeAppendTextResponse };
  /**
   * Makes the realtime model speak the given text.
   * @experimental
   */
  'thread/realtime/appendSpeech': {
    params: ThreadRealtimeAppendSpeechParams;
    result: ThreadRealtimeAppendSpeechResponse;
  };
  /**
   * Stops the thread's realtime session.
   * @experimental
   */
  'thread/realtime/stop': { params: ThreadRealtimeStopParams; result: ThreadRealtimeStopResponse };
  /**
   * Lists the voices a realtime session can use, per protocol version.
   * @experimental
   */
  'thread/realtime/listVoices': { params: ThreadRealtimeListVoicesParams; result: ThreadRealtimeListVoicesResponse };
}

/** Server requests for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsServerRequests {
  /** Asks the user one or more questions on the agent's behalf. */
  'item/tool/requestUserInput': { params: ToolRequestUserInputParams; result: ToolRequestUserInputResponse };
  /** Asks the user to grant the agent extra sandbox permissions. */
  'item/permissions/requestApproval': {
    params: PermissionsRequestApprovalParams;
    result: PermissionsRequestApprovalResponse;
  };
  /** Runs a tool the client registered with the thread and returns its output. */
  'item/tool/call': { params: DynamicToolCallParams; result: DynamicToolCallResponse };
  /** Legacy request: may this patch be applied? */
  applyPatchApproval: { params: ApplyPatchApprovalParams; result: ApplyPatchApprovalResponse };
  /** Legacy request: may this command run? */
  execCommandApproval: { params: ExecCommandApprovalParams; result: ExecCommandApprovalResponse };
  /** Asks the user to allow or refuse running a command. */
  'item/commandExecution/requestApproval': {
    params: CommandExecutionRequestApprovalParams;
    result: CommandExecutionRequestApprovalResponse;
  };
  /** Asks the user to allow or refuse a set of file edits. */
  'item/fileChange/requestApproval': {
    params: FileChangeRequestApprovalParams;
    result: FileChangeRequestApprovalResponse;
  };
}

/** Server notifications for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsServerNotifications {
  /** A hook started running. */
  'hook/started': { params: HookStartedNotification };
  /** A hook finished running. */
  'hook/completed': { params: HookCompletedNotification };
  /** An automatic approval review started. */
  'item/autoApprovalReview/started': { params: ItemGuardianApprovalReviewStartedNotification };
  /** An automatic approval review reached its decision. */
  'item/autoApprovalReview/completed': { params: ItemGuardianApprovalReviewCompletedNotification };
  /** The turn now reviews every following command strictly. */
  'autoApprovalReview/strictReviewRequired': { params: StrictReviewRequiredNotification };
  /** More text of a plan item. */
  'item/plan/delta': { params: PlanDeltaNotification };
  /** Input was written to a running command's terminal. */
  'item/commandExecution/terminalInteraction': { params: TerminalInteractionNotification };
  /** More output of a file change being applied. */
  'item/fileChange/outputDelta': { params: FileChangeOutputDeltaNotification };
  /** The edits of a file change item changed while streaming. */
  'item/fileChange/patchUpdated': { params: FileChangePatchUpdatedNotification };
  /** A progress message from a running MCP tool. */
  'item/mcpToolCall/progress': { params: McpToolCallProgressNotification };
  /** More text of a reasoning summary part. */
  'item/reasoning/summaryTextDelta': { params: ReasoningSummaryTextDeltaNotification };
  /** A reasoning item started a new summary part. */
  'item/reasoning/summaryPartAdded': { params: ReasoningSummaryPartAddedNotification };
  /** More raw reasoning text. */
  'item/reasoning/textDelta': { params: ReasoningTextDeltaNotification };
  /** A warning from the automatic reviewer. */
  guardianWarning: { params: GuardianWarningNotification };
  /** Something the client uses is deprecated. */
  deprecationNotice: { params: DeprecationNoticeNotification };
  /**
   * One raw model API item of a turn, as the model produced it (sent when the thread asked for raw
   * events). Upstream's JSON Schema leaves it out of its notification union.
   * @notInSchemaUnion
   */
  'rawResponseItem/completed': { params: RawResponseItemCompletedNotification };
  /**
   * One raw model response finished, with its token usage (sent when the thread asked for raw
   * events). Upstream's JSON Schema leaves it out of its notification union.
   * @notInSchemaUnion
   */
  'rawResponse/completed': { params: RawResponseCompletedNotification };
  /** A realtime session is up. */
  'thread/realtime/started': { params: ThreadRealtimeStartedNotification };
  /** A raw non-audio item from the realtime backend. */
  'thread/realtime/itemAdded': { params: ThreadRealtimeItemAddedNotification };
  /** A realtime conversation item started. */
  'thread/realtime/item/started': { params: ThreadRealtimeItemStartedNotification };
  /** More transcript of one realtime item. */
  'thread/realtime/item/transcript/delta': { params: ThreadRealtimeItemTranscriptDeltaNotification };
  /** A realtime conversation item finished. */
  'thread/realtime/item/completed': { params: ThreadRealtimeItemCompletedNotification };
  /** More of the session transcript for one speaker. */
  'thread/realtime/transcript/delta': { params: ThreadRealtimeTranscriptDeltaNotification };
  /** The full transcript of one speaker's turn. */
  'thread/realtime/transcript/done': { params: ThreadRealtimeTranscriptDoneNotification };
  /** A chunk of audio from the realtime model. */
  'thread/realtime/outputAudio/delta': { params: ThreadRealtimeOutputAudioDeltaNotification };
  /** The server's SDP answer for a WebRTC session. */
  'thread/realtime/sdp': { params: ThreadRealtimeSdpNotification };
  /** An error in the realtime session. */
  'thread/realtime/error': { params: ThreadRealtimeErrorNotification };
  /** The realtime session ended. */
  'thread/realtime/closed': { params: ThreadRealtimeClosedNotification };
  'item/commandExecution/outputDelta': { params: CommandExecutionOutputDeltaNotification };
  'serverRequest/resolved': { params: ServerRequestResolvedNotification };
}
