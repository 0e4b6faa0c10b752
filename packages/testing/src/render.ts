/**
 * Turns script steps into the notifications and requests the fake sends.
 * Pure functions of a step and a turn context, so the same code renders a
 * step when it runs and when a script is checked up front.
 * @module
 */
import type { AgentMessageStep, ItemStep, JsonObject, JsonValue, TokenUsageStep } from './script.js';

/** Ids and counters of the turn a step runs in. */
export interface TurnContext {
  threadId: string;
  turnId: string;
  /** Id of the item most recently started (`${itemId}`). */
  itemId: string;
  /** Items started so far in this connection (shared by its turns), for default ids. */
  counter: { items: number };
  usage: { input: number; output: number; cached: number; reasoning: number };
  now(): number;
}

/** A notification to send. */
export interface OutNotification {
  method: string;
  params: JsonValue | undefined;
}

/** Replaces `${threadId}`, `${turnId}` and `${itemId}` in every string of `value`. */
export function substitute(value: JsonValue, ctx: TurnContext): JsonValue {
  if (typeof value === 'string') {
    return value.replace(/\$\{(threadId|turnId|itemId)\}/g, (_, name: 'threadId' | 'turnId' | 'itemId') => ctx[name]);
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, ctx));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, ctx);
    return out;
  }
  return value;
}

function substituteObject(value: JsonObject, ctx: TurnContext): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = substitute(v, ctx);
  return out;
}

/** `item/started` for an item. */
export function itemStarted(item: JsonObject, ctx: TurnContext): OutNotification {
  const startedAtMs = ctx.now();
  return {
    method: 'item/started',
    params: {
      item: { ...item, startedAtMs, completedAtMs: null },
      threadId: ctx.threadId,
      turnId: ctx.turnId,
      startedAtMs,
    },
  };
}

/** `item/completed` for an item. */
export function itemCompleted(item: JsonObject, ctx: TurnContext): OutNotification {
  const completedAtMs = ctx.now();
  return {
    method: 'item/completed',
    params: {
      item: { startedAtMs: completedAtMs, ...item, completedAtMs },
      threadId: ctx.threadId,
      turnId: ctx.turnId,
      completedAtMs,
    },
  };
}

/** Starts an item: picks its id, returns the item with placeholders replaced. */
export function beginItem(raw: JsonObject, ctx: TurnContext): JsonObject {
  ctx.counter.items++;
  const id = typeof raw['id'] === 'string' ? raw['id'] : `item_${ctx.counter.items}`;
  ctx.itemId = id;
  return { ...substituteObject(raw, ctx), id };
}

/** A delta notification of an item step: params get threadId/turnId/itemId unless set. */
export function itemDelta(delta: { method: string; params: JsonObject }, ctx: TurnContext): OutNotification {
  return {
    method: delta.method,
    params: { threadId: ctx.threadId, turnId: ctx.turnId, itemId: ctx.itemId, ...substituteObject(delta.params, ctx) },
  };
}

/** Splits text into word deltas (`"a b c"` → `"a"`, `" b"`, `" c"`). */
export function wordChunks(text: string): string[] {
  const chunks = text.match(/\s*\S+|\s+$/g);
  return chunks ?? [text];
}

/** The item, deltas and completed item of an agent message step. */
export function agentMessageParts(
  step: AgentMessageStep,
  ctx: TurnContext,
): {
  started: JsonObject;
  deltas: Array<{ method: string; params: JsonObject }>;
  completed: JsonObject;
} {
  const base: JsonObject = {
    type: 'agentMessage',
    moderation: null,
    text: '',
    phase: null,
    memoryCitation: null,
    delivery: null,
    questions: null,
  };
  const started = beginItem({ ...base, id: step.id ?? `msg_${ctx.counter.items + 1}` }, ctx);
  const chunks = step.chunks ?? wordChunks(step.text);
  return {
    started,
    deltas: chunks.map((delta) => ({ method: 'item/agentMessage/delta', params: { delta } })),
    completed: { ...started, text: step.text },
  };
}

/** `item/started` → deltas → `item/completed` of an item step (without its requests). */
export function itemParts(step: ItemStep, ctx: TurnContext): { started: JsonObject; completed: JsonObject } {
  const started = beginItem(step.item, ctx);
  const completed = step.completedItem
    ? { ...substituteObject(step.completedItem, ctx), id: started['id'] ?? null }
    : started;
  return { started, completed };
}

/** `thread/tokenUsage/updated`, adding the step's counts to the running totals. */
export function tokenUsage(step: TokenUsageStep, ctx: TurnContext): OutNotification {
  const cached = step.cachedInputTokens ?? 0;
  const reasoning = step.reasoningOutputTokens ?? 0;
  ctx.usage.input += step.inputTokens;
  ctx.usage.output += step.outputTokens;
  ctx.usage.cached += cached;
  ctx.usage.reasoning += reasoning;
  const last = {
    totalTokens: step.inputTokens + step.outputTokens,
    inputTokens: step.inputTokens,
    cachedInputTokens: cached,
    cacheWriteInputTokens: 0,
    outputTokens: step.outputTokens,
    reasoningOutputTokens: reasoning,
  };
  const total = {
    totalTokens: ctx.usage.input + ctx.usage.output,
    inputTokens: ctx.usage.input,
    cachedInputTokens: ctx.usage.cached,
    cacheWriteInputTokens: 0,
    outputTokens: ctx.usage.output,
    reasoningOutputTokens: ctx.usage.reasoning,
  };
  return {
    method: 'thread/tokenUsage/updated',
    params: {
      threadId: ctx.threadId,
      turnId: ctx.turnId,
      tokenUsage: { total, last, modelContextWindow: step.modelContextWindow ?? null },
    },
  };
}

/** The `error` notification. */
export function errorNotification(message: string, willRetry: boolean, ctx: TurnContext): OutNotification {
  return {
    method: 'error',
    params: {
      error: { message, codexErrorInfo: null, additionalDetails: null },
      threadId: ctx.threadId,
      turnId: ctx.turnId,
      willRetry,
    },
  };
}
