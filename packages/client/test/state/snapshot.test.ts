import { describe, expect, it } from 'vitest';
import type { TurnError } from '@cask/protocol';
import { initialState, reduce, type ConversationState } from '../../src/state/index.js';
import { jsonEqual, mergeRecordedTurn, reuseIdentity } from '../../src/state/snapshot.js';
import { emptyTurn, patchTurn } from '../../src/state/tree.js';
import { agentMessage, thread, turn as turnOf, userMessage } from './builders.js';
import { threadOf, turnAt } from './fold.js';

const T = 'thr';
const boom: TurnError = { message: 'boom', codexErrorInfo: null, additionalDetails: null, misalignment: null };
const late: TurnError = { message: 'late', codexErrorInfo: null, additionalDetails: null, misalignment: null };
const u = userMessage({ id: 'u', text: 'hi' });
const a = agentMessage({ id: 'a', text: 'hello' });
const x = agentMessage({ id: 'x', text: 'stream' });

function snap(state: ConversationState, turns: Parameters<typeof thread>[0]['turns']): ConversationState {
  return reduce(state, { kind: 'snapshot', thread: thread({ id: T, turns }) });
}

describe('applySnapshot', () => {
  it('keeps turns only the state knows after the recorded ones, once each', () => {
    const s1 = snap(initialState, [
      turnOf({ id: 'A', status: 'completed' }),
      turnOf({ id: 'B', status: 'inProgress' }),
    ]);
    const s2 = snap(s1, [turnOf({ id: 'A', status: 'completed' })]);
    expect(threadOf(s2, T).turns.map((t) => t.id)).toEqual(['A', 'B']);
    const s3 = snap(s1, [turnOf({ id: 'C', status: 'completed' })]);
    expect(threadOf(s3, T).turns.map((t) => t.id)).toEqual(['C', 'A', 'B']);
  });

  it('keeps the turns array itself when the record changes no turn', () => {
    const s1 = snap(initialState, [turnOf({ id: 'A', status: 'completed' }), turnOf({ id: 'B', status: 'completed' })]);
    const s2 = snap(s1, []);
    expect(threadOf(s2, T).turns).toBe(threadOf(s1, T).turns);
  });

  it('takes a changed turn even when the turn count stays the same', () => {
    const s1 = snap(initialState, [
      turnOf({ id: 'A', status: 'inProgress' }),
      turnOf({ id: 'B', status: 'inProgress' }),
    ]);
    const s2 = snap(s1, [turnOf({ id: 'A', status: 'completed' })]);
    expect(threadOf(s2, T).turns).not.toBe(threadOf(s1, T).turns);
    expect(threadOf(s2, T).turns.map((t) => [t.id, t.status])).toEqual([
      ['A', 'completed'],
      ['B', 'inProgress'],
    ]);
  });

  it('a new recorded turn carries its error (or null)', () => {
    const s = snap(initialState, [
      turnOf({ id: 'A', status: 'failed', error: boom }),
      turnOf({ id: 'B', status: 'completed' }),
    ]);
    expect(turnAt(s, T, 0).error).toEqual(boom);
    expect(turnAt(s, T, 1).error).toBeNull();
  });

  it('clears the stale marker unless told to keep it', () => {
    const s1 = snap(initialState, [turnOf({ id: 'A', status: 'completed' })]);
    const withStale: ConversationState = {
      ...s1,
      threads: {
        [T]: { ...threadOf(s1, T), stale: { reason: 'gap', detail: 'd', resync: null } },
      },
    };
    expect(threadOf(snap(withStale, []), T).stale).toBeNull();
  });
});

describe('mergeRecordedTurn', () => {
  const mine = patchTurn(emptyTurn('A'), { items: [u, x], openItemIds: ['x'], error: boom });

  it('a summary record keeps our items and error, takes status and times', () => {
    const r = turnOf({ id: 'A', status: 'completed', itemsView: 'summary', items: [u], completedAt: 7, durationMs: 3 });
    const merged = mergeRecordedTurn(mine, r);
    expect(merged.items).toBe(mine.items);
    expect(merged).toMatchObject({ status: 'completed', error: boom, completedAt: 7, durationMs: 3 });
    expect(mergeRecordedTurn(mine, { ...r, error: late }).error).toEqual(late);
  });

  it('while both sides run, keeps items still streaming that the record lacks, once each', () => {
    const r = turnOf({ id: 'A', status: 'inProgress', items: [u] });
    const merged = mergeRecordedTurn(mine, r);
    expect(merged.items).toEqual([u, x]);
    expect(merged.openItemIds).toEqual(['x']);
    expect(merged.error).toEqual(boom);
    expect(merged.itemsView).toBe('full');
  });

  it('drops open ids of items the running record already has', () => {
    const open = patchTurn(emptyTurn('A'), { items: [u, x], openItemIds: ['u', 'x'] });
    const merged = mergeRecordedTurn(open, turnOf({ id: 'A', status: 'inProgress', items: [u] }));
    expect(merged.openItemIds).toEqual(['x']);
    expect(merged.items).toEqual([u, x]);
  });

  it('once the record ended the turn, its items are the whole list and nothing is open', () => {
    const r = turnOf({ id: 'A', status: 'completed', items: [u, a], error: late });
    const merged = mergeRecordedTurn(mine, r);
    expect(merged.items).toEqual([u, a]);
    expect(merged.openItemIds).toEqual([]);
    expect(merged).toMatchObject({ status: 'completed', error: late });
  });

  it('a running record does not bring back items of a turn we saw end', () => {
    const ended = patchTurn(mine, { status: 'completed' });
    const merged = mergeRecordedTurn(ended, turnOf({ id: 'A', status: 'inProgress', items: [u] }));
    expect(merged.items).toEqual([u]);
    expect(merged.openItemIds).toEqual([]);
  });
});

describe('reuseIdentity', () => {
  it('keeps our object for an equal item, takes the record for a changed one', () => {
    const copy = structuredClone(u);
    const changed = agentMessage({ id: 'a', text: 'hello!' });
    const out = reuseIdentity([u, a], [copy, changed]);
    expect(out[0]).toBe(u);
    expect(out[1]).toBe(changed);
    expect(out).toEqual([u, changed]);
  });

  it('returns our array when every item is kept in place, a new one otherwise', () => {
    const mine = [u, a];
    expect(reuseIdentity(mine, [structuredClone(u), structuredClone(a)])).toBe(mine);
    expect(reuseIdentity(mine, [a, u])).toEqual([a, u]);
    expect(reuseIdentity(mine, [u])).toEqual([u]);
    expect(reuseIdentity(mine, [u, a, x])).toEqual([u, a, x]);
  });

  it('a new item is taken as the record has it', () => {
    expect(reuseIdentity([], [x])[0]).toBe(x);
  });
});

describe('jsonEqual', () => {
  it('compares by JSON text', () => {
    expect(jsonEqual({ a: 1 }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
  });
});
