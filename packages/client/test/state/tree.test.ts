import { describe, expect, it } from 'vitest';
import type { ClientRequestParams } from '@cask/protocol';
import { MAX_NOTICES, initialState, reduce, resync, type ThreadReader } from '../../src/state/index.js';
import { bounded, emptyThread, emptyTurn, turnFields, withTurnIn } from '../../src/state/tree.js';
import { thread, turn as turnOf } from './builders.js';

describe('empty values', () => {
  it('an empty turn is running with nothing in it; an empty thread has no turns', () => {
    expect(emptyTurn('x')).toEqual({
      id: 'x',
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
    });
    expect(emptyThread('t')).toMatchObject({ id: 't', turns: [], closed: false, deleted: false, archived: false });
  });
});

describe('turnFields', () => {
  it('copies the times and root turn, null where absent', () => {
    expect(turnFields(turnOf({ id: 'a', status: 'completed', startedAt: 1, completedAt: 2, durationMs: 3 }))).toEqual({
      startedAt: 1,
      completedAt: 2,
      durationMs: 3,
      rootTurnId: 'a',
    });
    expect(turnFields(turnOf({ id: 'a', status: 'completed', rootTurnId: null }))).toEqual({
      startedAt: null,
      completedAt: null,
      durationMs: null,
      rootTurnId: null,
    });
  });
});

describe('withTurnIn', () => {
  it('replaces a known turn in place without touching the old list', () => {
    const t = { ...emptyThread('t'), turns: [emptyTurn('a'), emptyTurn('b')] };
    const before = t.turns;
    const next = withTurnIn(t, 'a', (turn) => ({ ...turn, diff: 'd' }));
    expect(next.turns.map((x) => [x.id, x.diff])).toEqual([
      ['a', 'd'],
      ['b', null],
    ]);
    expect(t.turns).toBe(before);
    expect(before.map((x) => x.diff)).toEqual([null, null]);
  });
});

describe('bounded', () => {
  it(`keeps the last ${String(MAX_NOTICES)} entries`, () => {
    const almost = Array.from({ length: MAX_NOTICES - 1 }, (_, i) => i);
    const full = bounded(almost, MAX_NOTICES - 1);
    expect(full).toHaveLength(MAX_NOTICES);
    expect(full[0]).toBe(0);
    const over = bounded(full, MAX_NOTICES);
    expect(over).toHaveLength(MAX_NOTICES);
    expect(over[0]).toBe(1);
    expect(over.at(-1)).toBe(MAX_NOTICES);
    expect(full).toHaveLength(MAX_NOTICES);
    expect(bounded([], 'x')).toEqual(['x']);
  });
});

describe('resync', () => {
  it('asks for full turns, and keeps the state-wide marker while another thread is still stale', async () => {
    let s = reduce(initialState, { kind: 'snapshot', thread: thread({ id: 'a' }) });
    s = reduce(s, { kind: 'snapshot', thread: thread({ id: 'b' }) });
    s = reduce(s, { kind: 'lagged', skipped: 1 });
    const asked: [string, ClientRequestParams<'thread/read'>][] = [];
    const reader: ThreadReader = {
      request: (method, params) => {
        asked.push([method, params]);
        return Promise.resolve({ thread: thread({ id: params.threadId }), readState: null });
      },
    };
    const partial = (await resync(reader, s, ['a']))(s);
    expect(asked).toEqual([['thread/read', { threadId: 'a', includeTurns: true }]]);
    expect(partial.threads['a']?.stale).toBeNull();
    expect(partial.threads['b']?.stale).toMatchObject({ reason: 'lagged' });
    expect(partial.stale).toMatchObject({ reason: 'lagged' });
    const all = (await resync(reader, partial))(partial);
    expect(all.stale).toBeNull();
  });
});
