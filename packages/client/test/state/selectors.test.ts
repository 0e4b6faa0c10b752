/**
 * The state's small helpers on their own: selectors (latest turn with an id,
 * final agent text, display order of off-record items), token usage
 * arithmetic (exact and estimated), the empty shapes and the resync request.
 */
import type { ThreadItem, TokenUsageBreakdown } from '@cask/protocol';
import { describe, expect, it } from 'vitest';
import {
  deriveTurnUsage,
  displayItems,
  emptyThread,
  emptyTurn,
  finalAgentText,
  initialState,
  resyncRequest,
  selectThread,
  selectTurn,
  subtractUsage,
  type ConversationState,
  type TurnState,
} from '../../src/state/index.js';
import { agentMessage, userMessage } from './builders.js';

/** A usage record; without `cacheWrite`, the member is left out (as a server may). */
function usage(n: number, cacheWrite?: number): TokenUsageBreakdown {
  const u: Omit<TokenUsageBreakdown, 'cacheWriteInputTokens'> & { cacheWriteInputTokens?: number } = {
    totalTokens: 10 * n,
    inputTokens: 6 * n,
    cachedInputTokens: 2 * n,
    outputTokens: 3 * n,
    reasoningOutputTokens: n,
  };
  if (cacheWrite !== undefined) u.cacheWriteInputTokens = cacheWrite;
  // A server may leave cacheWriteInputTokens out (a serde default); the protocol type requires it.
  return u as TokenUsageBreakdown;
}

function turnWith(id: string, items: ThreadItem[], offRecord: TurnState['offRecord'] = []): TurnState {
  return { ...emptyTurn(id), items, offRecord };
}

describe('selectors', () => {
  it('selectThread and selectTurn find by id; selectTurn takes the latest turn with that id', () => {
    const first = turnWith('u1', []);
    const again = { ...turnWith('u1', []), status: 'completed' as const };
    const thread = { ...emptyThread('t1'), turns: [first, turnWith('u2', []), again] };
    const state: ConversationState = { ...initialState, threads: { t1: thread } };
    expect(selectThread(state, 't1')).toBe(thread);
    expect(selectThread(state, 'nope')).toBeUndefined();
    expect(selectTurn(state, 't1', 'u1')).toBe(again);
    expect(selectTurn(state, 't1', 'u2')?.id).toBe('u2');
    expect(selectTurn(state, 't1', 'u3')).toBeUndefined();
    expect(selectTurn(state, 'nope', 'u1')).toBeUndefined();
    const single = { ...initialState, threads: { t: { ...emptyThread('t'), turns: [first] } } };
    expect(selectTurn(single, 't', 'u1')).toBe(first);
  });

  it('finalAgentText: the last agent message on record, else the last off-record one, else empty', () => {
    const a1 = agentMessage({ id: 'a1', text: 'first' });
    const a2 = agentMessage({ id: 'a2', text: 'second' });
    const u = userMessage({ id: 'u', text: 'hi' });
    expect(finalAgentText(turnWith('x', [a1, u, a2, u]))).toBe('second');
    expect(finalAgentText(turnWith('x', [a1]))).toBe('first');
    const off = (item: ThreadItem, index: number) => ({
      item,
      reason: 'unfinished' as const,
      closedBy: 'interrupted' as const,
      index,
    });
    expect(finalAgentText(turnWith('x', [u], [off(u, 0), off(a1, 1), off(a2, 2), off(u, 3)]))).toBe('second');
    expect(finalAgentText(turnWith('x', [u], [off(u, 1)]))).toBe('');
    expect(finalAgentText(turnWith('x', []))).toBe('');
  });

  it('displayItems: a copy of the items, with off-record items put back at their positions in order', () => {
    const [i0, i1, i2, i3] = ['0', '1', '2', '3'].map((id) => agentMessage({ id, text: id }));
    const items = [i0, i2] as ThreadItem[];
    const plain = turnWith('x', items);
    const shown = displayItems(plain);
    expect(shown).toEqual(items);
    expect(shown).not.toBe(items);
    const off = (item: ThreadItem | undefined, index: number) => ({
      item: item ?? i0!,
      reason: 'declined' as const,
      closedBy: 'completed' as const,
      index,
    });
    const withOff = turnWith('x', items, [off(i3, 3), off(i1, 1)]);
    expect(displayItems(withOff).map((i) => i.id)).toEqual(['0', '1', '2', '3']);
    expect(withOff.items).toEqual(items);
  });
});

describe('token usage', () => {
  it('subtract: field by field, a missing cacheWriteInputTokens counting as 0', () => {
    expect(subtractUsage(usage(5, 4), usage(2, 1))).toEqual({
      totalTokens: 30,
      inputTokens: 18,
      cachedInputTokens: 6,
      cacheWriteInputTokens: 3,
      outputTokens: 9,
      reasoningOutputTokens: 3,
    });
    expect(subtractUsage(usage(5), usage(2, 1)).cacheWriteInputTokens).toBe(-1);
    expect(subtractUsage(usage(5, 2), usage(2)).cacheWriteInputTokens).toBe(2);
  });

  it('deriveTurnUsage: exact from the total before the turn; estimated from `last` without it', () => {
    const exact = deriveTurnUsage(usage(3), { total: usage(5), last: usage(1), modelContextWindow: null });
    expect(exact).toEqual({
      total: subtractUsage(usage(5), usage(3)),
      lastCall: usage(1),
      exact: true,
      before: usage(3),
    });
    const estimated = deriveTurnUsage(null, { total: usage(5), last: usage(2), modelContextWindow: null });
    expect(estimated).toEqual({ total: usage(2, 0), lastCall: usage(2), exact: false, before: usage(3, 0) });
    // No tokens used in the turn: no last call to show.
    const idle = deriveTurnUsage(usage(5), { total: usage(5), last: usage(1), modelContextWindow: null });
    expect(idle.lastCall).toBeNull();
    expect(idle.total.totalTokens).toBe(0);
  });
});

describe('shapes', () => {
  it('empty thread and turn, the initial state, and the resync request', () => {
    expect(emptyThread('t')).toMatchObject({ id: 't', turns: [], stale: null, archived: false, closed: false });
    expect(emptyTurn('u')).toMatchObject({ id: 'u', status: 'inProgress', items: [], itemsView: 'full' });
    expect(initialState).toEqual({ threads: {}, notices: [], stale: null, skippedEvents: 0 });
    expect(Object.isFrozen(initialState)).toBe(true);
    expect(resyncRequest('t9')).toEqual({ method: 'thread/read', params: { threadId: 't9', includeTurns: true } });
  });
});
