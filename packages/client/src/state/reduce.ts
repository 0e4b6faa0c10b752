/**
 * The conversation reducer: `reduce(state, event) → state`, a pure function
 * from server notifications (plus lag markers and thread snapshots) to
 * {@link ConversationState}. No I/O, no clocks, no randomness.
 * @module
 */
import type { Thread, ThreadItem, TokenUsageBreakdown, Turn } from '@cask/protocol';
import { addSummaryPart, applyTextDelta, deltaItemType, placeholderItem, type TextDeltaTarget } from './items.js';
import { appendText } from './text.js';
import {
  MAX_NOTICES,
  type ConversationState,
  type ItemProgress,
  type Notice,
  type OffRecordItem,
  type StaleMarker,
  type StateEvent,
  type StateNotification,
  type ThreadState,
  type TurnState,
  type TurnUsage,
} from './types.js';
import { deriveTurnUsage } from './usage.js';

/** The empty state: no threads, no notices. */
export const initialState: ConversationState = Object.freeze({
  threads: Object.freeze({}),
  notices: Object.freeze([]),
  stale: null,
  skippedEvents: 0,
});

/** An empty thread state (used when an event names a thread the state has not seen). */
export function emptyThread(id: string): ThreadState {
  return {
    id,
    info: null,
    status: null,
    name: null,
    archived: false,
    closed: false,
    deleted: false,
    turns: [],
    tokenUsage: null,
    hooks: {},
    notices: [],
    stale: null,
  };
}

/** An empty in-progress turn. */
export function emptyTurn(id: string): TurnState {
  return {
    id,
    status: 'inProgress',
    error: null,
    items: [],
    itemsView: 'full',
    openItemIds: [],
    offRecord: [],
    progress: {},
    errors: [],
    usage: null,
    diff: null,
    plan: null,
    hooks: {},
    reviews: {},
    moderation: null,
    reroutedTo: null,
    compacted: false,
    startedAt: null,
    completedAt: null,
    durationMs: null,
    rootTurnId: null,
  };
}

/** The `thread/read` request that brings one thread up to date. */
export function resyncRequest(threadId: string): NonNullable<StaleMarker['resync']> {
  return { method: 'thread/read', params: { threadId, includeTurns: true } };
}

/**
 * Applies one event and returns the next state. Unchanged parts keep their
 * identity; when nothing changes the same state object comes back.
 *
 * - Notifications that concern no conversation (account, config, MCP server,
 *   fs, realtime, ...) return the state unchanged.
 * - A `lagged` marker marks the state and every thread stale; a delta for an
 *   item (or an event for a turn) the state never saw start marks that
 *   thread stale (`gap`). Either way {@link StaleMarker.resync} names the
 *   `thread/read` to send; {@link resync} sends it and applies the answer.
 * - A `snapshot` (the `thread` of a `thread/start`, `thread/resume`,
 *   `thread/fork` or `thread/read` answer) replaces the thread's metadata and
 *   the turns it lists, and clears the thread's stale marker.
 */
export function reduce(state: ConversationState, event: StateEvent): ConversationState {
  switch (event.kind) {
    case 'lagged':
      return onLagged(state, event.skipped);
    case 'snapshot':
      return applySnapshot(state, event.thread);
    case undefined:
    case 'notification':
      try {
        return onNotification(state, event);
      } catch (err) {
        // Only malformed input gets here (e.g. params missing with validation off): keep going, mark it.
        return onMalformed(state, event, err);
      }
  }
}

function onMalformed(state: ConversationState, event: StateNotification, err: unknown): ConversationState {
  const method = String((event as { method?: unknown }).method);
  const detail = `malformed ${method} notification ignored: ${err instanceof Error ? err.message : String(err)}`;
  const params: unknown = (event as { params?: unknown }).params;
  const threadId =
    typeof params === 'object' && params !== null && 'threadId' in params && typeof params.threadId === 'string'
      ? params.threadId
      : undefined;
  if (threadId !== undefined) {
    return withThread(state, threadId, (t) => patchThread(t, { stale: staleFor(threadId, 'gap', detail) }));
  }
  return patchState(state, { stale: { reason: 'gap', detail, resync: null } });
}

/** Applies events in order (a fold with {@link reduce}). */
export function reduceAll(state: ConversationState, events: Iterable<StateEvent>): ConversationState {
  let s = state;
  for (const e of events) s = reduce(s, e);
  return s;
}

function onNotification(state: ConversationState, n: StateNotification): ConversationState {
  switch (n.method) {
    // ---- thread lifecycle
    case 'thread/started':
      return applySnapshot(state, n.params.thread, { keepStale: true });
    case 'thread/status/changed': {
      const { threadId, status } = n.params;
      return withThread(state, threadId, (t) => patchThread(t, { status }));
    }
    case 'thread/name/updated': {
      const name = n.params.threadName ?? null;
      return withThread(state, n.params.threadId, (t) => (t.name === name ? t : patchThread(t, { name })));
    }
    case 'thread/archived':
      return withThread(state, n.params.threadId, (t) => (t.archived ? t : patchThread(t, { archived: true })));
    case 'thread/unarchived':
      return withThread(state, n.params.threadId, (t) => (t.archived ? patchThread(t, { archived: false }) : t));
    case 'thread/closed':
      return withThread(state, n.params.threadId, (t) => (t.closed ? t : patchThread(t, { closed: true })));
    case 'thread/deleted':
      return withThread(state, n.params.threadId, (t) =>
        t.deleted ? t : patchThread(t, { deleted: true, closed: true }),
      );
    case 'thread/reverted':
      // Turns were removed from the server's history; the notification does not say which.
      return withThread(state, n.params.threadId, (t) =>
        patchThread(t, {
          stale: staleFor(t.id, 'gap', 'thread/reverted: turns were removed from the history'),
        }),
      );
    case 'thread/tokenUsage/updated': {
      const { threadId, turnId, tokenUsage } = n.params;
      return withThread(state, threadId, (t) => {
        const previous = t.tokenUsage;
        const known = previous !== null || !hasEarlierTurns(t, turnId);
        const next = patchThread(t, { tokenUsage });
        return withTurnIn(next, turnId, (turn) => {
          const before: TokenUsageBreakdown | null = turn.usage?.before ?? (known ? (previous?.total ?? ZERO) : null);
          const usage: TurnUsage = deriveTurnUsage(before, tokenUsage);
          return patchTurn(turn, { usage });
        });
      });
    }
    case 'thread/compacted':
      return withTurn(state, n.params.threadId, n.params.turnId, (turn) =>
        turn.compacted ? turn : patchTurn(turn, { compacted: true }),
      );

    // ---- turn lifecycle
    case 'turn/started': {
      const { threadId, turn } = n.params;
      return withTurn(state, threadId, turn.id, (t) => patchTurn(t, { ...turnFields(turn), status: turn.status }));
    }
    case 'turn/completed': {
      const { threadId, turn } = n.params;
      return withTurn(state, threadId, turn.id, (t) => completeTurn(t, turn));
    }
    case 'turn/diff/updated': {
      const { diff } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => (t.diff === diff ? t : patchTurn(t, { diff })));
    }
    case 'turn/plan/updated': {
      const plan = { explanation: n.params.explanation ?? null, steps: n.params.plan };
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { plan }));
    }
    case 'turn/moderationMetadata': {
      const { metadata } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { moderation: metadata }));
    }
    case 'model/rerouted': {
      const { toModel } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { reroutedTo: toModel }));
    }
    case 'error': {
      const p = n.params;
      return withTurn(state, p.threadId, p.turnId, (t) =>
        patchTurn(t, {
          errors: bounded(t.errors, p),
          error: p.willRetry ? t.error : p.error,
        }),
      );
    }

    // ---- items
    case 'item/started':
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => startItem(t, n.params.item));
    case 'item/completed':
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => completeItem(t, n.params.item));
    case 'item/agentMessage/delta':
      return textDelta(state, n.params, AGENT_MESSAGE);
    case 'item/plan/delta':
      return textDelta(state, n.params, PLAN);
    case 'item/commandExecution/outputDelta':
      return textDelta(state, n.params, COMMAND_OUTPUT);
    case 'item/reasoning/summaryTextDelta':
      return textDelta(state, n.params, { kind: 'reasoningSummary', index: n.params.summaryIndex });
    case 'item/reasoning/textDelta':
      return textDelta(state, n.params, { kind: 'reasoningText', index: n.params.contentIndex });
    case 'item/reasoning/summaryPartAdded': {
      const { threadId, turnId, itemId, summaryIndex } = n.params;
      return withItem(
        state,
        threadId,
        turnId,
        itemId,
        () => ({ type: 'reasoning', id: itemId, summary: [], content: [] }),
        (item) => addSummaryPart(item, summaryIndex),
        'item/reasoning/summaryPartAdded',
      );
    }
    case 'item/fileChange/patchUpdated': {
      const { threadId, turnId, itemId, changes } = n.params;
      return withItem(
        state,
        threadId,
        turnId,
        itemId,
        () => ({ type: 'fileChange', id: itemId, changes: [], status: 'inProgress' }),
        (item) => (item.type === 'fileChange' ? { ...item, changes } : undefined),
        'item/fileChange/patchUpdated',
      );
    }
    case 'item/commandExecution/terminalInteraction': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({ ...pr, terminalInput: appendText(pr.terminalInput ?? '', p.stdin) }));
    }
    case 'item/fileChange/outputDelta': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({
        ...pr,
        fileChangeOutput: appendText(pr.fileChangeOutput ?? '', p.delta),
      }));
    }
    case 'item/mcpToolCall/progress': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({ ...pr, mcpProgress: bounded(pr.mcpProgress ?? [], p.message) }));
    }
    case 'item/autoApprovalReview/started':
    case 'item/autoApprovalReview/completed': {
      const p = n.params;
      return withTurn(state, p.threadId, p.turnId, (t) => patchTurn(t, { reviews: { ...t.reviews, [p.reviewId]: p } }));
    }

    // ---- hooks
    case 'hook/started':
    case 'hook/completed': {
      const { threadId, turnId, run } = n.params;
      if (turnId)
        return withTurn(state, threadId, turnId, (t) => patchTurn(t, { hooks: { ...t.hooks, [run.id]: run } }));
      return withThread(state, threadId, (t) => patchThread(t, { hooks: { ...t.hooks, [run.id]: run } }));
    }

    // ---- notices
    case 'warning': {
      const notice: Notice = { kind: 'warning', message: n.params.message, threadId: n.params.threadId ?? null };
      const threadId = n.params.threadId;
      if (threadId) return withThread(state, threadId, (t) => patchThread(t, { notices: bounded(t.notices, notice) }));
      return patchState(state, { notices: bounded(state.notices, notice) });
    }
    case 'guardianWarning': {
      const notice: Notice = { kind: 'guardianWarning', message: n.params.message, threadId: n.params.threadId };
      return withThread(state, n.params.threadId, (t) => patchThread(t, { notices: bounded(t.notices, notice) }));
    }
    case 'deprecationNotice':
      return patchState(state, {
        notices: bounded(state.notices, {
          kind: 'deprecationNotice',
          summary: n.params.summary,
          details: n.params.details ?? null,
        }),
      });
    case 'configWarning':
      return patchState(state, {
        notices: bounded(state.notices, {
          kind: 'configWarning',
          summary: n.params.summary,
          details: n.params.details ?? null,
          path: n.params.path ?? null,
        }),
      });

    // ---- not part of the conversation state (listed so a new method fails to compile until decided)
    case 'serverRequest/resolved':
    case 'autoApprovalReview/strictReviewRequired':
    case 'thread/attachment/updated':
    case 'thread/environment/connected':
    case 'thread/environment/disconnected':
    case 'thread/goal/cleared':
    case 'thread/goal/updated':
    case 'thread/prediction/updated':
    case 'thread/project/updated':
    case 'thread/queue/changed':
    case 'thread/readState/changed':
    case 'thread/section/changed':
    case 'thread/settings/updated':
    case 'thread/search/partial':
    case 'thread/realtime/closed':
    case 'thread/realtime/error':
    case 'thread/realtime/item/completed':
    case 'thread/realtime/item/started':
    case 'thread/realtime/item/transcript/delta':
    case 'thread/realtime/itemAdded':
    case 'thread/realtime/outputAudio/delta':
    case 'thread/realtime/sdp':
    case 'thread/realtime/started':
    case 'thread/realtime/transcript/delta':
    case 'thread/realtime/transcript/done':
    case 'account/gatewayOAuth/changed':
    case 'account/login/completed':
    case 'account/rateLimits/updated':
    case 'account/updated':
    case 'app/list/updated':
    case 'command/exec/outputDelta':
    case 'externalAgentConfig/import/completed':
    case 'externalAgentConfig/import/progress':
    case 'fs/changed':
    case 'fuzzyFileSearch/sessionCompleted':
    case 'fuzzyFileSearch/sessionUpdated':
    case 'mcpServer/event/stream/notification':
    case 'mcpServer/oauthLogin/completed':
    case 'mcpServer/startupStatus/updated':
    case 'model/safetyBuffering/updated':
    case 'model/verification':
    case 'modelProvider/authRecoveryCompleted':
    case 'modelProvider/authRecoveryStarted':
    case 'process/exited':
    case 'process/outputDelta':
    case 'project/changed':
    case 'remoteControl/status/changed':
    case 'skills/changed':
    case 'windows/worldWritableWarning':
    case 'windowsSandbox/setupCompleted':
      return state;
  }
}

// ------------------------------------------------------------ copy helpers
// Every state, thread and turn object is built here with its fields in one fixed order, so V8 gives them
// all one hidden class each and copies stay on its fast path (object spread of objects built in different
// orders was the reducer's main cost). A copy is patched before anyone else sees it: the result is immutable.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function stateWithThreads(s: ConversationState, threads: ConversationState['threads']): ConversationState {
  return { threads, notices: s.notices, stale: s.stale, skippedEvents: s.skippedEvents };
}

function patchState(s: ConversationState, p: Partial<ConversationState>): ConversationState {
  const c: Mutable<ConversationState> = {
    threads: s.threads,
    notices: s.notices,
    stale: s.stale,
    skippedEvents: s.skippedEvents,
  };
  return Object.assign(c, p);
}

function threadWithTurns(t: ThreadState, turns: readonly TurnState[]): ThreadState {
  const c = copyThread(t);
  c.turns = turns;
  return c;
}

function patchThread(t: ThreadState, p: Partial<ThreadState>): ThreadState {
  return Object.assign(copyThread(t), p);
}

function copyThread(t: ThreadState): Mutable<ThreadState> {
  return {
    id: t.id,
    info: t.info,
    status: t.status,
    name: t.name,
    archived: t.archived,
    closed: t.closed,
    deleted: t.deleted,
    turns: t.turns,
    tokenUsage: t.tokenUsage,
    hooks: t.hooks,
    notices: t.notices,
    stale: t.stale,
  };
}

function turnWithItems(t: TurnState, items: readonly ThreadItem[]): TurnState {
  const c = copyTurn(t);
  c.items = items;
  return c;
}

function patchTurn(t: TurnState, p: Partial<TurnState>): TurnState {
  return Object.assign(copyTurn(t), p);
}

function copyTurn(t: TurnState): Mutable<TurnState> {
  return {
    id: t.id,
    status: t.status,
    error: t.error,
    items: t.items,
    itemsView: t.itemsView,
    openItemIds: t.openItemIds,
    offRecord: t.offRecord,
    progress: t.progress,
    errors: t.errors,
    usage: t.usage,
    diff: t.diff,
    plan: t.plan,
    hooks: t.hooks,
    reviews: t.reviews,
    moderation: t.moderation,
    reroutedTo: t.reroutedTo,
    compacted: t.compacted,
    startedAt: t.startedAt,
    completedAt: t.completedAt,
    durationMs: t.durationMs,
    rootTurnId: t.rootTurnId,
  };
}

// ------------------------------------------------------------------ threads

const ZERO: TokenUsageBreakdown = Object.freeze({
  totalTokens: 0,
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningOutputTokens: 0,
});

function staleFor(threadId: string, reason: StaleMarker['reason'], detail: string): StaleMarker {
  return { reason, detail, resync: resyncRequest(threadId) };
}

function withThread(
  state: ConversationState,
  threadId: string,
  update: (t: ThreadState) => ThreadState,
): ConversationState {
  const current = state.threads[threadId];
  const base = current ?? emptyThread(threadId);
  const next = update(base);
  if (next === base) return state; // nothing changed (and an unknown thread is not added for nothing)
  return patchState(state, { threads: { ...state.threads, [threadId]: next } });
}

function onLagged(state: ConversationState, skipped: number): ConversationState {
  const detail = `the client dropped ${skipped} event(s) because its subscription fell behind`;
  const threads: Record<string, ThreadState> = {};
  for (const [id, t] of Object.entries(state.threads))
    threads[id] = patchThread(t, { stale: staleFor(id, 'lagged', detail) });
  return patchState(state, {
    threads,
    skippedEvents: state.skippedEvents + skipped,
    stale: { reason: 'lagged', detail, resync: null },
  });
}

function hasEarlierTurns(t: ThreadState, turnId: string): boolean {
  return t.turns.some((turn) => turn.id !== turnId);
}

/**
 * The server's record of a thread replaces the turns it lists; turns only
 * the state knows (newer than the record) are kept after them. For a turn
 * still running on both sides, items the record does not have yet (still
 * streaming) are kept.
 */
function applySnapshot(
  state: ConversationState,
  thread: Thread,
  opts: { keepStale?: boolean } = {},
): ConversationState {
  const { turns: recorded, ...info } = thread;
  return withThread(state, thread.id, (t) => {
    const local = new Map(t.turns.map((turn) => [turn.id, turn]));
    const turns: TurnState[] = [];
    const listed = new Set<string>();
    for (const r of recorded) {
      listed.add(r.id);
      const mine = local.get(r.id);
      turns.push(mine ? mergeRecordedTurn(mine, r) : turnFromRecord(r));
    }
    for (const turn of t.turns) if (!listed.has(turn.id)) turns.push(turn);
    const unchangedTurns = turns.length === t.turns.length && turns.every((turn, i) => turn === t.turns[i]);
    return patchThread(t, {
      info,
      status: thread.status,
      name: thread.name ?? t.name,
      turns: unchangedTurns ? t.turns : turns,
      stale: opts.keepStale ? t.stale : null,
    });
  });
}

function turnFields(turn: Turn): Pick<TurnState, 'startedAt' | 'completedAt' | 'durationMs' | 'rootTurnId'> {
  return {
    startedAt: turn.startedAt ?? null,
    completedAt: turn.completedAt ?? null,
    durationMs: turn.durationMs ?? null,
    rootTurnId: turn.rootTurnId ?? null,
  };
}

function turnFromRecord(r: Turn): TurnState {
  return patchTurn(emptyTurn(r.id), {
    ...turnFields(r),
    status: r.status,
    error: r.error ?? null,
    items: r.items,
    itemsView: r.itemsView ?? 'full',
  });
}

function mergeRecordedTurn(mine: TurnState, r: Turn): TurnState {
  if (r.itemsView !== undefined && r.itemsView !== 'full') {
    // Only a summary: keep our items, take the lifecycle fields.
    return patchTurn(mine, { ...turnFields(r), status: r.status, error: r.error ?? mine.error });
  }
  const recordedIds = new Set(r.items.map((i) => i.id));
  const stillOpen = mine.status === 'inProgress' && r.status === 'inProgress';
  const extra = stillOpen ? mine.items.filter((i) => !recordedIds.has(i.id)) : [];
  const items = reuseIdentity(mine.items, [...r.items, ...extra]);
  return patchTurn(mine, {
    ...turnFields(r),
    status: r.status,
    error: r.error ?? mine.error,
    items,
    itemsView: 'full',
    openItemIds: stillOpen ? mine.openItemIds.filter((id) => !recordedIds.has(id)) : [],
  });
}

/** Keeps our item objects where the record's are equal, so unchanged items keep their identity. */
function reuseIdentity(mine: readonly ThreadItem[], next: ThreadItem[]): readonly ThreadItem[] {
  const byId = new Map(mine.map((i) => [i.id, i]));
  let same = mine.length === next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    const kept = old !== undefined && (old === item || jsonEqual(old, item)) ? old : item;
    if (kept !== mine[i]) same = false;
    return kept;
  });
  return same ? mine : out;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// -------------------------------------------------------------------- turns

function findTurn(t: ThreadState, turnId: string): number {
  const turns = t.turns;
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.id === turnId) return i;
  return -1;
}

function withTurnIn(t: ThreadState, turnId: string, update: (turn: TurnState) => TurnState): ThreadState {
  const i = findTurn(t, turnId);
  const current = t.turns[i] ?? emptyTurn(turnId);
  const next = update(current);
  if (next === current) return t;
  const turns = t.turns.slice();
  if (i >= 0) turns[i] = next;
  else turns.push(next);
  return patchThread(t, { turns });
}

function withTurn(
  state: ConversationState,
  threadId: string,
  turnId: string,
  update: (turn: TurnState) => TurnState,
): ConversationState {
  return withThread(state, threadId, (t) => withTurnIn(t, turnId, update));
}

function completeTurn(t: TurnState, turn: Turn): TurnState {
  let items = t.items;
  // Items the summary carries that we never saw (e.g. joined late) are added.
  const known = new Set(items.map((i) => i.id));
  const missing = turn.items.filter((i) => !known.has(i.id));
  if (missing.length) items = [...items, ...missing];
  const open = new Set(t.openItemIds);
  const off = items
    .map((item, index) => ({ item, index, closedBy: turn.status, reason: offRecordReason(item, open) }))
    .filter((o): o is OffRecordItem => o.reason !== null);
  let offRecord = t.offRecord;
  if (off.length) {
    offRecord = [...offRecord, ...off];
    const moved = new Set(off.map((o) => o.item.id));
    items = items.filter((i) => !moved.has(i.id));
  }
  return patchTurn(t, {
    ...turnFields(turn),
    status: turn.status,
    error: turn.error ?? t.error,
    items,
    openItemIds: [],
    offRecord,
  });
}

function offRecordReason(item: ThreadItem, open: ReadonlySet<string>): OffRecordItem['reason'] | null {
  if (open.has(item.id)) return 'unfinished';
  if (item.type === 'commandExecution' && item.status === 'declined') return 'declined';
  return null;
}

// -------------------------------------------------------------------- items

function findItem(items: readonly ThreadItem[], id: string): number {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]?.id === id) return i;
  return -1;
}

function startItem(t: TurnState, item: ThreadItem): TurnState {
  const i = findItem(t.items, item.id);
  const items = t.items.slice();
  if (i >= 0) items[i] = item;
  else items.push(item);
  const openItemIds = t.openItemIds.includes(item.id) ? t.openItemIds : [...t.openItemIds, item.id];
  return patchTurn(t, { items, openItemIds });
}

function completeItem(t: TurnState, item: ThreadItem): TurnState {
  const i = findItem(t.items, item.id);
  const items = t.items.slice();
  if (i >= 0) items[i] = item;
  else items.push(item);
  const openItemIds = t.openItemIds.includes(item.id) ? t.openItemIds.filter((id) => id !== item.id) : t.openItemIds;
  return patchTurn(t, { items, openItemIds });
}

interface ItemRef {
  threadId: string;
  turnId: string;
  itemId: string;
}

const AGENT_MESSAGE: TextDeltaTarget = { kind: 'agentMessage' };
const PLAN: TextDeltaTarget = { kind: 'plan' };
const COMMAND_OUTPUT: TextDeltaTarget = { kind: 'commandOutput' };

function textDelta(
  state: ConversationState,
  p: ItemRef & { delta: string },
  target: TextDeltaTarget,
): ConversationState {
  // Hot path (every streamed delta): no closures, no lookups beyond the two searches from the end.
  const thread = state.threads[p.threadId];
  if (thread) {
    const ti = findTurn(thread, p.turnId);
    const turn = thread.turns[ti];
    if (turn?.status === 'inProgress' && turn.openItemIds.includes(p.itemId)) {
      const ii = findItem(turn.items, p.itemId);
      const item = turn.items[ii];
      const next = item && applyTextDelta(item, target, p.delta);
      if (item && next) {
        const items = turn.items.slice();
        items[ii] = next;
        const turns = thread.turns.slice();
        turns[ti] = turnWithItems(turn, items);
        return stateWithThreads(state, { ...state.threads, [p.threadId]: threadWithTurns(thread, turns) });
      }
    }
  }
  return withItem(
    state,
    p.threadId,
    p.turnId,
    p.itemId,
    () => placeholderItem(p.itemId, target),
    (item) => applyTextDelta(item, target, p.delta),
    `a ${deltaItemType(target)} delta`,
  );
}

/**
 * Updates one item. `update` returns `undefined` when the event does not fit
 * the item's kind; a missing item is created from `placeholder`. Both cases
 * are gaps: the thread is marked stale.
 */
function withItem(
  state: ConversationState,
  threadId: string,
  turnId: string,
  itemId: string,
  placeholder: () => ThreadItem,
  update: (item: ThreadItem) => ThreadItem | undefined,
  what: string,
): ConversationState {
  // Fast path: the item is known and open (the usual case while streaming).
  const thread = state.threads[threadId];
  const ti = thread ? findTurn(thread, turnId) : -1;
  const turn = thread?.turns[ti];
  const ii = turn ? findItem(turn.items, itemId) : -1;
  const item = turn?.items[ii];
  if (turn && (turn.status !== 'inProgress' || (item && !turn.openItemIds.includes(itemId)))) {
    // The turn ended (e.g. interrupted) or the item completed: a late event must not change the record.
    return state;
  }
  if (thread && turn && item) {
    const next = update(item);
    if (next !== undefined) {
      if (next === item) return state;
      const items = turn.items.slice();
      items[ii] = next;
      const newTurns = thread.turns.slice();
      newTurns[ti] = patchTurn(turn, { items });
      return patchState(state, { threads: { ...state.threads, [threadId]: patchThread(thread, { turns: newTurns }) } });
    }
  }
  // Slow path: a gap. Keep what the event says, and mark the thread stale.
  const detail =
    ii >= 0
      ? `${what} for item ${itemId} of turn ${turnId}, which is of another kind`
      : `${what} for item ${itemId} of turn ${turnId}, which never started`;
  return withThread(state, threadId, (t) => {
    const withIt = withTurnIn(t, turnId, (tu) => {
      const j = findItem(tu.items, itemId);
      const found = tu.items[j];
      const base = found ? placeholderOrSame(found, placeholder, update) : placeholder();
      const next = update(base) ?? base;
      const items = tu.items.slice();
      if (j >= 0) items[j] = next;
      else items.push(next);
      const openItemIds = j >= 0 || tu.status !== 'inProgress' ? tu.openItemIds : [...tu.openItemIds, itemId];
      return patchTurn(tu, { items, openItemIds });
    });
    return patchThread(withIt, { stale: staleFor(threadId, 'gap', detail) });
  });
}

function placeholderOrSame(
  item: ThreadItem,
  placeholder: () => ThreadItem,
  update: (item: ThreadItem) => ThreadItem | undefined,
): ThreadItem {
  return update(item) === undefined ? placeholder() : item;
}

function withProgress(
  state: ConversationState,
  p: ItemRef,
  update: (progress: ItemProgress) => ItemProgress,
): ConversationState {
  return withTurn(state, p.threadId, p.turnId, (t) =>
    patchTurn(t, {
      progress: { ...t.progress, [p.itemId]: update(t.progress[p.itemId] ?? {}) },
    }),
  );
}

function bounded<T>(list: readonly T[], item: T): readonly T[] {
  const out = list.length >= MAX_NOTICES ? list.slice(list.length - MAX_NOTICES + 1) : list.slice();
  out.push(item);
  return out;
}
