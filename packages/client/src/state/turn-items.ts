/**
 * Item lifecycle within a turn: start, complete, deltas, progress, and
 * closing out a turn's open items when it ends.
 * @internal
 * @module
 */
import type { ThreadItem, Turn } from '@cask/protocol';
import { applyTextDelta, deltaItemType, placeholderItem, type TextDeltaTarget } from './items.js';
import type { ConversationState, ItemProgress, OffRecordItem, TurnState } from './types.js';
import {
  findItem,
  findTurn,
  patchState,
  patchThread,
  patchTurn,
  staleFor,
  stateWithThreads,
  threadWithTurns,
  turnFields,
  turnWithItems,
  withThread,
  withTurn,
  withTurnIn,
} from './tree.js';

export function completeTurn(t: TurnState, turn: Turn): TurnState {
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

export function offRecordReason(item: ThreadItem, open: ReadonlySet<string>): OffRecordItem['reason'] | null {
  if (open.has(item.id)) return 'unfinished';
  if (item.type === 'commandExecution' && item.status === 'declined') return 'declined';
  return null;
}

export function startItem(t: TurnState, item: ThreadItem): TurnState {
  const i = findItem(t.items, item.id);
  const items = t.items.slice();
  if (i >= 0) items[i] = item;
  else items.push(item);
  const openItemIds = t.openItemIds.includes(item.id) ? t.openItemIds : [...t.openItemIds, item.id];
  return patchTurn(t, { items, openItemIds });
}

export function completeItem(t: TurnState, item: ThreadItem): TurnState {
  const i = findItem(t.items, item.id);
  const items = t.items.slice();
  if (i >= 0) items[i] = item;
  else items.push(item);
  const openItemIds = t.openItemIds.includes(item.id) ? t.openItemIds.filter((id) => id !== item.id) : t.openItemIds;
  return patchTurn(t, { items, openItemIds });
}

export interface ItemRef {
  threadId: string;
  turnId: string;
  itemId: string;
}

export const AGENT_MESSAGE: TextDeltaTarget = { kind: 'agentMessage' };

export const PLAN: TextDeltaTarget = { kind: 'plan' };

export const COMMAND_OUTPUT: TextDeltaTarget = { kind: 'commandOutput' };

export function textDelta(
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
export function withItem(
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

export function placeholderOrSame(
  item: ThreadItem,
  placeholder: () => ThreadItem,
  update: (item: ThreadItem) => ThreadItem | undefined,
): ThreadItem {
  return update(item) === undefined ? placeholder() : item;
}

export function withProgress(
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
