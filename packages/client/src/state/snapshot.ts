/**
 * Applying the server's record of a thread (`thread/start`, `resume`,
 * `fork`, `read` answers) to the state.
 * @internal
 * @module
 */
import type { Thread, ThreadItem, Turn, TurnItemsView } from '@cask/protocol';
import type { ConversationState, TurnState } from './types.js';
import { emptyTurn, patchThread, patchTurn, turnFields, withThread } from './tree.js';

/**
 * The server's record of a thread replaces the turns it lists; turns only
 * the state knows (newer than the record) are kept after them. For a turn
 * still running on both sides, items the record does not have yet (still
 * streaming) are kept.
 */
export function applySnapshot(
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

export function turnFromRecord(r: Turn): TurnState {
  return patchTurn(emptyTurn(r.id), {
    ...turnFields(r),
    status: r.status,
    error: r.error ?? null,
    items: r.items,
    itemsView: itemsViewOf(r),
  });
}

export function mergeRecordedTurn(mine: TurnState, r: Turn): TurnState {
  if (itemsViewOf(r) !== 'full') {
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

/**
 * How much of its items a recorded turn carries. `itemsView` is a serde
 * default upstream ("absent means `full`"): its JSON Schema does not require
 * it, so a server may leave it out even though our type, which describes what
 * current servers send, says it is always there. Taking the field as optional
 * keeps that run-time check honest without a cast.
 */
export function itemsViewOf(turn: { readonly itemsView?: TurnItemsView }): TurnItemsView {
  return turn.itemsView ?? 'full';
}

/** Keeps our item objects where the record's are equal, so unchanged items keep their identity. */
export function reuseIdentity(mine: readonly ThreadItem[], next: ThreadItem[]): readonly ThreadItem[] {
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

export function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
