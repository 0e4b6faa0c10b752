/**
 * The client's `TurnRun` under a fake host: start/abort/interrupt ordering,
 * which events it takes, early-event overflow accounting, and that it
 * releases its tap exactly once.
 */
import type { ClientRequestResult } from '@cask/protocol';
import { describe, expect, it } from 'vitest';
import { turn as turnOf } from './state/builders.js';
import { TurnRun, type TurnTap } from '../src/turn.js';
import type { NotificationEvent, TurnStreamItem } from '../src/types.js';

function ev(method: string, params: unknown): NotificationEvent {
  // Test events are built loosely; TurnRun reads `method`, `params.threadId` and the turn id.
  const e: unknown = { kind: 'notification', method, params, raw: { method, params } };
  return e as NotificationEvent;
}
const answer = (id: string): ClientRequestResult<'turn/start'> => ({
  turn: turnOf({ id, status: 'inProgress', itemsView: 'notLoaded' }),
});
const tick = () => new Promise<void>((r) => setImmediate(r));

function setup(capacity = 8) {
  const calls = { interrupt: [] as string[], done: 0, untap: 0, dropped: [] as number[] };
  let tap: TurnTap | undefined;
  const run = new TurnRun('th', capacity, {
    tap: (t) => {
      tap = t;
      return () => {
        calls.untap++;
      };
    },
    interrupt: (id) => {
      calls.interrupt.push(id);
      return Promise.resolve({});
    },
    done: () => {
      calls.done++;
    },
    countDropped: (n) => {
      calls.dropped.push(n);
    },
  });
  const notify = (e: NotificationEvent) => {
    tap?.notify(e);
  };
  return { run, calls, notify, fail: (e: unknown) => tap?.fail(e) };
}
/** Attaches a turn/start that has not answered yet; returns what answers it. */
function attachPending(run: TurnRun): (r: ClientRequestResult<'turn/start'>) => void {
  let resolve!: (r: ClientRequestResult<'turn/start'>) => void;
  run.attach(
    new Promise((r) => {
      resolve = r;
    }),
    undefined,
  );
  return resolve;
}
async function drain(run: TurnRun): Promise<TurnStreamItem[]> {
  const out: TurnStreamItem[] = [];
  for await (const e of run) out.push(e);
  return out;
}
const names = (es: TurnStreamItem[]) => es.map((e) => ('method' in e ? e.method : `lagged:${String(e.skipped)}`));
const done = (id: string) => ev('turn/completed', { threadId: 'th', turn: { id, status: 'completed' } });

describe('TurnRun', () => {
  it('sends no interrupt without a signal or a request', async () => {
    const { run, calls } = setup();
    run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    expect(run.turnId).toBe('t1');
    expect(calls.interrupt).toEqual([]);
    const signal = new AbortController().signal;
    const other = setup();
    other.run.attach(Promise.resolve(answer('t2')), signal);
    await tick();
    expect(other.calls.interrupt).toEqual([]);
  });

  it('an already aborted signal interrupts the turn as soon as turn/start answers', async () => {
    const { run, calls } = setup();
    const ac = new AbortController();
    ac.abort();
    run.attach(Promise.resolve(answer('t1')), ac.signal);
    expect(calls.interrupt).toEqual([]);
    await tick();
    expect(calls.interrupt).toEqual(['t1']);
  });

  it('a signal aborted later interrupts the running turn once', async () => {
    const { run, calls } = setup();
    const ac = new AbortController();
    run.attach(Promise.resolve(answer('t1')), ac.signal);
    await tick();
    ac.abort();
    await tick();
    expect(calls.interrupt).toEqual(['t1']);
  });

  it('interrupt() before turn/start answers is sent when it does; after the end it sends nothing', async () => {
    const { run, calls, notify } = setup();
    const resolve = attachPending(run);
    await run.interrupt();
    expect(calls.interrupt).toEqual([]);
    resolve(answer('t1'));
    await tick();
    expect(calls.interrupt).toEqual(['t1']);
    notify(done('t1'));
    await run.interrupt();
    expect(calls.interrupt).toEqual(['t1']);
    await expect(run.completed).resolves.toMatchObject({ id: 't1', status: 'completed' });
  });

  it('takes only its thread and turn, tolerating params without ids', async () => {
    const { run, notify } = setup();
    run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    notify(ev('thread/status/changed', undefined));
    notify(ev('item/started', { threadId: 'other', turnId: 't1' }));
    notify(ev('thread/status/changed', { threadId: 'th' }));
    notify(ev('turn/started', { threadId: 'th', turn: {} }));
    notify(ev('item/started', { threadId: 'th', turnId: 't2' }));
    notify(ev('item/started', { threadId: 'th', turnId: 't1' }));
    notify(ev('turn/started', { threadId: 'th', turn: { id: 't1' } }));
    notify(done('t1'));
    notify(ev('item/started', { threadId: 'th', turnId: 't1' }));
    expect(names(await drain(run))).toEqual(['item/started', 'turn/started', 'turn/completed']);
  });

  it('early events beyond the capacity are counted once and marked; none dropped means no count', async () => {
    const a = setup(2);
    for (let i = 0; i < 5; i++) a.notify(ev('item/started', { threadId: 'th', turnId: 't1', n: i }));
    a.run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    a.notify(done('t1'));
    const got = await drain(a.run);
    expect(a.calls.dropped).toEqual([3]);
    expect(names(got)).toEqual(['item/started', 'item/started', 'lagged:3', 'turn/completed']);

    const b = setup(8);
    b.notify(ev('item/started', { threadId: 'th', turnId: 't1' }));
    b.run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    b.notify(done('t1'));
    expect(names(await drain(b.run))).toEqual(['item/started', 'turn/completed']);
    expect(b.calls.dropped).toEqual([]);
  });

  it('a failure ends everything once; a later turn/start answer is ignored', async () => {
    const { run, calls, fail } = setup();
    const resolve = attachPending(run);
    const boom = new Error('gone');
    fail(boom);
    fail(new Error('again'));
    expect(calls.done).toBe(1);
    expect(calls.untap).toBe(1);
    await expect(run.started).rejects.toBe(boom);
    await expect(run.completed).rejects.toBe(boom);
    resolve(answer('t1'));
    await tick();
    expect(run.turnId).toBeUndefined();
    await expect(run.next()).rejects.toBe(boom);
  });

  it('return() releases the tap once and ends the stream; the turn can no longer fail it', async () => {
    const { run, calls, fail } = setup();
    run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    await expect(run.return()).resolves.toEqual({ value: undefined, done: true });
    await run.return();
    expect(calls.done).toBe(1);
    expect(calls.untap).toBe(1);
    fail(new Error('late'));
    expect(calls.done).toBe(1);
    await expect(run.next()).resolves.toEqual({ value: undefined, done: true });
    expect(run[Symbol.asyncIterator]()).toBe(run);
  });

  it('turn/completed releases the tap once', async () => {
    const { run, calls, notify } = setup();
    run.attach(Promise.resolve(answer('t1')), undefined);
    await tick();
    notify(done('t1'));
    notify(done('t1'));
    await run.return();
    expect(calls.done).toBe(1);
    expect(calls.untap).toBe(1);
  });
});
