/**
 * Test helper: typed builders for the server-sent shapes the state tests use.
 * Each fills every field the real server always sends, with the values it
 * sends when the field has nothing to say (`null`, `[]`), as in the recorded
 * transcripts in `test/fixtures/state/`. Callers give only what a test is about.
 */
import type { Thread, ThreadItem, ThreadTokenUsage, TokenUsageBreakdown, Turn } from '@cask/protocol';

/** The `ThreadItem` variant with the given `type`. */
export type ItemOf<K extends ThreadItem['type']> = Extract<ThreadItem, { type: K }>;

/** Fields a builder requires, plus any other field of the shape to override its default. */
type Build<T, Required extends keyof T> = Pick<T, Required> & Partial<Omit<T, Required | 'type'>>;

/** A `userMessage` item; `text` becomes one text input, as a typed prompt does. */
export function userMessage(
  fields: { id: string; text?: string } & Partial<Omit<ItemOf<'userMessage'>, 'type' | 'id'>>,
): ItemOf<'userMessage'> {
  const { text, ...rest } = fields;
  return {
    type: 'userMessage',
    clientId: null,
    content: text === undefined ? [] : [{ type: 'text', text, text_elements: [] }],
    ...rest,
  };
}

/** An `agentMessage` item: no moderation, phase, citation, delivery mode or questions. */
export function agentMessage(fields: Build<ItemOf<'agentMessage'>, 'id' | 'text'>): ItemOf<'agentMessage'> {
  return {
    type: 'agentMessage',
    moderation: null,
    phase: null,
    memoryCitation: null,
    delivery: null,
    questions: null,
    ...fields,
  };
}

/** A `commandExecution` item: no plugin, script or process; no output, exit code or duration yet. */
export function commandExecution(
  fields: Build<ItemOf<'commandExecution'>, 'id' | 'command' | 'cwd' | 'status'>,
): ItemOf<'commandExecution'> {
  return {
    type: 'commandExecution',
    pluginId: null,
    scriptPath: null,
    processId: null,
    source: 'agent',
    commandActions: [],
    aggregatedOutput: null,
    exitCode: null,
    durationMs: null,
    ...fields,
  };
}

/**
 * A turn. `rootTurnId` defaults to the turn's own id (a turn that starts its
 * own chain of work, as every recorded turn does); `itemsView` to `full`.
 */
export function turn(fields: Build<Turn, 'id' | 'status'>): Turn {
  return {
    items: [],
    itemsView: 'full',
    error: null,
    startedAt: null,
    completedAt: null,
    durationMs: null,
    rootTurnId: fields.id,
    ...fields,
  };
}

/** A thread record: idle, loaded from a local app-server session, with no turns unless given. */
export function thread(fields: Build<Thread, 'id'>): Thread {
  return {
    sessionId: fields.id,
    forkedFromId: null,
    parentThreadId: null,
    preview: '',
    ephemeral: false,
    model: null,
    modelProvider: 'p',
    reasoningEffort: null,
    createdAt: 0,
    updatedAt: 0,
    recencyAt: null,
    status: { type: 'idle' },
    path: null,
    cwd: '/w',
    cliVersion: '0',
    source: 'appServer',
    originator: null,
    threadSource: null,
    agentNickname: null,
    agentRole: null,
    gitInfo: null,
    name: null,
    projectId: null,
    section: null,
    sectionEnteredAt: null,
    historyMode: 'legacy',
    turns: [],
    attachedToThreadId: null,
    canAcceptDirectInput: null,
    daybreakEnabled: null,
    environments: null,
    extra: null,
    ...fields,
  };
}

/** A token breakdown: every count 0 unless given. */
export function usage(fields: Partial<TokenUsageBreakdown> = {}): TokenUsageBreakdown {
  return {
    totalTokens: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteInputTokens: 0,
    outputTokens: 0,
    reasoningOutputTokens: 0,
    ...fields,
  };
}

/** A `thread/tokenUsage/updated` payload; the context window is unknown unless given. */
export function tokenUsage(fields: Build<ThreadTokenUsage, 'total' | 'last'>): ThreadTokenUsage {
  return { modelContextWindow: null, ...fields };
}

/** An `mcpToolCall` item: no environment, app, plugin or hint; no result, error or duration yet. */
export function mcpToolCall(
  fields: Build<ItemOf<'mcpToolCall'>, 'id' | 'server' | 'tool' | 'status' | 'arguments'>,
): ItemOf<'mcpToolCall'> {
  return {
    type: 'mcpToolCall',
    environmentId: null,
    appContext: null,
    mcpAppUi: null,
    pluginId: null,
    readOnlyHint: null,
    result: null,
    error: null,
    durationMs: null,
    ...fields,
  };
}
