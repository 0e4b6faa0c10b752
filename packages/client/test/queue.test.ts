/**
 * `BoundedQueue` and `EarlyBuffer` on their own: capacity at its boundary,
 * lag markers (merged, handed to a waiting reader), terminal and final
 * items, close with and without an error, a consumer that stops early, and
 * the deque compaction behind large streams.
 */
import { describe, expect, it } from 'vitest';
import { EarlyBuffer } from '../src/early-buffer.js';
import { BoundedQueue, DEFAULT_QUEUE_CAPACITY, isLagged, type LaggedEvent } from '../src/queue.js';

async function drain<T>(q: BoundedQueue<T>): Promise<Array<T | LaggedEvent>> {
  const out: Array<T | LaggedEvent> = [];
  for (;;) {
    const r = await q.next();
    if (r.done) return out;
    out.push(r.value);
  }
}
const lag = (skipped: number) => ({ kind: 'lagged', skipped });
const plain = (xs: unknown[]) => xs.map((x) => (isLagged(x) ? { kind: x.kind, skipped: x.skipped } : x));

describe('BoundedQueue', () => {
  it('defaults to 10,000 and refuses a capacity that is not a positive integer', () => {
    expect(DEFAULT_QUEUE_CAPACITY).toBe(10_000);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => new BoundedQueue(bad)).toThrow(
        new RangeError(`queue capacity must be a positive integer, got ${bad}`),
      );
    }
    expect(new BoundedQueue(1).capacity).toBe(1);
  });

  it('holds exactly capacity items; the next ones are dropped, counted, and become one lag marker', async () => {
    const dropped: string[] = [];
    const q = new BoundedQueue<string>(2, undefined, (x) => dropped.push(x));
    expect(q.push('a')).toBe(true);
    expect(q.push('b')).toBe(true);
    expect(q.size).toBe(2);
    expect(q.push('c')).toBe(false);
    expect(q.push('d')).toBe(false);
    expect(q.size).toBe(2);
    expect(q.dropped).toBe(2);
    expect(dropped).toEqual(['c', 'd']);
    q.close();
    expect(plain(await drain(q))).toEqual(['a', 'b', lag(2)]);
  });

  it('a lag marker is not merged with one already read, nor across items', async () => {
    const q = new BoundedQueue<string>(1);
    q.push('a');
    q.push('x');
    const first = await q.next();
    expect(first).toEqual({ value: 'a', done: false });
    expect(q.size).toBe(0);
    q.push('b');
    q.push('y');
    q.markDropped(3);
    q.close();
    expect(plain(await drain(q))).toEqual([lag(1), 'b', lag(4)]);
    expect(q.dropped).toBe(5);
  });

  it('markDropped ignores 0 and negative counts, and anything after close', async () => {
    const q = new BoundedQueue<string>(5);
    q.markDropped(0);
    q.markDropped(-2);
    q.push('a');
    q.close();
    q.markDropped(4);
    expect(q.push('late')).toBe(false);
    expect(plain(await drain(q))).toEqual(['a']);
    expect(q.dropped).toBe(0);
  });

  it('hands an item or a lag marker straight to a waiting reader', async () => {
    const q = new BoundedQueue<string>(1);
    const first = q.next();
    expect(q.push('direct')).toBe(true);
    await expect(first).resolves.toEqual({ value: 'direct', done: false });
    const second = q.next();
    q.markDropped(2);
    const r = await second;
    expect(isLagged(r.value) && r.value.skipped).toBe(2);
    expect(q.size).toBe(0);
  });

  it('a second next() while one waits is refused', async () => {
    const q = new BoundedQueue<string>(1);
    const first = q.next();
    await expect(q.next()).rejects.toThrow('this iterator already has a pending next() call');
    q.close();
    await expect(first).resolves.toEqual({ value: undefined, done: true });
  });

  it('terminal items are kept past capacity, up to twice it', async () => {
    const q = new BoundedQueue<string>(2);
    q.push('a');
    q.push('b');
    expect(q.push('t1', true)).toBe(true);
    expect(q.push('t2', true)).toBe(true);
    expect(q.push('t3', true)).toBe(false);
    expect(q.push('c')).toBe(false);
    q.close();
    expect(plain(await drain(q))).toEqual(['a', 'b', 't1', 't2', lag(2)]);
  });

  it('pushFinal adds past capacity and closes; hands it to a waiting reader; nothing after close', async () => {
    let done = 0;
    const q = new BoundedQueue<string>(1, () => done++);
    q.push('a');
    q.pushFinal('end');
    expect(q.isClosed).toBe(true);
    expect(done).toBe(1);
    q.pushFinal('again');
    expect(done).toBe(1);
    expect(plain(await drain(q))).toEqual(['a', 'end']);
    const w = new BoundedQueue<string>(1);
    const waiting = w.next();
    w.pushFinal('fin');
    await expect(waiting).resolves.toEqual({ value: 'fin', done: false });
    await expect(w.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('close(error): the queued items first, then the error once, then done; a waiting reader gets it at once', async () => {
    const q = new BoundedQueue<string>(3);
    q.push('a');
    const boom = new Error('boom');
    q.close({ error: boom });
    q.close({ error: new Error('second close ignored') });
    await expect(q.next()).resolves.toEqual({ value: 'a', done: false });
    await expect(q.next()).rejects.toBe(boom);
    await expect(q.next()).resolves.toEqual({ value: undefined, done: true });
    const w = new BoundedQueue<string>(3);
    const waiting = w.next();
    w.close({ error: boom });
    await expect(waiting).rejects.toBe(boom);
    await expect(w.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('return() empties and closes, hands unread items (not lag markers) to onDiscard, once', async () => {
    const discarded: string[][] = [];
    let done = 0;
    const q = new BoundedQueue<string>(
      2,
      () => done++,
      undefined,
      (items) => discarded.push(items),
    );
    q.push('a');
    q.push('b');
    q.push('dropped');
    await q.next();
    await expect(q.return()).resolves.toEqual({ value: undefined, done: true });
    expect(discarded).toEqual([['b']]);
    expect(q.size).toBe(0);
    expect(q.isClosed).toBe(true);
    expect(done).toBe(1);
    await q.return();
    expect(discarded).toHaveLength(1);
    // Nothing unread: onDiscard is not called.
    const empty: string[][] = [];
    const e = new BoundedQueue<string>(2, undefined, undefined, (items) => empty.push(items));
    await e.return();
    expect(empty).toEqual([]);
    // A failure pending at return() is dropped with the rest.
    const f = new BoundedQueue<string>(2);
    f.close({ error: new Error('x') });
    await f.return();
    await expect(f.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('is its own async iterator, and keeps order across compactions of a long stream', async () => {
    const q = new BoundedQueue<number>(5_000);
    expect(q[Symbol.asyncIterator]()).toBe(q);
    const got: number[] = [];
    let next = 0;
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 1_500; i++) q.push(next++);
      for (let i = 0; i < 1_200; i++) {
        const v = q.shift();
        if (typeof v === 'number') got.push(v);
      }
      expect(q.size).toBe(next - got.length);
    }
    q.close();
    for await (const v of q) if (typeof v === 'number') got.push(v);
    expect(got).toEqual(Array.from({ length: next }, (_, i) => i));
    expect(q.shift()).toBeUndefined();
  });

  it('isLagged recognises only its own markers', () => {
    expect(isLagged({ kind: 'lagged', skipped: 1 })).toBe(false);
    expect(isLagged(null)).toBe(false);
  });
});

describe('EarlyBuffer', () => {
  const isFinal = (e: string) => e.startsWith('end');

  it('keeps up to capacity ordinary events; take() returns a turn’s own, in order, and empties the buffer', () => {
    const b = new EarlyBuffer<string>(3, isFinal);
    expect(b.capacity).toBe(3);
    b.add('t1', 'a');
    b.add('t2', 'x');
    b.add('t1', 'b');
    expect(b.take('t1')).toEqual({ events: ['a', 'b'], skipped: 0, final: undefined });
    expect(b.take('t2')).toEqual({ events: [], skipped: 0, final: undefined });
  });

  it('counts drops per turn up to capacity turns, then as unattributed (counted for every turn)', () => {
    const b = new EarlyBuffer<string>(2, isFinal);
    b.add('t1', 'a');
    b.add('t1', 'b');
    b.add('t1', 'c'); // dropped, t1
    b.add('t1', 'd'); // dropped, t1
    b.add('t2', 'e'); // dropped, t2
    b.add('t3', 'f'); // dropped, no room to attribute
    expect(b.take('t1')).toEqual({ events: ['a', 'b'], skipped: 3, final: undefined });
    const c = new EarlyBuffer<string>(1, isFinal);
    c.add('t1', 'a');
    c.add('t2', 'b');
    c.add('t3', 'c');
    expect(c.take('t2').skipped).toBe(2);
  });

  it('a final event is never dropped for ordinary ones; finals past capacity evict the oldest, counted', () => {
    const b = new EarlyBuffer<string>(1, isFinal);
    b.add('t1', 'a');
    b.add('t1', 'end-1');
    expect(b.take('t1')).toEqual({ events: ['a'], skipped: 0, final: 'end-1' });
    const c = new EarlyBuffer<string>(2, isFinal);
    c.add('t1', 'end-1');
    c.add('t2', 'end-2');
    c.add('t2', 'end-2b'); // same turn: replaces, nothing evicted
    c.add('t3', 'end-3'); // evicts t1's
    const t1 = new EarlyBuffer<string>(2, isFinal);
    t1.add('t1', 'end-1');
    t1.add('t2', 'end-2');
    t1.add('t3', 'end-3');
    expect(t1.take('t1')).toEqual({ events: [], skipped: 1, final: undefined });
    expect(c.take('t2')).toEqual({ events: [], skipped: 1, final: 'end-2b' });
  });

  it('clear() drops everything, counts included', () => {
    const b = new EarlyBuffer<string>(1, isFinal);
    b.add('t1', 'a');
    b.add('t1', 'b');
    b.add('t1', 'end');
    b.clear();
    expect(b.take('t1')).toEqual({ events: [], skipped: 0, final: undefined });
  });
});
