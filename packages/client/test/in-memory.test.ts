/**
 * The in-memory transport pair on its own: delivery in order and in batches
 * (a microtask later, like a pipe), messages queued before either side
 * listens, non-objects reported by name, and the end of the pair from either
 * side (what is already on its way is delivered first; nothing after).
 */
import { describe, expect, it } from 'vitest';
import { createInMemoryPair } from '../src/in-memory.js';
import type { MalformedInput, ServerExit, TransportSink } from '../src/transport.js';

function recordingSink() {
  const messages: unknown[] = [];
  const malformed: MalformedInput[] = [];
  const closed: ServerExit[] = [];
  const sink: TransportSink = {
    message: (m) => messages.push(m),
    malformed: (p) => malformed.push(p),
    closed: (e) => closed.push(e),
  };
  return { sink, messages, malformed, closed };
}
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('createInMemoryPair', () => {
  it('delivers both ways a microtask later, in order, as the same objects', async () => {
    const { transport, server } = createInMemoryPair();
    expect(transport.kind).toBe('in-memory');
    const r = recordingSink();
    await transport.connect(r.sink);
    const got: unknown[] = [];
    server.onMessage((m) => got.push(m));
    const one = { method: 'a', params: { n: 1 } };
    expect(server.send(one)).toBe(true);
    expect(server.send({ method: 'b' })).toBe(true);
    expect(r.messages).toEqual([]);
    await tick();
    expect(r.messages).toEqual([one, { method: 'b' }]);
    expect(r.messages[0]).toBe(one);
    transport.send({ id: 0, method: 'x' });
    transport.send({ id: 1, method: 'y' });
    expect(got).toEqual([]);
    await tick();
    expect(got).toEqual([
      { id: 0, method: 'x' },
      { id: 1, method: 'y' },
    ]);
  });

  it('holds messages sent before the other side listens, and delivers them once it does', async () => {
    const { transport, server } = createInMemoryPair();
    server.send({ method: 'early' });
    transport.send({ id: 0, method: 'early/request' });
    const r = recordingSink();
    await transport.connect(r.sink);
    await tick();
    expect(r.messages).toEqual([{ method: 'early' }]);
    const got: unknown[] = [];
    server.onMessage((m) => got.push(m));
    await tick();
    expect(got).toEqual([{ id: 0, method: 'early/request' }]);
  });

  it('a message sent while a batch is delivered goes out in the next batch', async () => {
    const { transport, server } = createInMemoryPair();
    const order: string[] = [];
    await transport.connect({
      message: (m) => {
        order.push(String(m['method']));
        if (m['method'] === 'first') server.send({ method: 'third' });
      },
      malformed: () => undefined,
      closed: () => undefined,
    });
    server.send({ method: 'first' });
    server.send({ method: 'second' });
    await tick();
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('reports what is not a JSON object by name (BigInt as text), and keeps delivering', async () => {
    const { transport, server } = createInMemoryPair();
    const r = recordingSink();
    await transport.connect(r.sink);
    for (const m of [null, [1], 'str', 5, 7n, { method: 'ok' }]) server.send(m as never);
    await tick();
    expect(r.malformed.map((p) => [p.subject, p.message, p.raw])).toEqual([
      ['not a JSON object', 'the in-memory server sent null, not a JSON-RPC message object', null],
      ['not a JSON object', 'the in-memory server sent an array, not a JSON-RPC message object', [1]],
      ['not a JSON object', 'the in-memory server sent string, not a JSON-RPC message object', 'str'],
      ['not a JSON object', 'the in-memory server sent number, not a JSON-RPC message object', 5],
      ['not a JSON object', 'the in-memory server sent bigint, not a JSON-RPC message object', '7'],
    ]);
    expect(r.messages).toEqual([{ method: 'ok' }]);
  });

  it('server.close(): delivers what is on its way, then ends with the given exit (defaults filled in), once', async () => {
    const { transport, server } = createInMemoryPair();
    const r = recordingSink();
    await transport.connect(r.sink);
    let closedCalls = 0;
    server.onClose(() => closedCalls++);
    server.send({ method: 'last' });
    expect(server.closed).toBe(false);
    server.close({ code: 3, reason: 'test over' });
    await tick();
    expect(r.messages).toEqual([{ method: 'last' }]);
    expect(r.closed).toEqual([{ code: 3, signal: null, stderrTail: [], reason: 'test over' }]);
    expect(server.closed).toBe(true);
    expect(closedCalls).toBe(1);
    expect(server.send({ method: 'after' })).toBe(false);
    transport.send({ id: 9, method: 'after' });
    // A listener added after the end is called at once.
    let late = 0;
    server.onClose(() => late++);
    expect(late).toBe(1);
    // The client closing afterwards reports the same exit.
    await expect(transport.close({ timeoutMs: 10 })).resolves.toEqual(r.closed[0]);
    expect(r.closed).toHaveLength(1);
  });

  it('server.close() without arguments is a clean exit with no reason', async () => {
    const { transport, server } = createInMemoryPair();
    const r = recordingSink();
    await transport.connect(r.sink);
    server.close();
    await tick();
    expect(r.closed).toEqual([{ code: 0, signal: null, stderrTail: [] }]);
    const { transport: t2, server: s2 } = createInMemoryPair();
    const r2 = recordingSink();
    await t2.connect(r2.sink);
    s2.close({ signal: 'SIGTERM', stderrTail: ['x'] });
    await tick();
    expect(r2.closed).toEqual([{ code: 0, signal: 'SIGTERM', stderrTail: ['x'] }]);
  });

  it('transport.close(): the client ends it as "closed by the client"; messages queued for the server are not delivered', async () => {
    const { transport, server } = createInMemoryPair();
    const r = recordingSink();
    await transport.connect(r.sink);
    const got: unknown[] = [];
    server.onMessage((m) => got.push(m));
    transport.send({ id: 0, method: 'dropped' });
    server.send({ method: 'delivered first' });
    const exit = await transport.close({ timeoutMs: 10 });
    expect(exit).toEqual({ code: 0, signal: null, stderrTail: [], reason: 'closed by the client' });
    expect(r.messages).toEqual([{ method: 'delivered first' }]);
    await tick();
    expect(got).toEqual([]);
    expect(server.closed).toBe(true);
  });
});
