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
      /** @nullableInSchema */
      id?: string;
      role: string;
      /** Tool definitions, in the model API's JSON shape. */
      tools: JsonValue[];
    }
  | {
      type: 'message';
      /** @nullableInSchema */
      id?: string;
      /** Who wrote the message (`user`, `assistant`, `developer`, ...). */
      role: string;
      content: ContentItem[];
      /** @nullableInSchema */
      status?: string;
      /** @nullableInSchema */
      phase?: MessagePhase;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'agent_message';
      /** @nullableInSchema */
      id?: string;
      author: string;
      recipient: string;
      content: AgentMessageInputContent[];
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'reasoning';
      /** @nullableInSchema */
      id?: string;
      summary: ReasoningItemReasoningSummary[];
      /**
       * The full reasoning, when the model exposes it.
       * @nullableInSchema
       */
      content?: ReasoningItemContent[];
      encrypted_content: string | null;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'local_shell_call';
      /**
       * Kept for older payloads.
       * @nullableInSchema
       */
      id?: string;
      /** Call id, set by the Responses API. */
      call_id: string | null;
      status: LocalShellStatus;
      action: LocalShellAction;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'function_call';
      /** @nullableInSchema */
      id?: string;
      call_id: string;
      name: string;
      /** @nullableInSchema */
      namespace?: string;
      /** The arguments as a JSON string. */
      arguments: string;
      /** @nullableInSchema */
      encrypted_function_args?: string[];
      /** @nullableInSchema */
      status?: string;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'tool_search_call';
      /** @nullableInSchema */
      id?: string;
      call_id: string | null;
      execution: string;
      /** The search arguments, any JSON value. */
      arguments: JsonValue;
      /** @nullableInSchema */
      status?: string;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'function_call_output';
      /** @nullableInSchema */
      id?: string;
      /** @nullableInSchema */
      call_id?: string;
      /** @nullableInSchema */
      name?: string;
      /** @nullableInSchema */
      namespace?: string;
      output: FunctionCallOutputBody;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'custom_tool_call';
      /** @nullableInSchema */
      id?: string;
      call_id: string;
      name: string;
      /** @nullableInSchema */
      namespace?: string;
      /** The raw input the model wrote for the tool. */
      input: string;
      /** @nullableInSchema */
      status?: string;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'custom_tool_call_output';
      /** @nullableInSchema */
      id?: string;
      call_id: string;
      /** @nullableInSchema */
      name?: string;
      output: FunctionCallOutputBody;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'tool_search_output';
      /** @nullableInSchema */
      id?: string;
      call_id: string | null;
      execution: string;
      status: string;
      /** Tools found, in the model API's JSON shape. */
      tools: JsonValue[];
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'web_search_call';
      /** @nullableInSchema */
      id?: string;
      /** @nullableInSchema */
      status?: string;
      /** @nullableInSchema */
      action?: ResponsesApiWebSearchAction;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'image_generation_call';
      /** @nullableInSchema */
      id?: string;
      status: string;
      /** @nullableInSchema */
      revised_prompt?: string;
      /** The generated image, as the model API returns it. */
      result: string;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      type: 'compaction';
      /** @nullableInSchema */
      id?: string;
      encrypted_content: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
    }
  | {
      /** A settings change the backend applies from this point of the history on. */
      type: 'configuration_update';
      reasoning: ConfigurationReasoning;
    }
  | { type: 'compaction_trigger' }
  | {
      type: 'context_compaction';
      /** @nullableInSchema */
      id?: string;
      /** @nullableInSchema */
      encrypted_content?: string;
      /** @nullableInSchema */
      internal_chat_message_metadata_passthrough?: InternalChatMessageMetadataPassthrough;
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
      /**
       * Requested image detail; absent or `null` lets the server decide.
       * @nullableInSchema
       */
      detail?: ImageDetail;
    } & ({ image_url: string } | { file_id: string }))
  | ({ type: 'input_audio' } & ({ audio_url: string } | { file_id: string }))
  | {
      type: 'output_text';
      text: string;
      /**
       * Annotations the model attached, in the model API's JSON shape.
       * @nullableInSchema
       */
      annotations?: JsonValue[];
      /**
       * Token log-probabilities, in the model API's JSON shape.
       * @nullableInSchema
       */
      logprobs?: JsonValue[];
    };

/** One part of an agent-to-agent message, tagged by `type`: plain `input_text` or `encrypted_content`. */
export type AgentMessageInputContent =
  { type: 'input_text'; text: string } | { type: 'encrypted_content'; encrypted_content: string };

/** Opaque metadata the model API passes through into chat messages; do not change its shape. */
export interface InternalChatMessageMetadataPassthrough {
  /** @nullableInSchema */
  turn_id?: string;
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
  | {
      type: 'search';
      /** @nullableInSchema */
      query?: string;
      /** @nullableInSchema */
      queries?: string[];
    }
  | {
      type: 'open_page';
      /** @nullableInSchema */
      url?: string;
    }
  | {
      type: 'find_in_page';
      /** @nullableInSchema */
      url?: string;
      /** @nullableInSchema */
      pattern?: string;
    }
  | { type: 'other' };

/** Reasoning settings of a configuration update, applied by the backend to the model it routes to. */
export interface ConfigurationReasoning {
  effort: ReasoningEffort;
}
