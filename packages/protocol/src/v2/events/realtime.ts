/**
 * Thread-scoped realtime (voice or text) sessions: the requests that start,
 * feed and stop them, and the notifications the server streams back.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { ThreadRealtimeItem } from '../projects/index.js';

/** Who a piece of conversation text is attributed to. */
export type ConversationTextRole = 'user' | 'developer' | 'assistant';

/** Which generation of the realtime conversation protocol a session speaks. */
export type RealtimeConversationVersion = 'v1' | 'v2' | 'v3';

/** What the realtime model answers with: text or audio. */
export type RealtimeOutputModality = 'text' | 'audio';

/** A voice the realtime model can speak with. */
export type RealtimeVoice =
  | 'alloy'
  | 'arbor'
  | 'ash'
  | 'aube'
  | 'ballad'
  | 'breeze'
  | 'bubbie'
  | 'cedar'
  | 'coral'
  | 'cove'
  | 'echo'
  | 'ember'
  | 'haetsal'
  | 'hanul'
  | 'himari'
  | 'juniper'
  | 'leher'
  | 'maple'
  | 'marin'
  | 'miko'
  | 'neer'
  | 'porto'
  | 'rindo'
  | 'rio'
  | 'rivage'
  | 'sage'
  | 'selva'
  | 'shimmer'
  | 'sol'
  | 'sonna'
  | 'spruce'
  | 'tinta'
  | 'vale'
  | 'verse'
  | 'viola';

/** The voices on offer for each realtime protocol version, with the default for the older ones. */
export interface RealtimeVoicesList {
  /** The voice used by default with protocol `v1`. */
  defaultV1: RealtimeVoice;
  /** The voice used by default with protocol `v2`. */
  defaultV2: RealtimeVoice;
  /** Voices available with protocol `v1`. */
  v1: RealtimeVoice[];
  /** Voices available with protocol `v2`. */
  v2: RealtimeVoice[];
  /**
   * Voices available with protocol `v3`; older servers leave it out.
   * @default []
   */
  v3?: RealtimeVoice[];
}

/** How automatic answers from the Codex agent are handed to the realtime model. */
export type CodexResponseHandoffMode = 'thinking' | 'commentary' | 'bemTags';

/** A text item placed in the realtime session's history before it starts. */
export interface ThreadRealtimeInitialItem {
  role: ConversationTextRole;
  /** The item's text. */
  text: string;
}

/** Audio over the app-server connection (the server relays it through a websocket). */
interface WebsocketThreadRealtimeStartTransport {
  type: 'websocket';
}

/** A WebRTC connection set up from the client's SDP offer. */
interface WebrtcThreadRealtimeStartTransport {
  /** The client's SDP offer. */
  sdp: string;
  type: 'webrtc';
}

/** Attach to a realtime call that already exists. */
interface ExistingCallThreadRealtimeStartTransport {
  /** Identifier of the existing call. */
  callId: string;
  type: 'existingCall';
}

/** How the client connects its audio to a realtime session. */
export type ThreadRealtimeStartTransport =
  WebsocketThreadRealtimeStartTransport | WebrtcThreadRealtimeStartTransport | ExistingCallThreadRealtimeStartTransport;

/**
 * A chunk of PCM audio, base64-encoded, going to or coming from a realtime session.
 */
export interface ThreadRealtimeAudioChunk {
  /** The audio samples, base64-encoded. */
  data: string;
  /** The realtime item the audio belongs to, when known. */
  itemId: string | null;
  /**
   * Number of interleaved channels.
   * @format uint16
   */
  numChannels: number;
  /**
   * Samples per second.
   * @format uint32
   */
  sampleRate: number;
  /**
   * Samples in each channel of this chunk, when known.
   * @format uint32
   */
  samplesPerChannel: number | null;
}

/**
 * Params of `thread/realtime/start`: open a realtime session attached to a thread.
 * @experimental
 */
export interface ThreadRealtimeStartParams {
  /** Pass reasoning summaries to the realtime model as background context (protocol `v3`). Off when left out. */
  backendReasoningStatus?: boolean;
  /** Let the client forward Codex answers itself, through the append requests, instead of the server doing it. */
  clientManagedHandoffs?: boolean | null;
  /** Replacement prefixes for handoff channels, keyed by channel (`analysis`, `commentary`, `final`). */
  codexResponseHandoffChannelPrefixes?: { [channel: string]: string[] } | null;
  /** How automatic Codex answers are routed; the server's default applies when left out. */
  codexResponseHandoffMode?: CodexResponseHandoffMode | null;
  /** Text put in front of Codex answers that are sent as conversation items. */
  codexResponseItemPrefix?: string | null;
  /** Send Codex answers to the realtime model as conversation items rather than handoffs. */
  codexResponsesAsItems?: boolean | null;
  /** Whether a delegation to Codex makes the realtime model say a short acknowledgement. */
  delegationAckFiller?: boolean | null;
  /** Pass whatever transcript is left when the session ends on to Codex. */
  flushTranscriptTailOnSessionEnd?: boolean | null;
  /** `false` starts the session without Codex's startup context; it is included otherwise. */
  includeStartupContext?: boolean | null;
  /** Text items to seed the session history with (protocol `v3` only). */
  initialItems?: ThreadRealtimeInitialItem[] | null;
  /** A realtime model to use for this session instead of the configured one. */
  model?: string | null;
  /** Whether the model answers with text or audio. */
  outputModality: RealtimeOutputModality;
  /** Instructions for the realtime model. */
  prompt?: string | null;
  /** Instructions handed to the Codex agent when the session ends. */
  realtimeEndInstructions?: string | null;
  /** Identifier of a realtime session to resume. */
  realtimeSessionId?: string | null;
  /** Instructions handed to the Codex agent when the session starts. */
  realtimeStartInstructions?: string | null;
  /** The thread the session belongs to. */
  threadId: string;
  /** How the client connects audio; the server's default when left out. */
  transport?: ThreadRealtimeStartTransport | null;
  /** A protocol version to use for this session instead of the configured one. */
  version?: RealtimeConversationVersion | null;
  /** The voice to speak with. */
  voice?: RealtimeVoice | null;
  /** The client's own identifier for the voice session (not the realtime session id). */
  voiceSessionId?: string | null;
}

/**
 * Result of `thread/realtime/start` (an empty object; progress arrives as notifications).
 * @experimental
 */
export interface ThreadRealtimeStartResponse {}

/**
 * Params of `thread/realtime/appendAudio`: send microphone audio to the session.
 * @experimental
 */
export interface ThreadRealtimeAppendAudioParams {
  audio: ThreadRealtimeAudioChunk;
  /** The thread whose realtime session receives the audio. */
  threadId: string;
}

/**
 * Result of `thread/realtime/appendAudio` (an empty object).
 * @experimental
 */
export interface ThreadRealtimeAppendAudioResponse {}

/**
 * Params of `thread/realtime/appendText`: add a text message to the session.
 * @experimental
 */
export interface ThreadRealtimeAppendTextParams {
  /**
   * Who the text is attributed to; `user` when left out.
   * @default "user"
   */
  role?: ConversationTextRole;
  /** The text to add. */
  text: string;
  /** The thread whose realtime session receives the text. */
  threadId: string;
}

/**
 * Result of `thread/realtime/appendText` (an empty object).
 * @experimental
 */
export interface ThreadRealtimeAppendTextResponse {}

/**
 * Params of `thread/realtime/appendSpeech`: have the realtime model say the given text.
 * @experimental
 */
export interface ThreadRealtimeAppendSpeechParams {
  /** The text to be spoken. */
  text: string;
  /** The thread whose realtime session speaks. */
  threadId: string;
}

/**
 * Result of `thread/realtime/appendSpeech` (an empty object).
 * @experimental
 */
export interface ThreadRealtimeAppendSpeechResponse {}

/**
 * Params of `thread/realtime/stop`: close the thread's realtime session.
 * @experimental
 */
export interface ThreadRealtimeStopParams {
  /** The thread whose realtime session is closed. */
  threadId: string;
}

/**
 * Result of `thread/realtime/stop` (an empty object).
 * @experimental
 */
export interface ThreadRealtimeStopResponse {}

/**
 * Params of `thread/realtime/listVoices` (an empty object).
 * @experimental
 */
export interface ThreadRealtimeListVoicesParams {}

/**
 * Result of `thread/realtime/listVoices`.
 * @experimental
 */
export interface ThreadRealtimeListVoicesResponse {
  voices: RealtimeVoicesList;
}

/** Sent once a thread's realtime session is up. */
export interface ThreadRealtimeStartedNotification {
  /** The backend's identifier of the session, when it gave one. */
  realtimeSessionId: string | null;
  /** The thread the session belongs to. */
  threadId: string;
  /** The protocol version the session speaks. */
  version: RealtimeConversationVersion;
}

/** Relays a non-audio item from the realtime backend as it arrived, unparsed. */
export interface ThreadRealtimeItemAddedNotification {
  /** The backend's item, as raw JSON. */
  item: JsonValue;
  /** The thread the session belongs to. */
  threadId: string;
}

/** Sent when an item of the realtime conversation starts. */
export interface ThreadRealtimeItemStartedNotification {
  item: ThreadRealtimeItem;
  /** The thread the session belongs to. */
  threadId: string;
}

/** A new piece of the transcript of one realtime item. */
export interface ThreadRealtimeItemTranscriptDeltaNotification {
  /** The text added to the transcript. */
  delta: string;
  /** The item the transcript belongs to. */
  itemId: string;
  /** The thread the session belongs to. */
  threadId: string;
}

/** Sent when an item of the realtime conversation is finished. */
export interface ThreadRealtimeItemCompletedNotification {
  item: ThreadRealtimeItem;
  /** The thread the session belongs to. */
  threadId: string;
}

/** A new piece of the session transcript for one speaker. */
export interface ThreadRealtimeTranscriptDeltaNotification {
  /** The text added to the transcript. */
  delta: string;
  /** The speaker (for example `user` or `assistant`). */
  role: string;
  /** The thread the session belongs to. */
  threadId: string;
}

/** The complete transcript of one speaker's turn in the session. */
export interface ThreadRealtimeTranscriptDoneNotification {
  /** The speaker (for example `user` or `assistant`). */
  role: string;
  /** The full text. */
  text: string;
  /** The thread the session belongs to. */
  threadId: string;
}

/** A chunk of audio the realtime model produced. */
export interface ThreadRealtimeOutputAudioDeltaNotification {
  audio: ThreadRealtimeAudioChunk;
  /** The thread the session belongs to. */
  threadId: string;
}

/** The server's SDP answer for a WebRTC realtime session. */
export interface ThreadRealtimeSdpNotification {
  /** The SDP answer. */
  sdp: string;
  /** The thread the session belongs to. */
  threadId: string;
}

/** Reports an error in the realtime session. */
export interface ThreadRealtimeErrorNotification {
  /** What went wrong. */
  message: string;
  /** The thread the session belongs to. */
  threadId: string;
}

/** Sent when the thread's realtime session has ended. */
export interface ThreadRealtimeClosedNotification {
  /** Why it ended, when known. */
  reason: string | null;
  /** The thread the session belonged to. */
  threadId: string;
}
