/**
 * Guarantees of the client core, driven through the in-memory transport by
 * a TypeScript fault-injecting server (test/fixtures/ts-server.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  ClientClosedError,
  JsonRpcError,
  OverloadedError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
  isLagged,
  type AppServerClient,
  type ClientEvent,
  type PendingServerRequest,
  type ProtocolIssue,
  type TurnStreamItem,
} from '../src/index.js';
import { inMemoryClients } from './fixtures/clients.js';
import { NO_ANSWER, RpcError, type TsServer } from './fixtures/ts-server.js';

const { start: connect } = inMemoryClients('core', { shutdown: { timeoutMs: 200 } });

const tick = () => new Promise((r) => setImmediate(r));
const raw = (c: AppServerClient) => c.requestRaw.bind(c);

describe('in-memory transport', () => {
  it('performs the handshake and hands objects over without serialising them', async () => {
    const { client, server } = await connect({ capabilities: { experimentalApi: true } });
    expect(server.received.map((m) => m.method)).toEqual(['initialize', 'initialized']);
    expect(client.initializeResponse).toHaveProperty('echo.clientInfo', { name: 'core', version: '0' });
    const payload = { nested: { deep: [1, 2, 3] } };
    let seenByServer: unknown;
    server.handle('test/identity', (params) => {
      seenByServer = params;
      return payload;
    });
    const result = await raw(client)('test/identity', payload);
    expect(seenByServer).toBe(payload); // same object: no JSON round trip
    expect(result).toBe(payload);
    expect(client.transport.kind).toBe('in-memory');
  });
});

describe('requests', () => {
  it('maps -32001 to OverloadedError (source server), other errors to JsonRpcError with code/message/data', async () => {
    const { client, server } = await connect();
    server.handle('test/busy', () => Promise.reject(new RpcError(-32001, 'Server overloaded; retry later.')));
    server.handle('test/bad', () => Promise.reject(new RpcError(-32602, 'bad params', { field: 'x' })));
    const busy = await raw(client)('test/busy').catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(OverloadedError);
    expect(busy).toBeInstanceOf(JsonRpcError);
    expect(busy).toMatchObject({ code: -32001, source: 'server', method: 'test/busy' });
    const bad = await raw(client)('test/bad').catch((e: unknown) => e);
    expect(bad).not.toBeInstanceOf(OverloadedError);
    expect(bad).toMatchObject({ name: 'JsonRpcError', code: -32602, data: { field: 'x' } });
    expect(bad).toHaveProperty('message', expect.stringContaining('bad params'));
  });

  it('refuses requests past maxPendingRequests with OverloadedError (source client) without sending them', async () => {
    const { client, server } = await connect({ maxPendingRequests: 2 });
    server.handle('test/hang', () => NO_ANSWER);
    const a = raw(client)('test/hang');
    const b = raw(client)('test/hang');
    const c = await raw(client)('test/hang').catch((e: unknown) => e);
    expect(c).toBeInstanceOf(OverloadedError);
    expect(c).toMatchObject({ source: 'client', requestId: null });
    await tick();
    expect(server.received.filter((m) => m.method === 'test/hang')).toHaveLength(2);
    expect(client.pendingRequests).toBe(2);
    void a.catch(() => undefined);
    void b.catch(() => undefined);
  });

  it('removes timed-out and aborted requests; a late answer is reported as an unknown id, not thrown', async () => {
    const issues: ProtocolIssue[] = [];
    const { client, server } = await connect({ onProtocolIssue: (i) => issues.push(i) });
    const late: Array<() => void> = [];
    server.handle('test/late', (_p, id) => {
      late.push(() => server.end.send({ id, result: 'late' }));
      return NO_ANSWER;
    });
    const timedOut = await raw(client)('test/late', undefined, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(RequestTimeoutError);
    const ac = new AbortController();
    const aborted = raw(client)('test/late', undefined, { signal: ac.signal });
    await tick();
    ac.abort(new Error('user cancelled'));
    const abortErr = await aborted.catch((e: unknown) => e);
    expect(abortErr).toBeInstanceOf(RequestAbortedError);
    expect((abortErr as RequestAbortedError).cause).toEqual(new Error('user cancelled'));
    expect(client.pendingRequests).toBe(0);
    for (const send of late) send();
    await tick();
    expect(issues.map((i) => i.subject)).toEqual(['unknown response id', 'unknown response id']);
    expect(issues[0]!.message).toMatch(/id 1\b/);
    // The connection keeps working.
    server.handle('test/ok', () => 'ok');
    await expect(raw(client)('test/ok')).resolves.toBe('ok');
  });

  it('rejects every pending request at once when the server goes away', async () => {
    const { client, server } = await connect();
    server.handle('test/hang', () => NO_ANSWER);
    const pending = [raw(client)('test/hang'), raw(client)('test/hang'), raw(client)('test/hang')].map((p) =>
      p.catch((e: unknown) => e),
    );
    await tick();
    server.end.close({ code: 9, reason: 'crashed on purpose' });
    const errors = await Promise.all(pending);
    for (const e of errors) {
      expect(e).toBeInstanceOf(ServerExitedError);
      expect((e as ServerExitedError).exit).toMatchObject({ code: 9, reason: 'crashed on purpose' });
    }
    expect((await client.exited).code).toBe(9);
    await expect(raw(client)('test/hang')).rejects.toBeInstanceOf(ServerExitedError);
  });

  it('shutdown is idempotent and rejects pending requests with ClientClosedError', async () => {
    const { client, server } = await connect();
    server.handle('test/hang', () => NO_ANSWER);
    const p = raw(client)('test/hang').catch((e: unknown) => e);
    const s1 = client.shutdown({ timeoutMs: 100 });
    expect(client.shutdown()).toBe(s1);
    expect(await p).toBeInstanceOf(ClientClosedError);
    await s1;
    expect(server.end.closed).toBe(true);
  });
});

describe('subscriptions', () => {
  it('on(method) calls typed listeners; a throwing listener is reported and the others still run', async () => {
    const issues: ProtocolIssue[] = [];
    const { client, server } = await connect({ onProtocolIssue: (i) => issues.push(i) });
    const deltas: string[] = [];
    client.on('item/agentMessage/delta', () => {
      throw new Error('listener bug');
    });
    const off = client.on('item/agentMessage/delta', (params) => deltas.push(params.delta));
    server.notify('item/agentMessage/delta', { threadId: 't', turnId: 'u', itemId: 'i', delta: 'a' });
    server.notify('turn/started', { threadId: 't', turn: { id: 'u', items: [], status: 'inProgress' } });
    await tick();
    off();
    server.notify('item/agentMessage/delta', { threadId: 't', turnId: 'u', itemId: 'i', delta: 'b' });
    await tick();
    expect(deltas).toEqual(['a']);
    expect(issues.map((i) => `${i.subject}: ${i.message}`)).toEqual([
      'listener for item/agentMessage/delta: threw: listener bug',
      'listener for item/agentMessage/delta: threw: listener bug',
    ]);
  });

  it('keeps memory bounded under a flood: lagged carries the exact number skipped', async () => {
    const { client, server } = await connect({ queueCapacity: 100 });
    const stream = client.notifications();
    for (let i = 0; i < 100_000; i++) server.notify('fake/tick', { i });
    server.notify('fake/last', {});
    await tick();
    expect(client.droppedEvents).toBe(100_000 + 1 - 100);
    const got: Array<number | string> = [];
    for (let k = 0; k < 101; k++) {
      const r = await stream.next();
      if (r.done) throw new Error('the notification stream ended early');
      got.push(isLagged(r.value) ? `lagged ${r.value.skipped}` : (r.value.params as { i: number }).i);
    }
    expect(got.slice(0, 100)).toEqual([...Array(100).keys()]);
    expect(got[100]).toBe(`lagged ${100_000 + 1 - 100}`);
    // After catching up, delivery resumes normally.
    server.notify('fake/after', { ok: true });
    const next = await stream.next();
    expect(next.value).toMatchObject({ kind: 'notification', method: 'fake/after' });
  });
});

describe('server requests', () => {
  it('serverRequests(): the consumer answers with respond()/fail(); answering twice is a no-op', async () => {
    const { client, server } = await connect();
    const stream = client.serverRequests();
    const answer = server.ask('item/fileChange/requestApproval', { threadId: 't', turnId: 'u', itemId: 'i' });
    const req = (await stream.next()).value as PendingServerRequest;
    expect(req).toMatchObject({ kind: 'serverRequest', id: 0, method: 'item/fileChange/requestApproval' });
    expect(req.respond({ decision: 'accept' } as never)).toBe(true);
    expect(req.respond({ decision: 'decline' } as never)).toBe(false);
    expect(await answer).toEqual({ id: 0, result: { decision: 'accept' } });
    const answer2 = server.ask('item/fileChange/requestApproval', { threadId: 't' });
    const req2 = (await stream.next()).value as PendingServerRequest;
    req2.fail({ code: -32000, message: 'user said no' });
    expect(await answer2).toEqual({ id: 1, error: { code: -32000, message: 'user said no' } });
  });

  it('answers -32001 at once when the server-request queue is saturated, so an approval never hangs', async () => {
    const { client, server } = await connect({ queueCapacity: 2 });
    const stream = client.serverRequests();
    const answers = [0, 1, 2, 3].map(() => server.ask('item/commandExecution/requestApproval', { threadId: 't' }));
    const overflow = await Promise.all([answers[2]!, answers[3]!]);
    for (const a of overflow) {
      expect(a.error?.code).toBe(-32001);
      expect(a.error?.message).toMatch(/queue is full \(capacity 2\)/);
    }
    const first = (await stream.next()).value as PendingServerRequest;
    const second = (await stream.next()).value as PendingServerRequest;
    expect([first.id, second.id]).toEqual([0, 1]);
    expect((await stream.next()).value).toEqual({ kind: 'lagged', skipped: 2 });
    // The queued ones can still be answered.
    first.respond({ decision: 'accept' } as never);
    expect((await answers[0]!).result).toEqual({ decision: 'accept' });
    second.fail({ code: -32000, message: 'no' });
    expect((await answers[1]!).error?.code).toBe(-32000);
  });

  it('answers a JSON-RPC error when a handler times out, and aborts its signal', async () => {
    const { client, server } = await connect({ serverRequestTimeoutMs: 50 });
    let abortedWith: unknown;
    client.onServerRequest('item/commandExecution/requestApproval', (_p, ctx) => {
      ctx.signal.addEventListener('abort', () => {
        abortedWith = ctx.signal.reason;
      });
      return new Promise(() => undefined);
    });
    const a = await server.ask('item/commandExecution/requestApproval', { threadId: 't' });
    expect(a.error).toEqual({
      code: -32603,
      message: 'the client did not answer item/commandExecution/requestApproval within 50 ms',
      data: { reason: 'timeout' },
    });
    expect(String(abortedWith)).toMatch(/no answer within 50 ms/);
    // The session continues.
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'accept' }));
    expect((await server.ask('item/commandExecution/requestApproval', { threadId: 't' })).result).toEqual({
      decision: 'accept',
    });
  });

  it('answers a queued request the serverRequests() consumer did not answer within serverRequestTimeoutMs', async () => {
    const { client, server } = await connect({ serverRequestTimeoutMs: 50 });
    const stream = client.serverRequests();
    const answer = server.ask('item/fileChange/requestApproval', { threadId: 't' });
    const a = await answer; // nobody reads the stream
    expect(a.error).toEqual({
      code: -32603,
      message: 'the client did not answer item/fileChange/requestApproval within 50 ms',
      data: { reason: 'timeout' },
    });
    const req = (await stream.next()).value as PendingServerRequest;
    expect(req.signal.aborted).toBe(true);
    expect(req.respond({ decision: 'accept' } as never)).toBe(false);
    await tick();
    expect(server.received.filter((m) => m.id === a.id && m.method === undefined)).toHaveLength(1);
  });

  it('hands requests left unread by a consumer that stopped to the next subscription, else answers -32601', async () => {
    const { client, server } = await connect();
    const first = client.serverRequests();
    const second = client.serverRequests();
    const answers = [0, 1].map(() => server.ask('item/commandExecution/requestApproval', { threadId: 't' }));
    const got = (await first.next()).value as PendingServerRequest;
    expect(got.id).toBe(0);
    await first.return!(); // `break`: request 1 is still unread
    const moved = (await second.next()).value as PendingServerRequest;
    expect(moved.id).toBe(1);
    moved.respond({ decision: 'decline' } as never);
    got.respond({ decision: 'accept' } as never);
    expect((await Promise.all(answers)).map((a) => a.result)).toEqual([
      { decision: 'accept' },
      { decision: 'decline' },
    ]);

    // Without another subscription the unread request is answered at once instead of hanging.
    const answer2 = server.ask('item/commandExecution/requestApproval', { threadId: 't' });
    await tick();
    await second.return!();
    expect((await answer2).error).toEqual({
      code: -32601,
      message:
        'client has no handler for server request item/commandExecution/requestApproval: its serverRequests() consumer stopped before answering it',
    });
  });

  it('answers -32601 when neither a handler nor a serverRequests() consumer exists', async () => {
    const { server } = await connect();
    expect((await server.ask('item/tool/call', {})).error?.code).toBe(-32601);
  });
});

/** A scripted turn: notifications for turn `u1` of thread `t1`, with noise for other turns. */
function scriptTurn(server: TsServer, opts: { approval?: boolean; holdUntilInterrupt?: boolean } = {}) {
  const turn = (status: string) => ({ id: 'u1', items: [], status });
  const play = async () => {
    server.notify('item/agentMessage/delta', { threadId: 't1', turnId: 'other', itemId: 'x', delta: 'NOISE' });
    server.notify('item/agentMessage/delta', { threadId: 't1', turnId: 'u1', itemId: 'm', delta: 'Hel' });
    server.notify('thread/status/changed', { threadId: 't1', status: { type: 'active', activeFlags: [] } });
    if (opts.approval) {
      const a = await server.ask('item/commandExecution/requestApproval', {
        threadId: 't1',
        turnId: 'u1',
        itemId: 'c',
      });
      server.notify('item/completed', {
        threadId: 't1',
        turnId: 'u1',
        item: {
          type: 'commandExecution',
          id: 'c',
          decision: (a.result as { decision?: string } | undefined)?.decision ?? 'error',
        },
      });
    }
    server.notify('item/agentMessage/delta', { threadId: 't1', turnId: 'u1', itemId: 'm', delta: 'lo' });
    if (!opts.holdUntilInterrupt) server.notify('turn/completed', { threadId: 't1', turn: turn('completed') });
  };
  server.handle('turn/start', (params) => {
    // Sent before the turn/start answer: the client must still attribute it to this turn.
    server.notify('turn/started', { threadId: params.threadId, turn: turn('inProgress') });
    // The fake server's own steps never reject (ask() waits for any answer, errors included).
    setTimeout(() => void play(), 5);
    return { turn: turn('inProgress') };
  });
  server.handle('turn/interrupt', (params) => {
    setTimeout(() => server.notify('turn/completed', { threadId: params.threadId, turn: turn('interrupted') }), 5);
    return {};
  });
}

const summary = (items: TurnStreamItem[]) =>
  items.map((e) =>
    isLagged(e)
      ? 'lagged'
      : `${e.method}${e.method === 'item/agentMessage/delta' ? `:${(e.params as { delta: string }).delta}` : ''}`,
  );

describe('runTurn', () => {
  it("yields this turn's events in order and ends with turn/completed (final status)", async () => {
    const { client, server } = await connect();
    scriptTurn(server);
    server.handle('thread/start', () => ({ thread: { id: 't1' } }));
    const { thread } = await client.startThread({ approvalPolicy: 'never' } as never);
    const run = client.runTurn(thread.id, 'Say hello');
    const items: TurnStreamItem[] = [];
    for await (const e of run) items.push(e);
    expect(summary(items)).toEqual([
      'turn/started',
      'item/agentMessage/delta:Hel',
      'item/agentMessage/delta:lo',
      'turn/completed',
    ]);
    expect(items.at(-1)).toHaveProperty('params.turn.status', 'completed');
    expect((await run.completed).status).toBe('completed');
    expect(run.turnId).toBe('u1');
    const start = server.received.find((m) => m.method === 'turn/start');
    expect(start?.params).toEqual({ threadId: 't1', input: [{ type: 'text', text: 'Say hello', text_elements: [] }] });
  });

  it('routes approvals of its thread to the per-turn handlers, before the global ones', async () => {
    const { client, server } = await connect();
    scriptTurn(server, { approval: true });
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'accept' }));
    const items: TurnStreamItem[] = [];
    const run = client.runTurn('t1', 'Run it', {
      handlers: {
        'item/commandExecution/requestApproval': (p) =>
          p.itemId === 'c' ? { decision: 'decline' } : { decision: 'cancel' },
      },
    });
    for await (const e of run) items.push(e);
    const completedItem = items.find((e) => !isLagged(e) && e.method === 'item/completed');
    expect(completedItem).toHaveProperty('params.item.decision', 'decline');
    // After the turn, the global handler applies again.
    expect((await server.ask('item/commandExecution/requestApproval', { threadId: 't1' })).result).toEqual({
      decision: 'accept',
    });
  });

  it('aborting the signal interrupts the turn; the stream ends with the interrupted turn/completed', async () => {
    const { client, server } = await connect();
    scriptTurn(server, { holdUntilInterrupt: true });
    const ac = new AbortController();
    const run = client.runTurn('t1', 'Take forever', { signal: ac.signal });
    const items: TurnStreamItem[] = [];
    for await (const e of run) {
      items.push(e);
      if (!isLagged(e) && e.method === 'item/agentMessage/delta') ac.abort();
    }
    expect(items.at(-1)).toHaveProperty('params.turn.status', 'interrupted');
    expect(
      server.received.some(
        (m) => m.method === 'turn/interrupt' && (m.params as { turnId?: string } | undefined)?.turnId === 'u1',
      ),
    ).toBe(true);
  });

  it('rejects the stream when turn/start fails or the connection ends mid-turn', async () => {
    const { client, server } = await connect();
    server.handle('turn/start', () => Promise.reject(new RpcError(-32600, 'thread not found')));
    const run = client.runTurn('nope', 'x');
    await expect(run.next()).rejects.toBeInstanceOf(JsonRpcError);
    await expect(run.completed).rejects.toBeInstanceOf(JsonRpcError);

    scriptTurn(server, { holdUntilInterrupt: true });
    const run2 = client.runTurn('t1', 'x');
    const first = await run2.next();
    expect(first.value).toMatchObject({ method: 'turn/started' });
    server.end.close({ code: 1 });
    const err = await (async () => {
      for (;;) await run2.next();
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
  });

  it('never drops turn/completed, even when the consumer lags', async () => {
    const { client, server } = await connect({ queueCapacity: 3 });
    server.handle('turn/start', () => {
      setTimeout(() => {
        for (let i = 0; i < 50; i++)
          server.notify('item/agentMessage/delta', { threadId: 't1', turnId: 'u1', itemId: 'm', delta: String(i) });
        server.notify('turn/completed', { threadId: 't1', turn: { id: 'u1', items: [], status: 'completed' } });
      }, 5);
      return { turn: { id: 'u1', items: [], status: 'inProgress' } };
    });
    const run = client.runTurn('t1', 'x');
    await run.started;
    await new Promise((r) => setTimeout(r, 30));
    const items: TurnStreamItem[] = [];
    for await (const e of run) items.push(e);
    expect(summary(items)).toEqual([
      'item/agentMessage/delta:0',
      'item/agentMessage/delta:1',
      'item/agentMessage/delta:2',
      'lagged',
      'turn/completed',
    ]);
    expect(items[3]).toEqual({ kind: 'lagged', skipped: 47 });
  });
});

describe('events()', () => {
  it('yields notifications, server requests and protocol issues in arrival order', async () => {
    const { client, server } = await connect({ onProtocolIssue: () => undefined });
    const events = client.events();
    client.onServerRequest('item/fileChange/requestApproval', () => ({ decision: 'accept' }) as never);
    server.notify('warning', { message: 'w' });
    await server.ask('item/fileChange/requestApproval', { threadId: 't' });
    server.end.send({ id: 12345, result: {} });
    await tick();
    const got: ClientEvent[] = [];
    for (let i = 0; i < 3; i++) got.push((await events.next()).value as ClientEvent);
    expect(got.map((e) => e.kind)).toEqual(['notification', 'serverRequest', 'protocolIssue']);
  });
});
