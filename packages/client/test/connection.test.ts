/**
 * The `Connection` layer on its own, over a recording transport: request ids
 * and the pending map, refusals before anything is sent (with their exact
 * messages), response matching and classification, inbound dispatch of
 * every shape, the server-request answer lifecycle, and the end of the
 * connection. No process, no session: what the session relies on, checked
 * at its boundary values.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JSONRPCMessage } from '@cask/protocol';
import {
  DEFAULT_MAX_PENDING_REQUESTS,
  DEFAULT_MAX_PENDING_SERVER_REQUESTS,
  Connection,
  type ConnectionIssue,
  type ConnectionOptions,
} from '../src/connection.js';
import {
  ClientClosedError,
  JsonRpcError,
  OverloadedError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
} from '../src/errors.js';
import { UnserialisableMessageError } from '../src/json-rpc.js';
import type { ServerRequestAnswer } from '../src/server-request.js';
import type { ServerExit, Transport, TransportSink } from '../src/transport.js';

interface Harness {
  conn: Connection;
  sent: Array<{ message: unknown; text: string | undefined }>;
  issues: ConnectionIssue[];
  notifications: Array<[string, unknown]>;
  requests: ServerRequestAnswer[];
  ended: Array<[ServerExit, boolean]>;
  /** Delivers a message as the transport would. */
  deliver: (m: unknown) => void;
  sink: () => TransportSink;
  closedWith: Array<{ timeoutMs: number }>;
}

const EXIT: ServerExit = { code: 1, signal: null, stderrTail: ['bye'] };

async function harness(
  options: ConnectionOptions = {},
  onRequest?: (a: ServerRequestAnswer) => void,
  /** Runs inside the transport's send(), after the message is recorded (a transport that answers at once). */
  onSend?: (message: JSONRPCMessage, sink: TransportSink) => void,
): Promise<Harness> {
  let sink: TransportSink | undefined;
  const sent: Harness['sent'] = [];
  const closedWith: Harness['closedWith'] = [];
  const transport: Transport = {
    kind: 'test',
    connect: (s) => {
      sink = s;
      return Promise.resolve();
    },
    send: (message, text) => {
      sent.push({ message, text });
      if (onSend && sink) onSend(message, sink);
    },
    close: (o) => {
      closedWith.push(o);
      return Promise.resolve(EXIT);
    },
  };
  const issues: ConnectionIssue[] = [];
  const notifications: Array<[string, unknown]> = [];
  const requests: ServerRequestAnswer[] = [];
  const ended: Array<[ServerExit, boolean]> = [];
  const conn = new Connection(
    transport,
    {
      notification: (method, params) => notifications.push([method, params]),
      serverRequest: (a) => {
        requests.push(a);
        onRequest?.(a);
      },
      issue: (i) => issues.push(i),
      ended: (exit, byClient) => ended.push([exit, byClient]),
    },
    options,
  );
  await conn.open();
  const getSink = (): TransportSink => {
    if (!sink) throw new Error('not connected');
    return sink;
  };
  return {
    conn,
    sent,
    issues,
    notifications,
    requests,
    ended,
    deliver: (m) => {
      getSink().message(m as Record<string, unknown>);
    },
    sink: getSink,
    closedWith,
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Connection: requests', () => {
  it('defaults: 10,000 pending requests, 1,000 pending server requests', () => {
    expect(DEFAULT_MAX_PENDING_REQUESTS).toBe(10_000);
    expect(DEFAULT_MAX_PENDING_SERVER_REQUESTS).toBe(1_000);
  });

  it('numbers requests from 0, sends the serialised text, omits absent params, and matches answers by id', async () => {
    const h = await harness();
    const a = h.conn.request('a/one', { x: 1 });
    const b = h.conn.request('b/two', undefined);
    // Strictly: the message handed to the transport (and the transcript hook) has no `params` key at all.
    expect(h.sent).toStrictEqual([
      { message: { id: 0, method: 'a/one', params: { x: 1 } }, text: '{"id":0,"method":"a/one","params":{"x":1}}' },
      { message: { id: 1, method: 'b/two' }, text: '{"id":1,"method":"b/two"}' },
    ]);
    expect(h.conn.pendingRequests).toBe(2);
    h.deliver({ id: 1, result: 'second' });
    h.deliver({ id: 0, result: { first: true } });
    await expect(a).resolves.toEqual({ first: true });
    await expect(b).resolves.toBe('second');
    expect(h.conn.pendingRequests).toBe(0);
    expect(h.issues).toEqual([]);
  });

  it('a string id never matches a numeric pending id: "0" is an unknown response and request 0 stays pending', async () => {
    const h = await harness();
    const p = h.conn.request('m', {});
    h.deliver({ id: '0', result: 'wrong' });
    expect(h.issues).toEqual([
      {
        direction: 's2c',
        subject: 'unknown response id',
        message:
          'a response has id "0", which no pending request has (answered already, timed out, aborted, or never sent)',
        raw: { id: '0', result: 'wrong' },
      },
    ]);
    expect(h.conn.pendingRequests).toBe(1);
    h.deliver({ id: 0, result: 'right' });
    await expect(p).resolves.toBe('right');
    h.deliver({ id: 0, result: 'again' });
    expect(h.issues[1]?.message).toBe(
      'a response has id 0, which no pending request has (answered already, timed out, aborted, or never sent)',
    );
  });

  it('an unserialisable param is an error before an id or a slot is taken', async () => {
    const h = await harness();
    const err = await rejection(h.conn.request('bad/params', { n: 1n }));
    expect(err).toBeInstanceOf(UnserialisableMessageError);
    expect((err as Error).message).toBe(
      'params of request bad/params cannot be serialised as JSON: Do not know how to serialize a BigInt',
    );
    expect(h.sent).toEqual([]);
    expect(h.conn.pendingRequests).toBe(0);
    void h.conn.request('next', {});
    expect(h.sent[0]?.message).toEqual({ id: 0, method: 'next', params: {} });
  });

  it('refuses past maxPendingRequests, exactly at the bound, with the count in the message', async () => {
    const h = await harness({ maxPendingRequests: 2 });
    void h.conn.request('a', {});
    void h.conn.request('b', {});
    const err = await rejection(h.conn.request('c', {}));
    expect(err).toBeInstanceOf(OverloadedError);
    expect(err).toMatchObject({ source: 'client', code: -32001, requestId: null, method: 'c' });
    expect((err as Error).message).toBe(
      'c failed with JSON-RPC error -32001: client overloaded: 2 requests already wait for an answer (maxPendingRequests)',
    );
    expect(h.sent).toHaveLength(2);
    h.deliver({ id: 0, result: null });
    void h.conn.request('d', {});
    expect(h.sent.at(-1)?.message).toEqual({ id: 2, method: 'd', params: {} });
  });

  it('a failed outbound check rejects with its error, unsent', async () => {
    const refusal = new Error('params refused');
    const outboundRequest = vi.fn((method: string) => (method === 'bad' ? refusal : undefined));
    const h = await harness({ checks: { outboundRequest } });
    await expect(h.conn.request('bad', { p: 1 })).rejects.toBe(refusal);
    expect(outboundRequest).toHaveBeenCalledWith('bad', { p: 1 });
    expect(h.sent).toEqual([]);
    const good = h.conn.request('good', {});
    expect(h.sent).toHaveLength(1);
    // Checks without an inbound check let results through.
    h.deliver({ id: 0, result: 'fine' });
    await expect(good).resolves.toBe('fine');
  });

  it('an inbound check can turn a result into an error', async () => {
    const refusal = new Error('result refused');
    const inboundResult = vi.fn((_m: string, r: unknown) => (r === 'bad' ? refusal : undefined));
    const h = await harness({ checks: { inboundResult } });
    const p = h.conn.request('m', {});
    h.deliver({ id: 0, result: 'bad' });
    await expect(p).rejects.toBe(refusal);
    expect(inboundResult).toHaveBeenCalledWith('m', 'bad');
  });

  it('error answers: JsonRpcError with code, message and data; -32001 is OverloadedError from the server', async () => {
    const h = await harness();
    const a = h.conn.request('a', {});
    const b = h.conn.request('b', {});
    h.deliver({ id: 0, error: { code: -32600, message: 'bad request', data: { why: 1 } } });
    h.deliver({ id: 1, error: { code: -32001, message: 'busy' } });
    const ea = await rejection(a);
    expect(ea).toBeInstanceOf(JsonRpcError);
    expect(ea).not.toBeInstanceOf(OverloadedError);
    expect(ea).toMatchObject({ code: -32600, data: { why: 1 }, requestId: 0, method: 'a' });
    expect((ea as Error).message).toBe('a (id 0) failed with JSON-RPC error -32600: bad request');
    const eb = await rejection(b);
    expect(eb).toBeInstanceOf(OverloadedError);
    expect(eb).toMatchObject({ source: 'server', code: -32001, requestId: 1 });
  });

  it('repairs malformed error members into a usable error naming what arrived', async () => {
    const h = await harness();
    const cases: Array<[unknown, number, string]> = [
      ['oops', -32603, 'malformed error member: "oops"'],
      [null, -32603, 'malformed error member: null'],
      [{ code: 1.5, message: 'frac' }, -32603, 'frac'],
      [{ code: '7', message: 'str code' }, -32603, 'str code'],
      [{ code: 9 }, 9, '{"code":9}'],
      [{ code: 3, message: 'x'.repeat(4_097) }, 3, `${'x'.repeat(4_096)}…`],
      [{ code: 3, message: 'y'.repeat(4_096) }, 3, 'y'.repeat(4_096)],
    ];
    for (const [error, code, message] of cases) {
      const p = h.conn.request('m', {});
      const id = (h.sent.at(-1)?.message as { id: number }).id;
      h.deliver({ id, error });
      const err = await rejection(p);
      expect(err).toBeInstanceOf(JsonRpcError);
      expect((err as JsonRpcError).code).toBe(code);
      expect((err as Error).message).toBe(`m (id ${id}) failed with JSON-RPC error ${code}: ${message}`);
      expect((err as JsonRpcError).data).toBeUndefined();
    }
    const p = h.conn.request('m', {});
    h.deliver({ id: 7, error: { code: 1, message: 'm', data: null } });
    expect(((await rejection(p)) as JsonRpcError).data).toBeNull();
    // An undefined error member (a response with `"error"` absent but `error in msg` through a prototype cannot
    // happen on parsed JSON); `bounded(undefined)` is the text of a member that JSON cannot print.
    const q = h.conn.request('m', {});
    h.deliver({ id: 8, error: undefined });
    expect(((await rejection(q)) as Error).message).toBe(
      'm (id 8) failed with JSON-RPC error -32603: malformed error member: undefined',
    );
  });

  it('times out after timeoutMs (per request, or the connection default); 0 and Infinity mean no time-out', async () => {
    vi.useFakeTimers();
    const h = await harness({ requestTimeoutMs: 500 });
    const byDefault = rejection(h.conn.request('slow/default', {}));
    const own = h.conn.request('slow/own', {}, { timeoutMs: 100 });
    const never0 = h.conn.request('never/0', {}, { timeoutMs: 0 });
    const neverInf = h.conn.request('never/inf', {}, { timeoutMs: Number.POSITIVE_INFINITY });
    let ownDone = false;
    own.catch(() => (ownDone = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(ownDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const e1 = await rejection(own);
    expect(e1).toBeInstanceOf(RequestTimeoutError);
    expect((e1 as Error).message).toBe('slow/own (id 1) got no answer within 100 ms');
    await vi.advanceTimersByTimeAsync(400);
    expect(((await byDefault) as Error).message).toBe('slow/default (id 0) got no answer within 500 ms');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(h.conn.pendingRequests).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    h.deliver({ id: 2, result: 0 });
    h.deliver({ id: 3, result: 'inf' });
    await expect(never0).resolves.toBe(0);
    await expect(neverInf).resolves.toBe('inf');
    // The timed-out request's late answer is an unknown id.
    h.deliver({ id: 1, result: 'late' });
    expect(h.issues.map((i) => i.subject)).toEqual(['unknown response id']);
  });

  it('an answer clears the timer and the abort listener', async () => {
    vi.useFakeTimers();
    const h = await harness();
    const ac = new AbortController();
    const remove = vi.spyOn(ac.signal, 'removeEventListener');
    const p = h.conn.request('m', {}, { timeoutMs: 1_000, signal: ac.signal });
    expect(vi.getTimerCount()).toBe(1);
    h.deliver({ id: 0, result: 1 });
    await expect(p).resolves.toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    ac.abort();
  });

  it('with only a time-out, an answer clears the timer; with only a signal, no timer runs and the answer removes the listener', async () => {
    vi.useFakeTimers();
    const h = await harness();
    const timed = h.conn.request('t', {}, { timeoutMs: 500 });
    expect(vi.getTimerCount()).toBe(1);
    h.deliver({ id: 0, result: 't' });
    await expect(timed).resolves.toBe('t');
    expect(vi.getTimerCount()).toBe(0);

    const ac = new AbortController();
    const remove = vi.spyOn(ac.signal, 'removeEventListener');
    const signalled = h.conn.request('s', {}, { signal: ac.signal });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(h.conn.pendingRequests).toBe(1);
    h.deliver({ id: 1, result: 's' });
    await expect(signalled).resolves.toBe('s');
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(h.issues).toEqual([]);
  });

  it('the timer and the abort listener are set up after the write, and not at all for an answer that came during it', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    // A transport that answers synchronously, from within send().
    const { conn, issues } = await harness({}, undefined, (message, sink) => {
      order.push(`send, timers: ${vi.getTimerCount()}`);
      if ('id' in message && typeof message.id === 'number') sink.message({ id: message.id, result: 'at once' });
    });
    const ac = new AbortController();
    const add = vi.spyOn(ac.signal, 'addEventListener');
    await expect(conn.request('m', {}, { timeoutMs: 1_000, signal: ac.signal })).resolves.toBe('at once');
    expect(order).toEqual(['send, timers: 0']);
    expect(vi.getTimerCount()).toBe(0);
    expect(add).not.toHaveBeenCalled();
    expect(conn.pendingRequests).toBe(0);
    expect(issues).toEqual([]);
  });

  it('a signal aborted during the write (by the transcript hook) rejects the request and leaves nothing behind', async () => {
    vi.useFakeTimers();
    const ac = new AbortController();
    const h = await harness({
      onMessage: (direction) => {
        if (direction === 'c2s') ac.abort('hook');
      },
    });
    const add = vi.spyOn(ac.signal, 'addEventListener');
    const err = await rejection(h.conn.request('m', {}, { timeoutMs: 1_000, signal: ac.signal }));
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(err).toMatchObject({ requestId: 0, cause: 'hook' });
    expect(h.sent).toHaveLength(1);
    expect(h.conn.pendingRequests).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(add).not.toHaveBeenCalled();
  });

  it('aborting rejects with RequestAbortedError carrying the reason; an aborted signal refuses before sending', async () => {
    const h = await harness();
    const ac = new AbortController();
    const p = h.conn.request('m', {}, { signal: ac.signal });
    ac.abort('user left');
    const err = await rejection(p);
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(err).toMatchObject({ requestId: 0, cause: 'user left', message: 'm (id 0) was aborted by the caller' });
    expect(h.conn.pendingRequests).toBe(0);
    const pre = await rejection(h.conn.request('n', {}, { signal: AbortSignal.abort('early') }));
    expect(pre).toMatchObject({ requestId: undefined, cause: 'early', message: 'n was aborted by the caller' });
    expect(h.sent).toHaveLength(1);
  });

  it('notify() sends with or without params, and refuses once closed or ended', async () => {
    const h = await harness();
    h.conn.notify('initialized', undefined);
    h.conn.notify('x/y', { a: 1 });
    expect(h.sent).toStrictEqual([
      { message: { method: 'initialized' }, text: '{"method":"initialized"}' },
      { message: { method: 'x/y', params: { a: 1 } }, text: '{"method":"x/y","params":{"a":1}}' },
    ]);
    expect(() => {
      h.conn.notify('bad', { n: 1n });
    }).toThrow('params of notification bad cannot be serialised as JSON');
    h.sink().closed(EXIT);
    expect(() => {
      h.conn.notify('late', {});
    }).toThrow(new ClientClosedError('late'));
    const c = await harness();
    await c.conn.close(100);
    expect(() => {
      c.conn.notify('late', {});
    }).toThrow(ClientClosedError);
  });

  it('the onMessage hook sees both directions in wire order; a throwing hook is reported, the message still goes', async () => {
    const seen: Array<[string, unknown]> = [];
    const h = await harness({
      onMessage: (dir, m) => {
        seen.push([dir, m]);
        if ('method' in m && m.method === 'boom') throw new Error('hook broke');
      },
    });
    const p = h.conn.request('boom', {});
    h.deliver({ id: 0, result: 'ok', method: undefined });
    await expect(p).resolves.toBe('ok');
    expect(seen[0]).toEqual(['c2s', { id: 0, method: 'boom', params: {} }]);
    expect(seen[1]?.[0]).toBe('s2c');
    expect(h.sent).toHaveLength(1);
    expect(h.issues).toEqual([
      {
        direction: 'c2s',
        subject: 'onMessage hook',
        message: 'threw: hook broke',
        raw: { id: 0, method: 'boom', params: {} },
      },
    ]);
    h.deliver({ method: 'boom', params: {} });
    expect(h.issues[1]).toMatchObject({ direction: 's2c', subject: 'onMessage hook', message: 'threw: hook broke' });
    expect(h.notifications).toEqual([['boom', {}]]);
  });
});

describe('Connection: inbound dispatch', () => {
  it('classifies notifications (no id, or id null), requests (number or string id) and responses', async () => {
    const h = await harness();
    h.deliver({ method: 'n/one', params: { a: 1 } });
    h.deliver({ method: 'n/two', id: null, params: 2 });
    h.deliver({ method: 's/num', id: 0, params: 'p' });
    h.deliver({ method: 's/str', id: 'abc' });
    expect(h.notifications).toEqual([
      ['n/one', { a: 1 }],
      ['n/two', 2],
    ]);
    expect(h.requests.map((r) => [r.id, r.method, r.params])).toEqual([
      [0, 's/num', 'p'],
      ['abc', 's/str', undefined],
    ]);
    expect(h.issues).toEqual([]);
  });

  it('reports each shape that is none of them, by name', async () => {
    const h = await harness();
    const shapes: unknown[] = [
      null,
      [1],
      'text',
      7,
      { method: 'r', id: true },
      { method: 'r', id: { x: 1 } },
      { id: 0 },
      { result: 1 },
      { id: true, result: 1 },
      { id: null, error: {} },
      {},
    ];
    for (const s of shapes) h.deliver(s);
    expect(h.issues.map((i) => [i.subject, i.message])).toEqual([
      ['not a JSON object', 'expected a JSON-RPC message object, got null'],
      ['not a JSON object', 'expected a JSON-RPC message object, got an array'],
      ['not a JSON object', 'expected a JSON-RPC message object, got string'],
      ['not a JSON object', 'expected a JSON-RPC message object, got number'],
      ['invalid id', 'request r has an id that is neither a number nor a string'],
      ['invalid id', 'request r has an id that is neither a number nor a string'],
      ...Array.from({ length: 5 }, () => [
        'unrecognised message',
        'neither a request, a notification nor a response (needs "method", or "id" with "result"/"error")',
      ]),
    ]);
    expect(h.issues.every((i) => i.direction === 's2c')).toBe(true);
    expect(h.issues[0]?.raw).toBeNull();
    expect(h.issues[4]?.raw).toEqual({ method: 'r', id: true });
    expect(h.notifications).toEqual([]);
    expect(h.requests).toEqual([]);
  });

  it('a response with error but no result still settles; one with a string id of a server request is unknown', async () => {
    const h = await harness();
    const p = h.conn.request('m', {});
    h.deliver({ id: 0, error: { code: 5, message: 'e' } });
    await expect(p).rejects.toThrow('m (id 0) failed with JSON-RPC error 5: e');
  });

  it('malformed input from the transport is reported until the connection ends, then ignored', async () => {
    const h = await harness();
    h.sink().malformed({ subject: 'line too long', message: 'skipped 10 bytes', raw: 'x' });
    expect(h.issues).toEqual([{ direction: 's2c', subject: 'line too long', message: 'skipped 10 bytes', raw: 'x' }]);
    h.sink().closed(EXIT);
    h.sink().malformed({ subject: 'late', message: 'late', raw: null });
    h.deliver({ method: 'late/n' });
    h.deliver(null);
    expect(h.issues).toHaveLength(1);
    expect(h.notifications).toEqual([]);
  });

  it('a throwing session callback or issue sink never escapes into the transport', async () => {
    let sink: TransportSink | undefined;
    const transport: Transport = {
      kind: 'test',
      connect: (s) => {
        sink = s;
        return Promise.resolve();
      },
      send: () => undefined,
      close: () => Promise.resolve(EXIT),
    };
    const issues: ConnectionIssue[] = [];
    const conn = new Connection(transport, {
      notification: () => {
        throw new Error('listener broke');
      },
      serverRequest: () => undefined,
      issue: (i) => {
        issues.push(i);
        if (i.subject === 'not a JSON object') throw new Error('sink broke too');
      },
      ended: () => {
        throw new Error('ended broke');
      },
    });
    await conn.open();
    expect(() => sink?.message({ method: 'n' })).not.toThrow();
    expect(issues).toEqual([
      { direction: 's2c', subject: 'dispatch', message: 'threw: listener broke', raw: { method: 'n' } },
    ]);
    expect(() => sink?.message(null as never)).not.toThrow();
    expect(() => sink?.closed(EXIT)).not.toThrow();
    expect(issues.at(-1)).toEqual({
      direction: 's2c',
      subject: 'connection end',
      message: 'threw: ended broke',
      raw: EXIT,
    });
  });
});

describe('Connection: server requests', () => {
  it('a handler answer goes out once with the id as sent; the request is then no longer in flight', async () => {
    const h = await harness();
    h.deliver({ id: 'r1', method: 'ask', params: { q: 1 } });
    expect(h.conn.pendingServerRequests).toBe(1);
    const a = h.requests[0];
    expect(a?.respond({ ok: true })).toBe(true);
    expect(h.sent).toEqual([{ message: { id: 'r1', result: { ok: true } }, text: '{"id":"r1","result":{"ok":true}}' }]);
    expect(h.conn.pendingServerRequests).toBe(0);
    expect(a?.respond('again')).toBe(false);
    expect(h.sent).toHaveLength(1);
  });

  it('a reused id while the first waits is reported and ignored; after the answer the id may be used again', async () => {
    const h = await harness();
    h.deliver({ id: 4, method: 'ask', params: 1 });
    h.deliver({ id: 4, method: 'ask', params: 2 });
    expect(h.requests).toHaveLength(1);
    expect(h.issues).toEqual([
      {
        direction: 's2c',
        subject: 'duplicate server request id',
        message: 'server request ask reuses id 4 while a request with that id still waits for its answer; ignored',
        raw: { id: 4, method: 'ask', params: 2 },
      },
    ]);
    h.requests[0]?.respond(null);
    h.deliver({ id: 4, method: 'ask', params: 3 });
    expect(h.requests).toHaveLength(2);
  });

  it('answers -32001 once maxPendingServerRequests wait, exactly at the bound, without telling the session', async () => {
    const h = await harness({ maxPendingServerRequests: 2 });
    h.deliver({ id: 0, method: 'ask' });
    h.deliver({ id: 1, method: 'ask' });
    h.deliver({ id: 2, method: 'ask' });
    expect(h.requests).toHaveLength(2);
    expect(h.sent).toEqual([
      {
        message: {
          id: 2,
          error: {
            code: -32001,
            message: 'client overloaded: 2 server requests already wait for an answer (maxPendingServerRequests)',
            data: { reason: 'clientQueueFull' },
          },
        },
        text: expect.any(String) as unknown,
      },
    ]);
    expect(h.conn.pendingServerRequests).toBe(2);
    h.requests[0]?.respond(1);
    h.deliver({ id: 3, method: 'ask' });
    expect(h.requests).toHaveLength(3);
  });

  it('serverRequestTimeoutMs answers a request nobody answered, with the exact error', async () => {
    vi.useFakeTimers();
    const h = await harness({ serverRequestTimeoutMs: 1_000 });
    h.deliver({ id: 9, method: 'ask' });
    await vi.advanceTimersByTimeAsync(999);
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent.map((s) => s.message)).toEqual([
      {
        id: 9,
        error: { code: -32603, message: 'the client did not answer ask within 1000 ms', data: { reason: 'timeout' } },
      },
    ]);
    expect(h.requests[0]?.signal.aborted).toBe(true);
    expect(h.conn.pendingServerRequests).toBe(0);
    expect(h.issues).toEqual([
      {
        direction: 'c2s',
        subject: 'server request ask timed out',
        message: 'the client did not answer ask within 1000 ms; answered with error -32603',
        raw: { id: 9, method: 'ask' },
      },
    ]);
  });

  it('after close() starts, an answer still open is not written (the connection can no longer carry it)', async () => {
    const h = await harness();
    h.deliver({ id: 1, method: 'ask' });
    const a = h.requests[0];
    await h.conn.close(100);
    expect(a?.isSettled).toBe(false);
    expect(a?.respond('too late')).toBe(false);
    expect(h.sent).toEqual([]);
  });

  it('withdraw() abandons a waiting request without an answer; unknown ids are ignored', async () => {
    const h = await harness();
    h.deliver({ id: 1, method: 'ask' });
    h.conn.withdraw(2, 'nothing');
    expect(h.requests[0]?.isSettled).toBe(false);
    h.conn.withdraw(1, 'resolved by the server');
    const a = h.requests[0];
    expect(a?.isSettled).toBe(true);
    expect(a?.signal.aborted).toBe(true);
    expect((a?.signal.reason as Error).message).toBe('resolved by the server');
    expect(a?.respond('late')).toBe(false);
    expect(h.sent).toEqual([]);
    expect(h.conn.pendingServerRequests).toBe(0);
  });

  it('after close or the end, an answer is not written', async () => {
    const h = await harness();
    h.deliver({ id: 1, method: 'ask' });
    h.deliver({ id: 2, method: 'ask' });
    const [a1, a2] = h.requests;
    h.sink().closed(EXIT);
    expect(a1?.isSettled).toBe(true);
    expect((a1?.signal.reason as Error).message).toBe('the connection ended');
    expect(a2?.respond(1)).toBe(false);
    expect(h.sent).toEqual([]);
    expect(h.conn.pendingServerRequests).toBe(0);
  });
});

describe('Connection: the end', () => {
  it('the transport closing rejects every pending request with ServerExitedError and reports once', async () => {
    const h = await harness();
    const a = h.conn.request('a', {});
    const b = h.conn.request('b', {});
    h.sink().closed(EXIT);
    h.sink().closed({ ...EXIT, code: 2 });
    const ea = await rejection(a);
    expect(ea).toBeInstanceOf(ServerExitedError);
    expect((ea as Error).message).toBe(
      'a got no answer: the app-server connection ended (code 1)\nlast stderr lines:\n  bye',
    );
    await expect(b).rejects.toThrow(ServerExitedError);
    expect(h.ended).toEqual([[EXIT, false]]);
    expect(h.conn.ended).toBe(EXIT);
    expect(h.conn.pendingRequests).toBe(0);
    const late = await rejection(h.conn.request('late', {}));
    expect(late).toBeInstanceOf(ServerExitedError);
    expect((late as Error).message).toMatch(/^late: the app-server connection ended \(code 1\)/);
  });

  it('close() rejects pending requests with ClientClosedError, is idempotent, and passes the time-out on', async () => {
    const h = await harness();
    expect(h.conn.closing).toBe(false);
    const a = h.conn.request('a', {});
    await expect(h.conn.close(250)).resolves.toBe(EXIT);
    expect(h.conn.closing).toBe(true);
    const err = await rejection(a);
    expect(err).toBeInstanceOf(ClientClosedError);
    expect((err as Error).message).toBe('a: the client has been shut down');
    await h.conn.close(50);
    expect(h.closedWith).toEqual([{ timeoutMs: 250 }, { timeoutMs: 50 }]);
    await expect(h.conn.request('b', {})).rejects.toThrow(new ClientClosedError('b'));
    h.sink().closed(EXIT);
    expect(h.ended).toEqual([[EXIT, true]]);
  });

  it('requests pending when the transport ends after close() get ClientClosedError', async () => {
    let sink: TransportSink | undefined;
    let finish: ((e: ServerExit) => void) | undefined;
    const transport: Transport = {
      kind: 'test',
      connect: (s) => {
        sink = s;
        return Promise.resolve();
      },
      send: () => undefined,
      close: () =>
        new Promise<ServerExit>((r) => {
          finish = r;
        }),
    };
    const conn = new Connection(transport, {
      notification: () => undefined,
      serverRequest: () => undefined,
      issue: () => undefined,
      ended: () => undefined,
    });
    await conn.open();
    const closing = conn.close(100);
    sink?.closed(EXIT);
    finish?.(EXIT);
    await closing;
    expect(conn.ended).toBe(EXIT);
  });
});
