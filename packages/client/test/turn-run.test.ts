/**
 * `ThreadTurnRun` on its own: a real client `TurnRun` under a fake handle
 * host, so every path (events before `turn/start` answers, thread notices,
 * lag markers, failures, the final result) is driven and checked exactly.
 */
import type { ClientRequestResult, UserInput } from '@cask/protocol';
import { describe, expect, it } from 'vitest';
import { turn as turnOf } from './state/builders.js';
import type { LaggedEvent } from '../src/queue.js';
import { emptyTurn, patchTurn } from '../src/state/tree.js';
import type { TurnState } from '../src/state/types.js';
import { TurnRun, type TurnTap } from '../src/turn.js';
import { ThreadTurnRun, textInput, type TurnRunEvent } from '../src/turn-run.js';
import type { NotificationEvent } from '../src/types.js';

function ev(method: string, params: unknown): NotificationEvent {
  // Test events are built loosely; ThreadTurnRun only reads `method` and the turn id in `params`.
  const e: unknown = { kind: 'notification', method, params, raw: { method, params } };
  return e as NotificationEvent;
}
const started = (id: string): Promise<ClientRequestResult<'turn/start'>> =>
  Promise.resolve({ turn: turnOf({ id, status: 'inProgress', itemsView: 'notLoaded' }) });
const tick = () => new Promise<void>((r) => setImmediate(r));

function setup(opts: { capacity?: number; notices?: boolean; states?: Map<string, TurnState> } = {}) {
  const states = opts.states ?? new Map<string, TurnState>();
  const calls = { steer: [] as Array<[string, UserInput[]]>, interrupt: [] as string[], detach: 0, fresh: 0 };
  let tap: TurnTap | undefined;
  const raw = new TurnRun('th', 8, {
    tap: (t) => {
      tap = t;
      return () => undefined;
    },
    interrupt: (id) => {
      calls.interrupt.push(id);
      return Promise.resolve({});
    },
    done: () => undefined,
    countDropped: () => undefined,
  });
  const run = new ThreadTurnRun(
    {
      threadId: 'th',
      turnState: (id) => states.get(id),
      ensureFresh: () => {
        calls.fresh++;
        return Promise.resolve();
      },
      steer: (id, input) => {
        calls.steer.push([id, input]);
        return Promise.resolve({ turnId: id });
      },
      detach: () => {
        calls.detach++;
      },
    },
    raw,
    opts.capacity ?? 8,
    opts.notices ?? false,
  );
  return { run, raw, calls, states, tap: () => tap };
}

async function drain(run: ThreadTurnRun): Promise<TurnRunEvent[]> {
  const out: TurnRunEvent[] = [];
  for await (const e of run) out.push(e);
  return out;
}
const names = (es: TurnRunEvent[]) => es.map((e) => ('method' in e ? e.method : `lagged:${String(e.skipped)}`));

describe('textInput', () => {
  it('is one text item with no elements', () => {
    expect(textInput('hi')).toEqual([{ type: 'text', text: 'hi', text_elements: [] }]);
  });
});

describe('ThreadTurnRun', () => {
  it('knows no turn id or state before turn/start answers, then reads the host state', async () => {
    const { run, raw, states } = setup();
    states.set('t1', emptyTurn('t1'));
    expect(run.turnId).toBeUndefined();
    expect(run.turn).toBeUndefined();
    raw.attach(started('t1'), undefined);
    await tick();
    expect(run.turnId).toBe('t1');
    expect(run.turn).toBe(states.get('t1'));
  });

  it('steer sends a string as text input and an input array as is; interrupt goes to the turn', async () => {
    const { run, raw, calls } = setup();
    raw.attach(started('t1'), undefined);
    await expect(run.steer('more')).resolves.toEqual({ turnId: 't1' });
    const items: UserInput[] = [{ type: 'text', text: 'x', text_elements: [] }];
    await run.steer(items);
    expect(calls.steer).toEqual([
      ['t1', [{ type: 'text', text: 'more', text_elements: [] }]],
      ['t1', items],
    ]);
    expect(calls.steer[1]?.[1]).toBe(items);
    await run.interrupt();
    expect(calls.interrupt).toEqual(['t1']);
  });

  it('delivers events that came before turn/start answered, in order, turn/completed last', async () => {
    const { run, raw, states, calls } = setup();
    states.set('t1', patchTurn(emptyTurn('t1'), { status: 'completed' }));
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    run.offer(ev('item/started', { threadId: 'th', turnId: 'other' }));
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
    run.offer(ev('item/completed', { threadId: 'th', turnId: 't1' }));
    raw.attach(started('t1'), undefined);
    // The buffered turn/completed is held back and delivered last, after everything else of the turn.
    expect(names(await drain(run))).toEqual(['item/started', 'item/completed', 'turn/completed']);
    const result = await run.result;
    expect(result).toMatchObject({ threadId: 'th', turnId: 't1', status: 'completed', text: '', usage: null });
    expect(result.turn).toBe(states.get('t1'));
    expect(calls.fresh).toBe(1);
    expect(calls.detach).toBe(1);
  });

  it('after the id is known: other turns, events without a turn id and events after turn/completed are left out', async () => {
    const { run, raw, states } = setup();
    states.set('t1', emptyTurn('t1'));
    raw.attach(started('t1'), undefined);
    await tick();
    run.offer(ev('item/started', { threadId: 'th', turnId: 'other' }));
    run.offer(ev('thread/status/changed', { threadId: 'th' }));
    run.offer(ev('thread/status/changed', null));
    run.offer(ev('item/started', { threadId: 'th', turnId: 7 }));
    run.offer(ev('turn/started', { threadId: 'th', turn: { id: 'other' } }));
    run.offer(ev('turn/started', { threadId: 'th', turn: null }));
    run.offer(ev('turn/started', { threadId: 'th', turn: { id: 1 } }));
    run.offer(ev('turn/started', { threadId: 'th', turn: {} }));
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    run.offer(ev('turn/started', { threadId: 'th', turn: { id: 't1' } }));
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    run.lagged(5);
    expect(names(await drain(run))).toEqual(['item/started', 'turn/started', 'turn/completed']);
  });

  for (const notices of [true, false]) {
    it(`thread notices are ${notices ? 'included' : 'left out'} when includeThreadNotices is ${String(notices)}`, async () => {
      const { run, raw, states } = setup({ notices });
      states.set('t1', emptyTurn('t1'));
      run.offer(ev('warning', { message: 'early' }));
      raw.attach(started('t1'), undefined);
      await tick();
      run.offer(ev('configWarning', { summary: 'c' }));
      run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
      run.offer(ev('deprecationNotice', { summary: 'late' }));
      expect(names(await drain(run))).toEqual(
        notices ? ['warning', 'configWarning', 'turn/completed'] : ['turn/completed'],
      );
    });
  }

  it('lag reported before the id is known is one marker with the sum; zero and negative lag add none', async () => {
    const { run, raw, states } = setup();
    states.set('t1', emptyTurn('t1'));
    run.lagged(2);
    run.lagged(0);
    run.lagged(-4);
    run.lagged(3);
    raw.attach(started('t1'), undefined);
    await tick();
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    run.lagged(0);
    run.lagged(-1);
    run.lagged(4);
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
    expect(names(await drain(run))).toEqual(['lagged:5', 'item/started', 'lagged:4', 'turn/completed']);
  });

  it('early overflow is counted in the marker together with the lag reported by the handle', async () => {
    const { run, raw, states } = setup({ capacity: 2 });
    states.set('t1', emptyTurn('t1'));
    for (let i = 0; i < 5; i++) run.offer(ev('item/started', { threadId: 'th', turnId: 't1', n: i }));
    run.lagged(10);
    raw.attach(started('t1'), undefined);
    await tick();
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
    const got = await drain(run);
    const lag = got.filter((e): e is LaggedEvent => !('method' in e));
    expect(lag.reduce((n, e) => n + e.skipped, 0)).toBe(13);
    expect(got.at(-1)).toMatchObject({ method: 'turn/completed' });
  });

  it('a failed turn/start rejects the result and the stream with the same error, once', async () => {
    const { run, raw, calls } = setup();
    const boom = new Error('start refused');
    raw.attach(Promise.reject(boom), undefined);
    await expect(run.result).rejects.toBe(boom);
    await expect(run.next()).rejects.toBe(boom);
    expect(calls.detach).toBe(1);
    run.fail(new Error('second'));
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't1' } }));
    expect(calls.detach).toBe(1);
    await expect(run.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('a turn failure after the start (raw.completed rejects) fails the run', async () => {
    const { run, raw, tap, calls } = setup();
    raw.attach(started('t1'), undefined);
    await tick();
    const lost = new Error('connection lost');
    tap()?.fail(lost);
    await expect(run.result).rejects.toBe(lost);
    expect(calls.detach).toBe(1);
  });

  it('a turn missing from the host state after turn/completed rejects the result naming the turn', async () => {
    const { run, raw } = setup();
    raw.attach(started('t9'), undefined);
    await tick();
    run.offer(ev('turn/completed', { threadId: 'th', turn: { id: 't9' } }));
    await expect(run.result).rejects.toThrow("turn t9 is missing from the thread's state");
  });

  it('return() ends the stream for the reader; later events are not queued', async () => {
    const { run, raw } = setup();
    raw.attach(started('t1'), undefined);
    await tick();
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    await expect(run.return()).resolves.toEqual({ value: undefined, done: true });
    run.offer(ev('item/started', { threadId: 'th', turnId: 't1' }));
    await expect(run.next()).resolves.toEqual({ value: undefined, done: true });
    expect(run[Symbol.asyncIterator]()).toBe(run);
  });
});
