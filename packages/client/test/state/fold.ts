/**
 * Test helper: folds a wire transcript (every message both ways, in order)
 * through the reducer, checking at every agent-message delta that the
 * in-progress item's text equals the deltas joined so far.
 */
import { expect } from 'vitest';
import type { JSONRPCMessage } from '@cask/protocol';
import {
  initialState,
  reduce,
  type ConversationState,
  type StateNotification,
  type ThreadState,
  type TurnState,
} from '../../src/state/index.js';

/** One recorded wire message. */
export interface RecordedMessage {
  dir: 'c2s' | 's2c';
  msg: JSONRPCMessage;
}

/** A recorded scenario: the transcript, plus the thread id and the `thread/read` answer at the end. */
export interface Recording {
  scenario: string;
  threadId: string;
  transcript: RecordedMessage[];
  /** `thread/read` (`includeTurns: true`) answer taken after the last turn ended. */
  read: { thread: { turns: Array<{ id: string; status: string; items: unknown[]; error?: unknown }> } };
}

/** The server notifications of a transcript, in order. */
export function notificationsOf(transcript: readonly RecordedMessage[]): StateNotification[] {
  const out: StateNotification[] = [];
  for (const { dir, msg } of transcript) {
    if (dir !== 's2c') continue;
    const m = msg as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof m.method === 'string' && m.id === undefined) {
      out.push({ method: m.method, params: m.params } as StateNotification);
    }
  }
  return out;
}

/**
 * Reduces every notification of the transcript; after each delta of an agent
 * message, checks the item's text against the deltas joined so far.
 * Returns the final state and how many deltas were checked.
 */
export function foldChecked(transcript: readonly RecordedMessage[]): { state: ConversationState; checked: number } {
  let state = initialState;
  const joined = new Map<string, string>();
  let checked = 0;
  for (const n of notificationsOf(transcript)) {
    const before = state;
    state = reduce(state, n);
    if (n.method === 'item/agentMessage/delta') {
      const { threadId, turnId, itemId, delta } = n.params;
      const soFar = (joined.get(itemId) ?? '') + delta;
      joined.set(itemId, soFar);
      const turn = state.threads[threadId]?.turns.find((t) => t.id === turnId);
      const item = turn?.items.find((i) => i.id === itemId);
      if (turn?.status === 'inProgress') {
        expect(item, `agent message ${itemId} is in the state after its delta`).toBeDefined();
        expect(item?.type === 'agentMessage' ? item.text : undefined).toBe(soFar);
        checked++;
      } else {
        expect(state, 'a delta after the turn ended changes nothing').toBe(before);
      }
    }
  }
  return { state, checked };
}

/** Compares the reducer's turns with `thread/read`'s, item by item (deep equality). */
export function expectEqualToRecord(state: ConversationState, rec: Pick<Recording, 'threadId' | 'read'>): void {
  const mine = threadOf(state, rec.threadId);
  const recorded = rec.read.thread.turns;
  expect(mine.turns.map((t) => t.id)).toEqual(recorded.map((t) => t.id));
  recorded.forEach((r, i) => {
    const t = turnAt(state, rec.threadId, i);
    expect(t.items, `items of turn #${i} (${r.status})`).toEqual(r.items);
    expect(t.status).toBe(r.status);
    expect(t.error ?? null).toEqual(r.error ?? null);
  });
}

/** `value`, or a thrown error naming what was missing (keeps tests free of non-null assertions). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what} to exist`);
  return value;
}

/** Thread `threadId` of the state (throws when absent). */
export function threadOf(state: ConversationState, threadId: string): ThreadState {
  return must(state.threads[threadId], `thread ${threadId}`);
}

/** Turn number `index` of a thread (throws when absent). */
export function turnAt(state: ConversationState, threadId: string, index: number): TurnState {
  return must(threadOf(state, threadId).turns[index], `turn #${index} of thread ${threadId}`);
}
