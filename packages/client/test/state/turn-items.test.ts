import { describe, expect, it } from 'vitest';
import type { ThreadItem } from '@cask/protocol';
import { initialState, reduce, reduceAll, type ConversationState } from '../../src/state/index.js';
import { emptyTurn, patchTurn } from '../../src/state/tree.js';
import { completeItem, completeTurn, offRecordReason, startItem } from '../../src/state/turn-items.js';
import { agentMessage, commandExecution, thread, turn as turnOf, userMessage } from './builders.js';
import { threadOf, turnAt } from './fold.js';

const T = 'thr';
const U = 'turn-1';
const ref = { threadId: T, turnId: U };
const u = userMessage({ id: 'u', text: 'hi' });
const a = agentMessage({ id: 'a', text: 'hello' });
const plan: ThreadItem = { type: 'plan', id: 'p', text: '' };
const reasoning: ThreadItem = { type: 'reasoning', id: 'r', summary: [], content: [] };
const declined = commandExecution({ id: 'c', command: 'rm', cwd: '/', status: 'declined' });
const done = commandExecution({ id: 'c', command: 'rm', cwd: '/', status: 'completed' });

/** A thread with one running turn whose items `open` are started and not completed. */
function running(...open: ThreadItem[]): ConversationState {
  return reduceAll(initialState, [
    { kind: 'snapshot', thread: thread({ id: T }) },
    { method: 'turn/started', params: { threadId: T, turn: turnOf({ id: U, status: 'inProgress' }) } },
    ...open.map((item) => ({ method: 'item/started' as const, params: { ...ref, item, startedAtMs: 1 } })),
  ]);
}

describe('offRecordReason', () => {
  it('an open item is unfinished, a declined command is declined, anything else stays on record', () => {
    expect(offRecordReason(a, new Set(['a']))).toBe('unfinished');
    expect(offRecordReason(declined, new Set())).toBe('declined');
    expect(offRecordReason(done, new Set())).toBeNull();
    expect(offRecordReason(a, new Set(['x']))).toBeNull();
  });
});

describe('completeTurn', () => {
  const boom = { message: 'boom', codexErrorInfo: null, additionalDetails: null, misalignment: null };

  it('adds the items the summary has that we never saw, once each', () => {
    const t = patchTurn(emptyTurn(U), { items: [u] });
    const ended = completeTurn(t, turnOf({ id: U, status: 'completed', items: [u, a] }));
    expect(ended.items).toEqual([u, a]);
    expect(ended.offRecord).toBe(t.offRecord);
  });

  it('moves open items and declined commands off the record, with where they stood', () => {
    const t = patchTurn(emptyTurn(U), { items: [u, declined, a], openItemIds: ['a'], error: boom });
    const ended = completeTurn(t, turnOf({ id: U, status: 'interrupted' }));
    expect(ended.items).toEqual([u]);
    expect(ended.openItemIds).toEqual([]);
    expect(ended.offRecord).toEqual([
      { item: declined, index: 1, closedBy: 'interrupted', reason: 'declined' },
      { item: a, index: 2, closedBy: 'interrupted', reason: 'unfinished' },
    ]);
    expect(ended).toMatchObject({ status: 'interrupted', error: boom });
  });
});

describe('startItem and completeItem', () => {
  it('a re-started item replaces itself in place; the open list holds it once', () => {
    const t0 = startItem(emptyTurn(U), u);
    const t1 = startItem(t0, { ...u, clientId: 'again' });
    expect(t1.items).toEqual([{ ...u, clientId: 'again' }]);
    expect(t1.openItemIds).toEqual(['u']);
    expect(t0.items).toEqual([u]);
  });

  it('completing replaces the item in place and closes only that item', () => {
    const t0 = startItem(startItem(emptyTurn(U), u), a);
    const t1 = completeItem(t0, { ...u, clientId: 'done' });
    expect(t1.items).toEqual([{ ...u, clientId: 'done' }, a]);
    expect(t1.openItemIds).toEqual(['a']);
    expect(t0.items).toEqual([u, a]);
    expect(t0.openItemIds).toEqual(['u', 'a']);
  });

  it('completing an item that never started appends it and leaves the open list alone', () => {
    const t0 = startItem(emptyTurn(U), u);
    const t1 = completeItem(t0, a);
    expect(t1.items).toEqual([u, a]);
    expect(t1.openItemIds).toBe(t0.openItemIds);
  });
});

describe('text deltas', () => {
  it('append to the open item without touching the previous state', () => {
    const s0 = running(u, a);
    const before = structuredClone(s0);
    const s1 = reduce(s0, { method: 'item/agentMessage/delta', params: { ...ref, itemId: 'a', delta: '!' } });
    expect(turnAt(s1, T, 0).items).toEqual([u, { ...a, text: 'hello!' }]);
    expect(threadOf(s1, T).stale).toBeNull();
    expect(s0).toEqual(before);
  });

  it('a delta after the turn ended changes nothing', () => {
    const s0 = reduce(running(a), {
      method: 'turn/completed',
      params: { threadId: T, turn: turnOf({ id: U, status: 'completed', items: [a] }) },
    });
    const late = { method: 'item/agentMessage/delta' as const, params: { ...ref, itemId: 'a', delta: '!' } };
    expect(reduce(s0, late)).toBe(s0);
  });

  it('a delta for an item of another kind replaces it with the right kind and marks the thread stale', () => {
    const s = reduce(running(plan), { method: 'item/agentMessage/delta', params: { ...ref, itemId: 'p', delta: 'x' } });
    expect(turnAt(s, T, 0).items).toEqual([{ ...agentMessage({ id: 'p', text: 'x' }) }]);
    expect(turnAt(s, T, 0).openItemIds).toEqual(['p']);
    expect(threadOf(s, T).stale).toMatchObject({
      reason: 'gap',
      detail: `a agentMessage delta for item p of turn ${U}, which is of another kind`,
    });
  });

  it('a delta for an item that never started creates it open and marks the thread stale', () => {
    const s = reduce(running(u), { method: 'item/plan/delta', params: { ...ref, itemId: 'p', delta: 'step' } });
    expect(turnAt(s, T, 0).items).toEqual([u, { type: 'plan', id: 'p', text: 'step' }]);
    expect(turnAt(s, T, 0).openItemIds).toEqual(['u', 'p']);
    expect(threadOf(s, T).stale).toMatchObject({
      detail: `a plan delta for item p of turn ${U}, which never started`,
    });
  });
});

describe('item updates (withItem)', () => {
  it('an update that changes nothing returns the state itself; one that does leaves the old state intact', () => {
    const s0 = running(reasoning);
    const before = structuredClone(s0);
    const add = {
      method: 'item/reasoning/summaryPartAdded' as const,
      params: { ...ref, itemId: 'r', summaryIndex: 0 },
    };
    const s1 = reduce(s0, add);
    expect(turnAt(s1, T, 0).items).toEqual([{ ...reasoning, summary: [''] }]);
    expect(threadOf(s1, T).stale).toBeNull();
    expect(s0).toEqual(before);
    expect(reduce(s1, add)).toBe(s1);
  });

  it('an update for a completed item changes nothing', () => {
    const s0 = reduce(running(reasoning), {
      method: 'item/completed',
      params: { ...ref, item: reasoning, completedAtMs: 2 },
    });
    const add = {
      method: 'item/reasoning/summaryPartAdded' as const,
      params: { ...ref, itemId: 'r', summaryIndex: 0 },
    };
    expect(reduce(s0, add)).toBe(s0);
  });

  it('an update for an open item of another kind replaces it in place and marks the thread stale', () => {
    const s = reduce(running(plan, u), {
      method: 'item/reasoning/summaryPartAdded',
      params: { ...ref, itemId: 'p', summaryIndex: 0 },
    });
    expect(turnAt(s, T, 0).items).toEqual([{ type: 'reasoning', id: 'p', summary: [''], content: [] }, u]);
    expect(turnAt(s, T, 0).openItemIds).toEqual(['p', 'u']);
    expect(threadOf(s, T).stale).toMatchObject({
      detail: `item/reasoning/summaryPartAdded for item p of turn ${U}, which is of another kind`,
    });
  });
});

describe('progress', () => {
  it('terminal input and file change output accumulate per item', () => {
    const s = reduceAll(running(done), [
      {
        method: 'item/commandExecution/terminalInteraction',
        params: { ...ref, itemId: 'c', processId: '1', stdin: 'y' },
      },
      {
        method: 'item/commandExecution/terminalInteraction',
        params: { ...ref, itemId: 'c', processId: '1', stdin: 'n' },
      },
      { method: 'item/fileChange/outputDelta', params: { ...ref, itemId: 'f', delta: 'a' } },
      { method: 'item/fileChange/outputDelta', params: { ...ref, itemId: 'f', delta: 'b' } },
    ]);
    expect(turnAt(s, T, 0).progress).toEqual({ c: { terminalInput: 'yn' }, f: { fileChangeOutput: 'ab' } });
  });
});
