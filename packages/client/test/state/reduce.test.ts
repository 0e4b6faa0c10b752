import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadItem } from '@cask/protocol';
import {
  appendText,
  displayItems,
  finalAgentText,
  initialState,
  itemText,
  reduce,
  reduceAll,
  resync,
  staleThreadIds,
  type ConversationState,
  type StateNotification,
  type ThreadReader,
} from '../../src/state/index.js';
import { expectEqualToRecord, foldChecked, must, notificationsOf, threadOf, turnAt, type Recording } from './fold.js';
import { agentMessage, commandExecution, mcpToolCall, thread, turn as turnOf, usage, userMessage } from './builders.js';
import { threadEvents, type TurnSpec } from './synthetic.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'state');

describe('recorded real-server transcripts', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it('covers every scenario', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
      [
        'approval-accept',
        'approval-decline',
        'interrupt',
        'model-error',
        'multi-item',
        'plain',
        'stream-failed',
      ].sort(),
    );
  });
  for (const file of files) {
    it(`${file}: final items equal thread/read, in-progress text equals the deltas so far`, () => {
      const rec = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Recording;
      const { state, checked } = foldChecked(rec.transcript);
      expectEqualToRecord(state, rec);
      if (!file.includes('error') && !file.includes('failed')) expect(checked).toBeGreaterThan(0);
    });
  }
  it('multi-item: reasoning summary parts and raw text stream into the item', () => {
    const rec = JSON.parse(readFileSync(path.join(FIXTURES, 'multi-item.json'), 'utf8')) as Recording;
    let state = initialState;
    const seen: string[] = [];
    for (const n of notificationsOf(rec.transcript)) {
      state = reduce(state, n);
      if (n.method === 'item/reasoning/summaryTextDelta' || n.method === 'item/reasoning/textDelta') {
        const item = threadOf(state, n.params.threadId)
          .turns.at(-1)
          ?.items.find((i) => i.id === n.params.itemId);
        if (item?.type === 'reasoning') seen.push(JSON.stringify([item.summary, item.content]));
      }
    }
    expect(seen).toEqual([
      JSON.stringify([['Plan'], []]),
      JSON.stringify([['Planning.'], []]),
      JSON.stringify([['Planning.', 'Next.'], []]),
      JSON.stringify([['Planning.', 'Next.'], ['raw ']]),
      JSON.stringify([['Planning.', 'Next.'], ['raw thought']]),
    ]);
  });
});

const T = 'thread-a';
const U = 'thread-b';

describe('structural sharing', () => {
  it('a delta replaces only the path to its item; everything else keeps its identity', () => {
    const s0 = reduceAll(initialState, [
      ...threadEvents(U, [{ deltas: ['x'] }]),
      ...threadEvents(T, [{ deltas: ['a'] }, { deltas: ['b', 'c'], interrupt: true }]).slice(0, -1),
    ]);
    const turn = turnAt(s0, T, 1);
    const msg = must(turn.items.at(-1), 'the agent message');
    const s1 = reduce(s0, {
      method: 'item/agentMessage/delta',
      params: { threadId: T, turnId: turn.id, itemId: msg.id, delta: '!' },
    });
    expect(s1).not.toBe(s0);
    expect(s1.threads[U]).toBe(s0.threads[U]);
    expect(s1.notices).toBe(s0.notices);
    expect(s1.threads[T]).not.toBe(s0.threads[T]);
    expect(s1.threads[T]?.turns[0]).toBe(s0.threads[T]?.turns[0]);
    const t1 = turnAt(s1, T, 1);
    expect(t1).not.toBe(turn);
    expect(t1.items[0]).toBe(turn.items[0]); // the user message
    expect(t1.items.at(-1)).toMatchObject({ text: 'bc!' });
    expect(msg).toMatchObject({ text: 'bc' }); // the old snapshot is untouched
  });

  it('notifications that concern no conversation return the same state object', () => {
    const s0 = reduceAll(initialState, threadEvents(T, [{ deltas: ['a'] }]));
    const s1 = reduce(s0, {
      method: 'account/rateLimits/updated',
      params: { rateLimits: { limitId: null } },
    } as unknown as StateNotification);
    expect(s1).toBe(s0);
    expect(reduce(s0, { method: 'thread/name/updated', params: { threadId: T } })).toBe(s0);
    expect(reduce(s0, { method: 'thread/unarchived', params: { threadId: 'unknown' } })).toBe(s0);
  });
});

describe('turn end and late events', () => {
  const events = threadEvents(T, [{ deltas: ['Think', 'ing'], interrupt: true }]);
  const state = reduceAll(initialState, events);
  const turn = turnAt(state, T, 0);

  it('closes out an item that never completed, keeping it off the record', () => {
    expect(turn.status).toBe('interrupted');
    expect(turn.items.map((i) => i.type)).toEqual(['userMessage']);
    expect(turn.openItemIds).toEqual([]);
    expect(turn.offRecord).toEqual([
      {
        item: expect.objectContaining({ text: 'Thinking' }) as ThreadItem,
        reason: 'unfinished',
        closedBy: 'interrupted',
        index: 1,
      },
    ]);
    expect(displayItems(turn).map((i) => i.type)).toEqual(['userMessage', 'agentMessage']);
    expect(finalAgentText(turn)).toBe('Thinking');
  });

  it('ignores deltas that arrive after the turn ended or after their item completed', () => {
    const late = reduce(state, {
      method: 'item/agentMessage/delta',
      params: { threadId: T, turnId: turn.id, itemId: `${turn.id}-msg`, delta: ' more' },
    });
    expect(late).toBe(state);
    const done = reduceAll(initialState, threadEvents(T, [{ deltas: ['a'] }]).slice(0, -1)); // before turn/completed
    const t = turnAt(done, T, 0);
    expect(
      reduce(done, {
        method: 'item/agentMessage/delta',
        params: { threadId: T, turnId: t.id, itemId: `${t.id}-msg`, delta: 'late' },
      }),
    ).toBe(done);
  });
});

describe('token usage per turn', () => {
  it('is the difference of totals; a turn without model call used nothing although the server repeats `last`', () => {
    const s = reduceAll(
      initialState,
      threadEvents(T, [
        { deltas: ['a'], tokens: 15 },
        { deltas: ['b'], tokens: 0, interrupt: true },
        { deltas: ['c'], tokens: 7 },
      ]),
    );
    const [a, b, c] = [0, 1, 2].map((i) => turnAt(s, T, i));
    expect(s.threads[T]?.tokenUsage?.last.totalTokens).toBe(7);
    expect(a?.usage).toMatchObject({ total: { totalTokens: 15 }, lastCall: { totalTokens: 15 }, exact: true });
    expect(b?.usage).toMatchObject({ total: { totalTokens: 0 }, lastCall: null, exact: true });
    expect(c?.usage).toMatchObject({
      total: { totalTokens: 7 },
      lastCall: { totalTokens: 7 },
      before: { totalTokens: 15 },
    });
  });

  it('counts `cacheWriteInputTokens` as 0 where a server leaves it out (a serde default on the wire)', () => {
    const events = threadEvents(T, [
      { deltas: ['a'], tokens: 15 },
      { deltas: ['b'], tokens: 5 },
    ]);
    // What such a server sends: the usage objects without the field (JSON drops `undefined`).
    const wire = JSON.parse(
      JSON.stringify(events, (key, value: unknown) => (key === 'cacheWriteInputTokens' ? undefined : value)),
    ) as StateNotification[]; // parsed test data, shaped by the events above
    expect(JSON.stringify(wire)).not.toContain('cacheWriteInputTokens');
    const s = reduceAll(initialState, wire);
    expect(turnAt(s, T, 0).usage?.total).toEqual(usage({ totalTokens: 15, inputTokens: 15 }));
    expect(turnAt(s, T, 1).usage?.total).toEqual(usage({ totalTokens: 5, inputTokens: 5 }));
  });

  it('is estimated from `last` (exact: false) when the state joined the thread mid-way', () => {
    const events = threadEvents(T, [
      { deltas: ['a'], tokens: 15 },
      { deltas: ['b'], tokens: 5 },
    ]);
    const secondTurnStart = events.findIndex((e) => e.method === 'turn/started' && e.params.turn.id.endsWith('-1'));
    const s = reduceAll(initialState, [
      { method: 'turn/started', params: { threadId: T, turn: turnOf({ id: 'older', status: 'completed' }) } },
      ...events.slice(secondTurnStart),
    ]);
    expect(s.threads[T]?.turns[1]?.usage).toMatchObject({ total: { totalTokens: 5 }, exact: false });
  });
});

describe('gaps, lag and resync', () => {
  it('a delta for an item that never started marks the thread stale with the thread/read to send', () => {
    const s = reduce(initialState, {
      method: 'item/agentMessage/delta',
      params: { threadId: T, turnId: 'tu', itemId: 'm', delta: 'hi' },
    });
    expect(s.threads[T]?.stale).toEqual({
      reason: 'gap',
      detail: expect.stringContaining('never started') as string,
      resync: { method: 'thread/read', params: { threadId: T, includeTurns: true } },
    });
    expect(s.threads[T]?.turns[0]?.items[0]).toEqual(agentMessage({ id: 'm', text: 'hi' }));
  });

  it('lagged marks everything stale; resync reads each thread and applies the record', async () => {
    const s0 = reduceAll(initialState, [
      ...threadEvents(T, [{ deltas: ['a'] }]),
      ...threadEvents(U, [{ deltas: ['b'] }]),
    ]);
    const s1 = reduce(s0, { kind: 'lagged', skipped: 3 });
    expect(s1.skippedEvents).toBe(3);
    expect(s1.stale?.reason).toBe('lagged');
    expect(staleThreadIds(s1).sort()).toEqual([T, U]);
    const asked: string[] = [];
    const reader: ThreadReader = {
      request: (_method, params) => {
        asked.push(params.threadId);
        const t = threadOf(s0, params.threadId);
        return Promise.resolve({
          thread: thread({
            id: t.id,
            turns: t.turns.map((turn) =>
              turnOf({ id: turn.id, items: [...turn.items], status: turn.status, itemsView: 'full' }),
            ),
          }),
          readState: null,
        });
      },
    };
    const apply = await resync(reader, s1);
    const s2 = apply(s1);
    expect(asked.sort()).toEqual([T, U]);
    expect(s2.stale).toBeNull();
    expect(staleThreadIds(s2)).toEqual([]);
    // Items equal to what the state had keep their identity.
    expect(s2.threads[T]?.turns[0]?.items).toBe(s1.threads[T]?.turns[0]?.items);
  });
});

describe('every item kind', () => {
  const items: ThreadItem[] = [
    userMessage({ id: 'i1', text: 'hi' }),
    { type: 'hookPrompt', id: 'i2', fragments: [{ hookRunId: 'h', text: 'injected' }] },
    agentMessage({ id: 'i3', text: 'answer' }),
    { type: 'functionCallOutput', id: 'i4', name: 'tool', namespace: null, output: 'out' },
    { type: 'plan', id: 'i5', text: 'plan' },
    { type: 'reasoning', id: 'i6', summary: ['s'], content: [] },
    commandExecution({ id: 'i7', command: 'ls', cwd: '/', status: 'completed' }),
    {
      type: 'fileChange',
      id: 'i8',
      changes: [{ path: 'a.ts', kind: { type: 'add' }, diff: '+x' }],
      status: 'completed',
    },
    mcpToolCall({ id: 'i9', server: 'srv', tool: 't', status: 'completed', arguments: {} }),
    {
      type: 'dynamicToolCall',
      id: 'i10',
      namespace: null,
      tool: 'dyn',
      arguments: null,
      status: 'completed',
      contentItems: null,
      success: null,
      durationMs: null,
    },
    {
      type: 'collabAgentToolCall',
      id: 'i11',
      tool: 'spawnAgent',
      status: 'completed',
      senderThreadId: T,
      receiverThreadIds: ['sub'],
      agentsStates: { sub: { status: 'running', message: null } },
      prompt: 'go',
      model: null,
      reasoningEffort: null,
    },
    {
      type: 'subAgentActivity',
      model: null,
      reasoningEffort: null,
      id: 'i12',
      kind: 'started',
      agentThreadId: 'sub',
      agentPath: '/root/sub',
    },
    { type: 'webSearch', id: 'i13', query: 'q', action: { type: 'search', query: 'q', queries: null }, results: null },
    { type: 'imageView', id: 'i14', path: '/img.png' },
    { type: 'sleep', id: 'i15', durationMs: 10 },
    {
      type: 'imageGeneration',
      id: 'i16',
      status: 'completed',
      revisedPrompt: null,
      failure: null,
      generationId: null,
      result: 'base64',
    },
    { type: 'enteredReviewMode', id: 'i17', review: 'r' },
    { type: 'exitedReviewMode', id: 'i18', review: 'done' },
    { type: 'contextCompaction', id: 'i19' },
  ];

  it('each is started, completed and kept in order; itemText gives its text', () => {
    let s: ConversationState = reduce(initialState, {
      method: 'turn/started',
      params: { threadId: T, turn: turnOf({ id: 'tu', status: 'inProgress' }) },
    });
    for (const item of items) {
      s = reduce(s, { method: 'item/started', params: { threadId: T, turnId: 'tu', item, startedAtMs: 1 } });
      s = reduce(s, { method: 'item/completed', params: { threadId: T, turnId: 'tu', item, completedAtMs: 2 } });
    }
    s = reduce(s, {
      method: 'turn/completed',
      params: { threadId: T, turn: turnOf({ id: 'tu', status: 'completed' }) },
    });
    expect(s.threads[T]?.turns[0]?.items).toEqual(items);
    expect(items.map(itemText)).toEqual([
      'hi',
      'injected',
      'answer',
      'out',
      'plan',
      's',
      'ls',
      'a.ts',
      'srv.t',
      'dyn',
      'go',
      '/root/sub started',
      'q',
      '/img.png',
      '10 ms',
      'completed',
      'r',
      'done',
      '',
    ]);
  });

  it('progress notifications: plan deltas, file change patch and output, MCP progress, terminal input', () => {
    const ref = { threadId: T, turnId: 'tu' };
    const s = reduceAll(initialState, [
      { method: 'turn/started', params: { threadId: T, turn: turnOf({ id: 'tu', status: 'inProgress' }) } },
      { method: 'item/started', params: { ...ref, item: { type: 'plan', id: 'p', text: '' }, startedAtMs: 1 } },
      { method: 'item/plan/delta', params: { ...ref, itemId: 'p', delta: '1. a' } },
      { method: 'item/plan/delta', params: { ...ref, itemId: 'p', delta: '\n2. b' } },
      {
        method: 'item/started',
        params: { ...ref, item: { type: 'fileChange', id: 'f', changes: [], status: 'inProgress' }, startedAtMs: 1 },
      },
      {
        method: 'item/fileChange/patchUpdated',
        params: { ...ref, itemId: 'f', changes: [{ path: 'x', kind: { type: 'delete' }, diff: '' }] },
      },
      { method: 'item/fileChange/outputDelta', params: { ...ref, itemId: 'f', delta: 'Success. ' } },
      { method: 'item/fileChange/outputDelta', params: { ...ref, itemId: 'f', delta: 'Deleted x' } },
      {
        method: 'item/started',
        params: {
          ...ref,
          item: mcpToolCall({ id: 'm', server: 's', tool: 't', status: 'inProgress', arguments: {} }),
          startedAtMs: 1,
        },
      },
      { method: 'item/mcpToolCall/progress', params: { ...ref, itemId: 'm', message: '50%' } },
      { method: 'item/mcpToolCall/progress', params: { ...ref, itemId: 'm', message: '100%' } },
      {
        method: 'item/commandExecution/terminalInteraction',
        params: { ...ref, itemId: 'c', processId: '1', stdin: 'y\n' },
      },
      { method: 'turn/diff/updated', params: { ...ref, diff: 'diff --git' } },
      {
        method: 'turn/plan/updated',
        params: { ...ref, explanation: 'why', plan: [{ step: 'a', status: 'completed' }] },
      },
      { method: 'warning', params: { threadId: T, message: 'careful' } },
      { method: 'deprecationNotice', params: { summary: 'old', details: null } },
    ]);
    const turn = turnAt(s, T, 0);
    expect(turn.items[0]).toEqual({ type: 'plan', id: 'p', text: '1. a\n2. b' });
    expect(turn.items[1]).toMatchObject({ changes: [{ path: 'x' }] });
    expect(turn.progress).toEqual({
      f: { fileChangeOutput: 'Success. Deleted x' },
      m: { mcpProgress: ['50%', '100%'] },
      c: { terminalInput: 'y\n' },
    });
    expect(turn.diff).toBe('diff --git');
    expect(turn.plan).toEqual({ explanation: 'why', steps: [{ step: 'a', status: 'completed' }] });
    expect(s.threads[T]?.notices).toEqual([{ kind: 'warning', message: 'careful', threadId: T }]);
    expect(s.notices).toEqual([{ kind: 'deprecationNotice', summary: 'old', details: null }]);
  });
});

describe('appendText', () => {
  it('equals plain concatenation for any split', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3000 }), { maxLength: 60 }), (parts) => {
        let s = '';
        for (const p of parts) s = appendText(s, p);
        expect(s).toBe(parts.join(''));
      }),
    );
  });
});

describe('property: the result does not depend on how threads interleave', () => {
  const turnSpec: fc.Arbitrary<TurnSpec> = fc.record({
    deltas: fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    reasoning: fc.option(fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    output: fc.option(fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    interrupt: fc.boolean(),
    tokens: fc.nat({ max: 50 }),
  });
  const threads = fc.array(fc.array(turnSpec, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 4 });

  it('any legal interleaving (each thread in order) gives the same threads as running them one after another', () => {
    fc.assert(
      fc.property(threads, fc.array(fc.nat(), { maxLength: 400 }), (specs, choices) => {
        const perThread = specs.map((turns, i) => threadEvents(`t${i}`, turns));
        const sequential = reduceAll(initialState, perThread.flat());
        // Interleave: at each step the next choice picks which thread's next event goes next.
        const cursors = perThread.map(() => 0);
        const merged: StateNotification[] = [];
        let k = 0;
        for (;;) {
          const live = perThread.map((_, i) => i).filter((i) => (cursors[i] ?? 0) < (perThread[i]?.length ?? 0));
          if (!live.length) break;
          const pick = must(live[(choices[k++] ?? 0) % live.length], 'a live thread');
          const at = cursors[pick] ?? 0;
          cursors[pick] = at + 1;
          merged.push(must(perThread[pick]?.[at], 'the next event'));
        }
        const interleaved = reduceAll(initialState, merged);
        expect(interleaved.threads).toEqual(sequential.threads);
        for (const [i, turns] of specs.entries()) {
          const t = threadOf(interleaved, `t${i}`);
          turns.forEach((spec, n) => {
            expect(finalAgentText(turnAt(interleaved, `t${i}`, n))).toBe(spec.deltas.join(''));
          });
          expect(t.stale).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapshots', () => {
  const user = userMessage({ id: 'u' });
  const answer = agentMessage({ id: 'a', text: 'hi' });
  const cmd = commandExecution({ id: 'c', command: 'ls', cwd: '/', status: 'completed' });

  it('a summary record (e.g. thread/resume) says its items are incomplete until a full read', () => {
    const s1 = reduce(initialState, {
      kind: 'snapshot',
      thread: thread({
        id: T,
        sessionId: 's',
        name: 'named',
        turns: [turnOf({ id: 'x', items: [user, answer], status: 'completed', itemsView: 'summary' })],
      }),
    });
    expect(turnAt(s1, T, 0)).toMatchObject({ itemsView: 'summary', items: [user, answer], status: 'completed' });
    expect(threadOf(s1, T).name).toBe('named');
    const s2 = reduce(s1, {
      kind: 'snapshot',
      thread: thread({
        id: T,
        sessionId: 's',
        turns: [turnOf({ id: 'x', items: [user, cmd, answer], status: 'completed', itemsView: 'full' })],
      }),
    });
    expect(turnAt(s2, T, 0)).toMatchObject({ itemsView: 'full', items: [user, cmd, answer] });
    // Unchanged items keep their identity across the re-read.
    expect(turnAt(s2, T, 0).items[0]).toBe(turnAt(s1, T, 0).items[0]);
  });
});

describe('snapshots from a server that leaves out `itemsView`', () => {
  it('a record without it counts as full (its serde default)', () => {
    const answer = agentMessage({ id: 'a', text: 'hi' });
    const record = thread({
      id: T,
      turns: [turnOf({ id: 'x', items: [answer], status: 'completed', itemsView: 'summary' })],
    });
    const s1 = reduce(initialState, { kind: 'snapshot', thread: record });
    expect(turnAt(s1, T, 0).itemsView).toBe('summary');
    const { itemsView: _omitted, ...bare } = turnOf({ id: 'x', items: [answer], status: 'completed' });
    const wire = JSON.parse(JSON.stringify({ ...record, turns: [bare] })) as typeof record; // parsed test data
    expect(wire.turns[0]).not.toHaveProperty('itemsView');
    // Fresh turn and turn the state already knows: both read as a full record.
    expect(turnAt(reduce(initialState, { kind: 'snapshot', thread: wire }), T, 0).itemsView).toBe('full');
    expect(turnAt(reduce(s1, { kind: 'snapshot', thread: wire }), T, 0).itemsView).toBe('full');
  });
});

describe('malformed input', () => {
  it('a notification with broken params does not throw; it marks the thread (or the state) stale and says why', () => {
    const s0 = reduceAll(initialState, threadEvents(T, [{ deltas: ['a'] }]));
    const broken = { method: 'turn/completed', params: { threadId: T, turn: null } } as unknown as StateNotification;
    const s1 = reduce(s0, broken);
    expect(threadOf(s1, T).stale).toMatchObject({
      reason: 'gap',
      detail: expect.stringMatching(/malformed turn\/completed/) as string,
    });
    expect(threadOf(s1, T).turns).toBe(threadOf(s0, T).turns);
    const s2 = reduce(s0, { method: 'item/started', params: null } as unknown as StateNotification);
    expect(s2.stale).toMatchObject({ reason: 'gap', resync: null });
    expect(s2.threads).toBe(s0.threads);
  });
});
