/**
 * Thread items: the units a turn is made of (user and agent messages,
 * reasoning, commands, file edits, tool calls, web searches, sub-agent
 * activity and so on), and every type those items carry.
 * @module
 */
import type { JsonValue } from '../jsonrpc.js';
import type { AbsolutePathBuf, LegacyAppPathString } from './common.js';
import type { ImageDetail, UserInput } from './input.js';
import type { MessagePhase, ReasoningEffort } from './model.js';

/**
 * One item of a turn, tagged by `type`. Every variant may also carry the
 * `startedAtMs` / `completedAtMs` lifecycle times next to its own fields (the
 * object stays flat on the wire).
 *
 * - `userMessage`: input the user sent.
 * - `hookPrompt`: text injected by hooks, split into fragments per hook run.
 * - `agentMessage`: text the agent wrote.
 * - `functionCallOutput`: output a client supplied for a tool call.
 * - `plan`: the agent's current plan, as text.
 * - `reasoning`: reasoning summary and raw reasoning text.
 * - `commandExecution`: a shell command the agent (or the user) ran.
 * - `fileChange`: a patch applied to files.
 * - `mcpToolCall`: a call to a tool of an MCP server.
 * - `dynamicToolCall`: a call to a tool the client registered on the thread.
 * - `collabAgentToolCall`: a multi-agent tool call (spawn, send input, wait...).
 * - `subAgentActivity`: a sub-agent started, was talked to, interrupted or finished.
 * - `webSearch`: a web search and what it did.
 * - `imageView`: the agent looked at a local image.
 * - `sleep`: the agent paused for a while.
 * - `imageGeneration`: an image the model generated (result inline or as a file id).
 * - `enteredReviewMode` / `exitedReviewMode`: a code review began or ended.
 * - `contextCompaction`: the conversation history was compacted.
 */
export type ThreadItem = {
  /**
   * When the item started, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  startedAtMs?: number | null;
  /**
   * When the item completed, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  completedAtMs?: number | null;
} & (
  | {
      type: 'userMessage';
      id: string;
      /** Identifier the client attached to the message, echoed back. */
      clientId: string | null;
      content: UserInput[];
    }
  | {
      type: 'hookPrompt';
      id: string;
      fragments: HookPromptFragment[];
    }
  | {
      type: 'agentMessage';
      id: string;
      text: string;
      /** Moderation outcome for this message, if it was moderated. */
      moderation: AgentMessageModeration | null;
      phase: MessagePhase | null;
      /** Memories the message drew on, if any. */
      memoryCitation: MemoryCitation | null;
      /** How the message is delivered; `async` for messages sent outside a turn's answer. */
      delivery: AgentMessageDelivery | null;
      /** Questions the agent asks the user without blocking the turn. */
      questions: AsyncUserInputQuestion[] | null;
    }
  | {
      type: 'functionCallOutput';
      id: string;
      /** Tool name the output belongs to. */
      name: string;
      /** Tool namespace, when the tool lives in one. */
      namespace: string | null;
      output: FunctionCallOutputBody;
    }
  | {
      type: 'plan';
      id: string;
      text: string;
    }
  | {
      type: 'reasoning';
      id: string;
      /**
       * Summary paragraphs of the reasoning; empty when there are none.
       * @default []
       */
      summary: string[];
      /**
       * Raw reasoning text blocks; empty when there are none.
       * @default []
       */
      content: string[];
    }
  | {
      type: 'commandExecution';
      id: string;
      /** First-party plugin the command belongs to, when it runs exactly one plugin script. */
      pluginId: string | null;
      /** Path of that plugin script relative to the plugin, when known. */
      scriptPath: string | null;
      /** The command line as it is run. */
      command: string;
      /** Directory the command runs in. */
      cwd: LegacyAppPathString;
      /** Id of the PTY process running the command, when there is one. */
      processId: string | null;
      /**
       * Who started the command (the agent unless a user or client ran it).
       * @default "agent"
       */
      source: CommandExecutionSource;
      status: CommandExecutionStatus;
      /**
       * Best-effort reading of what the command does; a pipeline may yield
       * several actions.
       */
      commandActions: CommandAction[];
      /** Combined stdout and stderr, once available. */
      aggregatedOutput: string | null;
      /**
       * Exit status, once the command has finished.
       * @format int32
       */
      exitCode: number | null;
      /**
       * How long the command ran, in milliseconds.
       * @format int64
       */
      durationMs: number | null;
    }
  | {
      type: 'fileChange';
      id: string;
      changes: FileUpdateChange[];
      status: PatchApplyStatus;
    }
  | {
      type: 'mcpToolCall';
      id: string;
      /** Name of the MCP server that owns the tool. */
      server: string;
      /** The environment whose registration of that server was called (where it was registered, not where it runs). */
      environmentId: string | null;
      tool: string;
      status: McpToolCallStatus;
      /** Arguments passed to the tool, as JSON. */
      arguments: JsonValue;
      /** App (connector) details when the tool belongs to an app. */
      appContext: McpToolCallAppContext | null;
      /**
       * Older way to name the app UI resource; prefer `mcpAppUi.resourceUri`.
       * @nullableInSchema
       */
      mcpAppResourceUri?: string;
      /** UI resource and display preference taken from the tool's descriptor. */
      mcpAppUi: McpAppUi | null;
      pluginId: string | null;
      /** Whether the tool declared itself read-only. */
      readOnlyHint: boolean | null;
      /** What the tool returned, on success. */
      result: McpToolCallResult | null;
      /** Why the call failed, on failure. */
      error: McpToolCallError | null;
      /**
       * How long the call took, in milliseconds.
       * @format int64
       */
      durationMs: number | null;
    }
  | {
      type: 'dynamicToolCall';
      id: string;
      namespace: string | null;
      tool: string;
      /** Arguments passed to the tool, as JSON. */
      arguments: JsonValue;
      status: DynamicToolCallStatus;
      /** Content the client returned for the call. */
      contentItems: DynamicToolCallOutputContentItem[] | null;
      /** Whether the client reported success. */
      success: boolean | null;
      /**
       * How long the call took, in milliseconds.
       * @format int64
       */
      durationMs: number | null;
    }
  | {
      type: 'collabAgentToolCall';
      /** Identifier of this tool call. */
      id: string;
      tool: CollabAgentTool;
      status: CollabAgentToolCallStatus;
      /** Thread of the agent that made the call. */
      senderThreadId: string;
      /** Threads of the agents the call targets; for a spawn, the new agent's thread. */
      receiverThreadIds: string[];
      /** Prompt sent with the call, when there is one. */
      prompt: string | null;
      /** Model asked for a spawned agent, when relevant. */
      model: string | null;
      /** Reasoning effort asked for a spawned agent, when relevant. */
      reasoningEffort: ReasoningEffort | null;
      /** Last known state of each target agent, keyed by thread id. */
      agentsStates: { [key: string]: CollabAgentState };
    }
  | {
      type: 'subAgentActivity';
      /** Model the sub-agent was created with, when known. */
      model: string | null;
      /** Reasoning effort the sub-agent was created with, when known. */
      reasoningEffort: ReasoningEffort | null;
      id: string;
      kind: SubAgentActivityKind;
      /** Thread of the sub-agent. */
      agentThreadId: string;
      /** The sub-agent's path in the agent tree. */
      agentPath: string;
    }
  | {
      type: 'webSearch';
      id: string;
      query: string;
      /** What the search did, when known. */
      action: WebSearchAction | null;
      /** Raw search results, when the server exposes them. */
      results: JsonValue[] | null;
    }
  | {
      type: 'imageView';
      id: string;
      path: LegacyAppPathString;
    }
  | {
      type: 'sleep';
      id: string;
      /**
       * How long the agent paused, in milliseconds.
       * @format uint64
       */
      durationMs: number;
    }
  | ({
      type: 'imageGeneration';
      id: string;
      /** Generation status as reported by the model provider. */
      status: string;
      /** Prompt the model actually used, if it rewrote the request. */
      revisedPrompt: string | null;
      /**
       * Where the image was saved locally, if it was.
       * @nullableInSchema
       */
      savedPath?: AbsolutePathBuf;
      /** Local images used as inputs to the generation. */
      inputImages?: ImageGenerationInputImage[];
      /** Why the generation failed, when it did. */
      failure: ImageGenerationFailure | null;
      /** Provider-side identifier of the generation. */
      generationId: string | null;
      /**
       * Whether a transparent background was requested.
       * @nullableInSchema
       */
      transparentBackground?: boolean;
    } & (
      | {
          /** Uploaded file holding the image. */
          fileId: string;
        }
      | {
          /** The image itself, inline. */
          result: string;
        }
    ))
  | {
      type: 'enteredReviewMode';
      id: string;
      /** What is being reviewed. */
      review: string;
    }
  | {
      type: 'exitedReviewMode';
      id: string;
      /** The review's outcome text. */
      review: string;
    }
  | {
      type: 'contextCompaction';
      id: string;
    }
);

/** A piece of text one hook run injected into the conversation. */
export interface HookPromptFragment {
  /** The hook run that produced the text. */
  hookRunId: string;
  text: string;
}

/** How an agent message reaches the user; `async` means outside the turn's main answer. */
export type AgentMessageDelivery = 'async';

/** Whether an agent message was moderated, and how to show it if so. */
export interface AgentMessageModeration {
  moderated: boolean;
  /** Presentation instruction for the moderated message. */
  display: AgentMessageDisplay | null;
}

/**
 * How a client should present a moderated agent message when replaying history, tagged by `mode`: `show` it
 * (possibly with an annotation), `hide` it behind a replacement, or `block` it for a stated reason. Every mode
 * carries the instruction's format `version` (today always 1).
 */
export type AgentMessageDisplay = AgentMessageDisplayShow | AgentMessageDisplayHide | AgentMessageDisplayBlock;

/** Show the answer as it is. */
interface AgentMessageDisplayShow {
  mode: 'show';
  /**
   * Format version of the instruction.
   * @format uint8
   */
  version: 1;
  /**
   * Something to show alongside the answer, if anything.
   * @nullableInSchema
   */
  annotation?: AnswerAnnotation;
  trustedContacts: TrustedContacts;
}

/** Hide the answer and show a replacement instead. */
interface AgentMessageDisplayHide {
  mode: 'hide';
  /**
   * Format version of the instruction.
   * @format uint8
   */
  version: 1;
  replacement: AnswerReplacement;
}

/** Do not show the answer; `reason` says why. */
interface AgentMessageDisplayBlock {
  mode: 'block';
  /**
   * Format version of the instruction.
   * @format uint8
   */
  version: 1;
  reason: BlockReason;
}

/** Whether the client should check the user's trusted contacts before showing an answer, or skip that. */
export type TrustedContacts = 'check' | 'skip';

/** Whom a wellbeing helpline note is about: the model's answer or the user's prompt. */
export type HelplineSubject = 'answer' | 'prompt';

/** A note shown next to an answer, tagged by `kind`; today only a wellbeing helpline pointer. */
export type AnswerAnnotation = { kind: 'wellbeingHelpline'; subject: HelplineSubject };

/** What is shown instead of a hidden answer, tagged by `kind`; today only a wellbeing helpline message. */
export type AnswerReplacement = { kind: 'wellbeingPromptHelpline' };

/**
 * Why an answer is blocked, tagged by `kind`: a `protection` rule (named by `protectionType`, the same
 * moderation record the live path writes) or the `cyber` policy (with whether trusted access applied).
 */
export type BlockReason =
  | { kind: 'protection'; protectionType: string }
  | {
      kind: 'cyber';
      /** @nullableInSchema */
      trustedAccess?: boolean;
    };

/**
 * A question the agent asks the user without blocking, optionally with
 * answer choices.
 * @additionalProperties false
 */
export interface AsyncUserInputQuestion {
  title: string;
  /** Suggested answers, if the question has a fixed set. */
  options: string[] | null;
}

/** The memories an agent message relied on. */
export interface MemoryCitation {
  /** The cited memory passages. */
  entries: MemoryCitationEntry[];
  /** Threads the cited memories came from. */
  threadIds: string[];
}

/** One cited memory passage: a line range in a memory file plus a note. */
export interface MemoryCitationEntry {
  /** Memory file holding the passage. */
  path: string;
  /**
   * First line of the passage.
   * @format uint32
   */
  lineStart: number;
  /**
   * Last line of the passage.
   * @format uint32
   */
  lineEnd: number;
  /** Why the passage was cited. */
  note: string;
}

/**
 * The output a client hands back for a tool call: either plain text or a list
 * of content items.
 */
export type FunctionCallOutputBody = string | FunctionCallOutputContentItem[];

/**
 * One content item of a tool call's output, in the model API's snake_case
 * shape, tagged by `type`: `input_text`, `input_image` (by `image_url` or
 * `file_id`), `input_audio` (by `audio_url` or `file_id`) or
 * `encrypted_content`.
 */
export type FunctionCallOutputContentItem =
  | { type: 'input_text'; text: string }
  | ({
      type: 'input_image';
      /**
       * Requested image detail; absent lets the server decide.
       * @nullableInSchema
       */
      detail?: ImageDetail;
    } & ({ image_url: string } | { file_id: string }))
  | ({ type: 'input_audio' } & ({ audio_url: string } | { file_id: string }))
  | { type: 'encrypted_content'; encrypted_content: string };

/** Who started a command: the agent, the user's shell, or a unified-exec session. */
export type CommandExecutionSource = 'agent' | 'userShell' | 'unifiedExecStartup' | 'unifiedExecInteraction';

/** Lifecycle state of a command execution item. */
export type CommandExecutionStatus = 'inProgress' | 'completed' | 'failed' | 'declined';

/**
 * What a command appears to do, tagged by `type`:
 *
 * - `read`: reads the file at `path` (`name` is its short name).
 * - `listFiles`: lists a directory.
 * - `search`: searches for `query` under `path`.
 * - `unknown`: anything else.
 *
 * `command` is always the part of the command line the action came from.
 */
export type CommandAction =
  | { type: 'read'; command: string; name: string; path: LegacyAppPathString }
  | { type: 'listFiles'; command: string; path: string | null }
  | { type: 'search'; command: string; query: string | null; path: string | null }
  | { type: 'unknown'; command: string };

/** One file touched by a patch. */
export interface FileUpdateChange {
  path: string;
  kind: PatchChangeKind;
  /** The change as a unified diff. */
  diff: string;
}

/**
 * How a patch touches a file, tagged by `type`: `add`, `delete`, or `update`
 * (with `move_path` set when the file is also renamed).
 */
export type PatchChangeKind =
  | { type: 'add' }
  | { type: 'delete' }
  | {
      type: 'update';
      /** New path, when the update also moves the file. */
      move_path: string | null;
    };

/** Lifecycle state of a file change item. */
export type PatchApplyStatus = 'inProgress' | 'completed' | 'failed' | 'declined';

/** Lifecycle state of an MCP tool call item. */
export type McpToolCallStatus = 'inProgress' | 'completed' | 'failed';

/** Details of the app (connector) an MCP tool call belongs to. */
export interface McpToolCallAppContext {
  connectorId: string;
  appName: string | null;
  actionName: string | null;
  linkId: string | null;
  resourceUri: string | null;
}

/** How an MCP app's UI should be shown when the model invokes it. */
export type McpAppDisplayMode = 'inline' | 'fullscreen';

/** The UI resource of an MCP app tool and how the model prefers it displayed. */
export interface McpAppUi {
  resourceUri: string;
  preferredModelDisplayMode: McpAppDisplayMode;
}

/** What an MCP tool returned: its content blocks plus optional structured data. */
export interface McpToolCallResult {
  /** Content blocks, as the MCP server sent them. */
  content: JsonValue[];
  /** Structured result, if the tool produced one. */
  structuredContent: JsonValue | null;
  /** MCP metadata attached to the result. */
  _meta: JsonValue | null;
}

/** Why an MCP tool call failed. */
export interface McpToolCallError {
  message: string;
}

/** Lifecycle state of a dynamic (client-provided) tool call item. */
export type DynamicToolCallStatus = 'inProgress' | 'completed' | 'failed';

/**
 * One content item a client returned for a dynamic tool call, tagged by
 * `type`: `inputText`, `inputImage` (by URL) or `inputAudio` (by URL).
 */
export type DynamicToolCallOutputContentItem =
  | { type: 'inputText'; text: string }
  | { type: 'inputImage'; imageUrl: string }
  | { type: 'inputAudio'; audioUrl: string };

/** Which multi-agent tool a collab tool call item used. */
export type CollabAgentTool =
  | 'spawnAgent'
  | 'sendInput'
  | 'resumeAgent'
  | 'wait'
  | 'closeAgent'
  | 'sendMessage'
  | 'followupTask'
  | 'interruptAgent'
  | 'listAgents';

/** Lifecycle state of a collab tool call item. */
export type CollabAgentToolCallStatus = 'inProgress' | 'completed' | 'failed' | 'interrupted';

/** The last known state of an agent targeted by a collab tool call. */
export interface CollabAgentState {
  status: CollabAgentStatus;
  /** Latest message from the agent, when there is one. */
  message: string | null;
}

/** What a collab agent is doing, or why it is not there. */
export type CollabAgentStatus =
  'pendingInit' | 'running' | 'interrupted' | 'completed' | 'errored' | 'shutdown' | 'notFound';

/** What happened to a sub-agent in a sub-agent activity item. */
export type SubAgentActivityKind = 'started' | 'interacted' | 'interrupted' | 'completed';

/**
 * What a web search call did, tagged by `type`: `search` (with the query or
 * queries), `openPage` (a URL), `findInPage` (a pattern in a URL) or `other`.
 */
export type WebSearchAction =
  | { type: 'search'; query: string | null; queries: string[] | null }
  | { type: 'openPage'; url: string | null }
  | { type: 'findInPage'; url: string | null; pattern: string | null }
  | { type: 'other' };

/** A local image file that was read as an input to an image generation. */
export interface ImageGenerationInputImage {
  path: AbsolutePathBuf;
  /** SHA-256 of the file's bytes as read, in lowercase hex. */
  sha256: string;
}

/**
 * Why an image generation failed, tagged by `type`. The only variant,
 * `usageLimitExceeded`, names the limit hit and when it resets.
 */
export type ImageGenerationFailure = {
  type: 'usageLimitExceeded';
  limitId: string;
  /**
   * When the limit resets, in seconds since the Unix epoch, if known.
   * @format int64
   */
  resetsAt: number | null;
};
