/**
 * The state tree's building blocks: empty values, fixed-shape copies, and
 * path updates (state → thread → turn) that keep every untouched part.
 * @internal
 * @module
 */
import type { ThreadItem, Turn } from '@cask/protocol';
import { MAX_NOTICES, type ConversationState, type StaleMarker, type ThreadState, type TurnState } from './types.js';

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

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function stateWithThreads(s: ConversationState, threads: ConversationState['threads']): ConversationState {
  return { threads, notices: s.notices, stale: s.stale, skippedEvents: s.skippedEvents };
}

export function patchState(s: ConversationState, p: Partial<ConversationState>): ConversationState {
  const c: Mutable<ConversationState> = {
    threads: s.threads,
    notices: s.notices,
    stale: s.stale,
    skippedEvents: s.skippedEvents,
  };
  return Object.assign(c, p);
}

export function threadWithTurns(t: ThreadState, turns: readonly TurnState[]): ThreadState {
  const c = copyThread(t);
  c.turns = turns;
  return c;
}

export function patchThread(t: ThreadState, p: Partial<ThreadState>): ThreadState {
  return Object.assign(copyThread(t), p);
}

export function copyThread(t: ThreadState): Mutable<ThreadState> {
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

export function turnWithItems(t: TurnState, items: readonly ThreadItem[]): TurnState {
  const c = copyTurn(t);
  c.items = items;
  return c;
}

export function patchTurn(t: TurnState, p: Partial<TurnState>): TurnState {
  return Object.assign(copyTurn(t), p);
}

export function copyTurn(t: TurnState): Mutable<TurnState> {
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

export function staleFor(threadId: string, reason: StaleMarker['reason'], detail: string): StaleMarker {
  return { reason, detail, resync: resyncRequest(threadId) };
}

export function withThread(
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

export function turnFields(turn: Turn): Pick<TurnState, 'startedAt' | 'completedAt' | 'durationMs' | 'rootTurnId'> {
  return {
    startedAt: turn.startedAt ?? null,
    completedAt: turn.completedAt ?? null,
    durationMs: turn.durationMs ?? null,
    rootTurnId: turn.rootTurnId ?? null,
  };
}

export function findTurn(t: ThreadState, turnId: string): number {
  const turns = t.turns;
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.id === turnId) return i;
  return -1;
}

export function withTurnIn(t: ThreadState, turnId: string, update: (turn: TurnState) => TurnState): ThreadState {
  const i = findTurn(t, turnId);
  const current = t.turns[i] ?? emptyTurn(turnId);
  const next = update(current);
  if (next === current) return t;
  const turns = t.turns.slice();
  if (i >= 0) turns[i] = next;
  else turns.push(next);
  return patchThread(t, { turns });
}

export function withTurn(
  state: ConversationState,
  threadId: string,
  turnId: string,
  update: (turn: TurnState) => TurnState,
): ConversationState {
  return withThread(state, threadId, (t) => withTurnIn(t, turnId, update));
}

export function findItem(items: readonly ThreadItem[], id: string): number {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]?.id === id) return i;
  return -1;
}

export function bounded<T>(list: readonly T[], item: T): readonly T[] {
  const out = list.length >= MAX_NOTICES ? list.slice(list.length - MAX_NOTICES + 1) : list.slice();
  out.push(item);
  return out;
}
