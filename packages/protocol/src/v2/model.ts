/**
 * Model-facing knobs shared by threads, turns and items: reasoning effort and
 * summaries, personality, and the phase tag on assistant messages.
 * @module
 */

/**
 * How hard the model should think before answering. The set of accepted values
 * is advertised per model by the server, so this is an open string; it is
 * never empty.
 * @minLength 1
 */
export type ReasoningEffort = string;

/**
 * How much of the model's reasoning is summarized back to the client:
 * `auto`, `concise` or `detailed`, or `none` to switch summaries off.
 */
export type ReasoningSummary = 'auto' | 'concise' | 'detailed' | 'none';

/**
 * The conversational style requested for the agent. `friendly` and
 * `pragmatic` are still accepted on the wire but no longer change anything.
 */
export type Personality = 'none' | 'friendly' | 'pragmatic';

/**
 * Where an assistant message sits in the agent's answer: interim
 * `commentary`, a `partial_answer`, or the `final_answer`.
 */
export type MessagePhase = 'commentary' | 'partial_answer' | 'final_answer';
