/**
 * Model API (Responses API) history items, in their snake_case wire shape. Clients meet them when they hand a history
 * to `thread/resume`.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { ImageDetail } from '../input.js';
import type { FunctionCallOutputBody } from '../items.js';
import type { MessagePhase, ReasoningEffort } from '../model.js';

/**
 * One item of model API history, tagged by `type`: messages, agent-to-agent messages, reasoning, tool calls and their
 * outputs (function, custom, local shell, tool search, web search, image generation), compaction records,
 * configuration updates and `other` for anything unrecognised.
 */
export type ResponseItem =
  | {
      type: 'additional_tools';
      id?: string | null;
      role: string;
      /** Tool definitions, in the model API's JSON shape. */
      tools: JsonValue[];
    }
  | {
      type: 'message';
      id?: string | null;
      /** Who wrote the message (`user`, `assistant`, `developer`, ...). */
      role: string;
      content: ContentItem[];
      status?: string | null;
      phase?: MessagePhase | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'agent_message';
      id?: string | null;
      author: string;
      recipient: string;
      content: AgentMessageInputContent[];
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'reasoning';
      id?: string | null;
      summary: ReasoningItemReasoningSummary[];
      /** The full reasoning, when the model exposes it. */
      content?: ReasoningItemContent[] | null;
      encrypted_content: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'local_shell_call';
      /** Kept for older payloads. */
      id?: string | null;
      /** Call id, set by the Responses API. */
      call_id: string | null;
      status: LocalShellStatus;
      action: LocalShellAction;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'function_call';
      id?: string | null;
      call_id: string;
      name: string;
      namespace?: string | null;
      /** The arguments as a JSON string. */
      arguments: string;
      encrypted_function_args?: string[] | null;
      status?: string | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'tool_search_call';
      id?: string | null;
      call_id: string | null;
      execution: string;
      /** The search arguments, any JSON value. */
      arguments: JsonValue;
      status?: string | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'function_call_output';
      id?: string | null;
      call_id?: string | null;
      name?: string | null;
      namespace?: string | null;
      output: FunctionCallOutputBody;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'custom_tool_call';
      id?: string | null;
      call_id: string;
      name: string;
      namespace?: string | null;
      /** The raw input the model wrote for the tool. */
      input: string;
      status?: string | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'custom_tool_call_output';
      id?: string | null;
      call_id: string;
      name?: string | null;
      output: FunctionCallOutputBody;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'tool_search_output';
      id?: string | null;
      call_id: string | null;
      execution: string;
      status: string;
      /** Tools found, in the model API's JSON shape. */
      tools: JsonValue[];
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'web_search_call';
      id?: string | null;
      status?: string | null;
      action?: ResponsesApiWebSearchAction | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'image_generation_call';
      id?: string | null;
      status: string;
      revised_prompt?: string | null;
      /** The generated image, as the model API returns it. */
      result: string;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      type: 'compaction';
      id?: string | null;
      encrypted_content: string;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | {
      /** A settings change the backend applies from this point of the history on. */
      type: 'configuration_update';
      reasoning: ConfigurationReasoning;
    }
  | { type: 'compaction_trigger' }
  | {
      type: 'context_compaction';
      id?: string | null;
      encrypted_content?: string | null;
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough | null;
    }
  | { type: 'other' };

/**
 * One part of a message's content, tagged by `type`: `input_text`, `input_image` (by `image_url` or `file_id`),
 * `input_audio` (by `audio_url` or `file_id`) or `output_text`.
 */
export type ContentItem =
  | { type: 'input_text'; text: string }
  | ({
      type: 'input_image';
      /** Requested image detail; absent or `null` lets the server decide. */
      detail?: ImageDetail | null;
    } & ({ image_url: string } | { file_id: string }))
  | ({ type: 'input_audio' } & ({ audio_url: string } | { file_id: string }))
  | {
      type: 'output_text';
      text: string;
      /** Annotations the model attached, in the model API's JSON shape. */
      annotations?: JsonValue[] | null;
      /** Token log-probabilities, in the model API's JSON shape. */
      logprobs?: JsonValue[] | null;
    };

/** One part of an agent-to-agent message, tagged by `type`: plain `input_text` or `encrypted_content`. */
export type AgentMessageInputContent =
  { type: 'input_text'; text: string } | { type: 'encrypted_content'; encrypted_content: string };

/** Opaque metadata the model API passes through into chat messages; do not change its shape. */
export interface InternalChatMessageMetadataPassthrough {
  turn_id?: string | null;
}

/** One part of a reasoning item's full content, tagged by `type`: `reasoning_text` or `text`. */
export type ReasoningItemContent = { type: 'reasoning_text'; text: string } | { type: 'text'; text: string };

/** One part of a reasoning item's summary, tagged by `type` (only `summary_text`). */
export type ReasoningItemReasoningSummary = { type: 'summary_text'; text: string };

/** Lifecycle state of a local shell call. */
export type LocalShellStatus = 'completed' | 'in_progress' | 'incomplete';

/** What a local shell call does, tagged by `type` (only `exec`: run a command). */
export type LocalShellAction = {
  type: 'exec';
  /** The program and its arguments. */
  command: string[];
  /**
   * Time limit in milliseconds.
   * @format uint64
   */
  timeout_ms: number | null;
  working_directory: string | null;
  /** Extra environment variables. */
  env: { [key: string]: string } | null;
  /** User to run the command as. */
  user: string | null;
};

/**
 * What a model API web search call did, tagged by `type`: `search`, `open_page`, `find_in_page` or `other`.
 */
export type ResponsesApiWebSearchAction =
  | { type: 'search'; query?: string | null; queries?: string[] | null }
  | { type: 'open_page'; url?: string | null }
  | { type: 'find_in_page'; url?: string | null; pattern?: string | null }
  | { type: 'other' };

/** Reasoning settings of a configuration update, applied by the backend to the model it routes to. */
export interface ConfigurationReasoning {
  effort: ReasoningEffort;
}
