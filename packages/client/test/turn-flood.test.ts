/**
 * A flood of turn events against a slow consumer: every event of the turn is
 * either delivered or counted in a `lagged` marker, and `turn/completed` is
 * always delivered, whether the flood comes after `turn/start` answered or
 * before (when the run does not yet know its turn id).
 */
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isLagged, type ClientEvent } from '../src/index.js';
import { EarlyBuffer } from '../src/early-buffer.js';
import { BoundedQueue } from '../src/queue.js';
import { inMemoryClients } from './fixtures/clients.js';
import { NO_ANSWER, type TsServer } from './fixtures/ts-server.js';

const N = 5_000;
const CAPACITY = 100;
const THREAD = 't';
const TURN = 'u';

const clients = inMemoryClients('flood');
const connect = () => clients.start({ queueCapacity: CAPACITY });

type Order = 'after' | 'before' | 'split';

const turnRecord = (status: 'inProgress' | 'completed') => ({ id: TURN, items: [], status, error: null });

/** turn/started and N agent message deltas; with `complete`, turn/completed too (N + 2 events of the turn). */
function flood(server: TsServer, complete = true): void {
  server.notify('turn/started', { threadId: THREAD, turn: turnRecord('inProgress') });
  for (let i = 0; i < N; i++) {
    server.notify('item/agentMessage/delta', { threadId: THREAD, turnId: TURN, itemId: 'a', delta: `${i} ` });
  }
  if (complete) sendCompleted(server);
}

function sendCompleted(server: TsServer): void {
  server.notify('turn/completed', { threadId: THREAD, turn: turnRecord('completed') });
}

/**
 * Makes `turn/start` answer before the flood (`after`), or only after the
 * whole flood was sent (`before`: the run buffers it without its turn id),
 * or after the deltas but before `turn/completed` (`split`).
 */
function serveTurn(server: TsServer, order: Order): void {
  server.handle('turn/start', (_params, id) => {
    if (order === 'after') {
      setTimeout(() => {
        flood(server);
      }, 5);
      return { turn: turnRecord('inProgress') };
    }
    flood(server, order === 'before');
    server.end.send({ id, result: { turn: turnRecord('inProgress') } });
    if (order === 'split') {
      setTimeout(() => {
        sendCompleted(server);
      }, 5);
    }
    return NO_ANSWER;
  });
}

interface Tally {
  delivered: number;
  deltas: number;
  skipped: number;
  markers: number;
  last: string | undefined;
}

/** Reads a stream slowly (one macrotask per item) and counts what it got. */
async function drain(stream: AsyncIterable<ClientEvent>): Promise<Tally> {
  const t: Tally = { delivered: 0, deltas: 0, skipped: 0, markers: 0, last: undefined };
  for await (const ev of stream) {
    await tick();
    if (isLagged(ev)) {
      t.skipped += ev.skipped;
      t.markers++;
      t.last = 'lagged';
      continue;
    }
    if (!('method' in ev)) continue;
    t.delivered++;
    if (ev.method === 'item/agentMessage/delta') t.deltas++;
    t.last = ev.method;
  }
  return t;
}

describe.each(['after', 'before', 'split'] as const)('flood order %s, queueCapacity 100', (order) => {
  it('client.runTurn: every event is delivered or counted in lagged; turn/completed comes last', async () => {
    const { client, server } = await connect();
    serveTurn(server, order);
    const before = client.droppedEvents;
    const run = client.runTurn(THREAD, 'go');
    const t = await drain(run);
    expect(t.markers).toBeGreaterThan(0);
    expect(t.delivered + t.skipped).toBe(N + 2);
    expect(t.deltas).toBeLessThan(N);
    expect(t.last).toBe('turn/completed');
    expect((await run.completed).status).toBe('completed');
    expect(client.droppedEvents - before).toBeGreaterThanOrEqual(t.skipped);
  });

  it('client.events() accounts for the same flood', async () => {
    const { client, server } = await connect();
    serveTurn(server, order);
    const events = client.events();
    const run = client.runTurn(THREAD, 'go');
    await run.completed;
    let delivered = 0;
    let skipped = 0;
    for (;;) {
      const r = await Promise.race([events.next(), tick().then(() => undefined)]);
      if (r === undefined || r.done) break;
      if (isLagged(r.value)) skipped += r.value.skipped;
      else if ('method' in r.value) delivered++;
    }
    await events.return?.();
    expect(delivered + skipped).toBe(N + 2);
  });

  it('ThreadHandle.run: the run stream reports the lag, the state is marked stale, result re-reads', async () => {
    const { client, server } = await connect();
    serveTurn(server, order);
    let reads = 0;
    server.handle('thread/read', () => {
      reads++;
      return {
        thread: {
          id: THREAD,
          sessionId: 's',
          preview: '',
          ephemeral: false,
          modelProvider: 'p',
          createdAt: 0,
          updatedAt: 0,
          status: { type: 'idle' },
          cwd: '/w',
          cliVersion: '0',
          source: 'appServer',
          projectId: null,
          turns: [{ ...turnRecord('completed'), items: [{ type: 'agentMessage', id: 'a', text: 'done' }] }],
        },
      };
    });
    const handle = client.thread(THREAD, { queueCapacity: CAPACITY });
    let sawStale = false;
    handle.subscribe((s) => {
      if (s.stale?.reason === 'lagged') sawStale = true;
    });
    const run = handle.run('go');
    const t = await drain(run);
    expect(t.markers).toBeGreaterThan(0);
    // All events of this thread are this turn's, so the count is exact.
    expect(t.delivered + t.skipped).toBe(N + 2);
    expect(t.last).toBe('turn/completed');
    const result = await run.result;
    expect(result.status).toBe('completed');
    expect(sawStale).toBe(true);
    expect(reads).toBeGreaterThan(0);
    handle.close();
  });
});

describe('bounded pieces behind the turn streams', () => {
  it('BoundedQueue keeps terminal items past capacity, behind the lag marker, up to a second capacity', async () => {
    const q = new BoundedQueue<string>(2);
    expect(q.push('a')).toBe(true);
    expect(q.push('b')).toBe(true);
    expect(q.push('c')).toBe(false);
    expect(q.push('end1', true)).toBe(true);
    expect(q.push('end2', true)).toBe(true);
    expect(q.push('end3', true)).toBe(false); // 2 × capacity held: even terminal items are counted, not kept
    q.markDropped(3);
    q.close();
    const out: unknown[] = [];
    for await (const x of q) out.push(isLagged(x) ? `lagged:${x.skipped}` : x);
    expect(out).toEqual(['a', 'b', 'lagged:1', 'end1', 'end2', 'lagged:4']);
    expect(q.dropped).toBe(5);
  });

  it('EarlyBuffer counts the overflow per turn and never drops a final event for ordinary ones', () => {
    const b = new EarlyBuffer<string>(2, (e) => e.startsWith('end'));
    b.add('x', 'x1');
    b.add('y', 'y1');
    b.add('y', 'y2');
    b.add('x', 'x2');
    b.add('x', 'x3');
    b.add('y', 'end-y');
    expect(b.take('y')).toEqual({ events: ['y1'], skipped: 1, final: 'end-y' });
    expect(b.take('x')).toEqual({ events: [], skipped: 0, final: undefined }); // take() empties the buffer
  });
});
