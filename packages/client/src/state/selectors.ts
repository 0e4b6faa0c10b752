/**
 * Read-only views of the state that UIs and turn results need.
 * @module
 */
import type { ThreadItem } from '@cask/protocol';
import type { ConversationState, ThreadState, TurnState } from './types.js';

/** One thread's state, if the state has seen it. */
export function selectThread(state: ConversationState, threadId: string): ThreadState | undefined {
  return state.threads[threadId];
}

/** One turn's state, if the state has seen it. */
export function selectTurn(state: ConversationState, threadId: string, turnId: string): TurnState | undefined {
  const turns = state.threads[threadId]?.turns;
  if (!turns) return undefined;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (turn?.id === turnId) return turn;
  }
  return undefined;
}

/**
 * The turn's final answer: the text of its last agent message (finished
 * ones first; an unfinished one only when the turn has no finished message).
 * Empty when the agent wrote nothing.
 */
export function finalAgentText(turn: TurnState): string {
  const last = lastOfType(turn.items, 'agentMessage');
  if (last) return last.text;
  const partial = turn.offRecord.map((u) => u.item).filter((i) => i.type === 'agentMessage');
  return partial.at(-1)?.text ?? '';
}

/** The turn's items together with the off-record ones (unfinished, declined), in stream order, for display. */
export function displayItems(turn: TurnState): ThreadItem[] {
  if (turn.offRecord.length === 0) return turn.items.slice();
  const out = turn.items.slice();
  for (const u of [...turn.offRecord].sort((a, b) => a.index - b.index)) out.splice(u.index, 0, u.item);
  return out;
}

function lastOfType(
  items: readonly ThreadItem[],
  type: 'agentMessage',
): Extract<ThreadItem, { type: 'agentMessage' }> | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.type === type) return item;
  }
  return undefined;
}
