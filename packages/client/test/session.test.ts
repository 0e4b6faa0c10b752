/**
 * Session-level paths of `AppServerClient` over the in-memory transport:
 * notifications during the handshake, catch-all listeners, runTurn on a
 * closed client, and results the client's own validators refuse.
 */
import { describe, expect, it } from 'vitest';
import {
  ClientClosedError,
  ProtocolValidationError,
  RequestTimeoutError,
  ServerExitedError,
  type AppServerClientOptions,
  type ProtocolValidators,
} from '../src/index.js';
import { inMemoryClients } from './fixtures/clients.js';
import { createTsServer, NO_ANSWER } from './fixtures/ts-server.js';

const { start } = inMemoryClients('session', { recordIssues: true, shutdown: { timeoutMs: 200 } });
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('AppServerClient session paths', () => {
  it('keeps notifications sent during the handshake up to queueCapacity and counts the rest as dropped', async () => {
    const server = createTsServer();
    server.handle('initialize', () => {
      for (const n of [1, 2, 3]) server.notify('configWarning', { summary: `w${String(n)}`, details: null });
      return { userAgent: 'ts', codexHome: '/x', platformFamily: 'unix', platformOs: 'linux' };
    });
    const { client } = await start({ queueCapacity: 2 }, server);
    expect(client.startupNotifications.map((e) => e.params)).toEqual([
      { summary: 'w1', details: null },
      { summary: 'w2', details: null },
    ]);
    expect(client.droppedEvents).toBe(1);
    server.notify('configWarning', { summary: 'after', details: null });
    await tick();
    expect(client.startupNotifications).toHaveLength(2);
    expect(client.droppedEvents).toBe(1);
  });

  it('exactly queueCapacity notifications during the handshake are all kept', async () => {
    const server = createTsServer();
    server.handle('initialize', () => {
      for (const n of [1, 2]) server.notify('configWarning', { summary: `w${String(n)}`, details: null });
      return { userAgent: 'ts', codexHome: '/x', platformFamily: 'unix', platformOs: 'linux' };
    });
    const { client } = await start({ queueCapacity: 2 }, server);
    expect(client.startupNotifications).toHaveLength(2);
    expect(client.droppedEvents).toBe(0);
  });

  it('onNotification sees every method until removed; a throwing listener becomes an issue', async () => {
    const { client, server, issues } = await start();
    const seen: Array<{ method: string; params: unknown }> = [];
    const off = client.onNotification(({ method, params }) => seen.push({ method, params }));
    const offBad = client.onNotification(() => {
      throw new Error('listener broke');
    });
    server.notify('custom/thing', { a: 1 });
    await tick();
    expect(seen).toEqual([{ method: 'custom/thing', params: { a: 1 } }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      direction: 's2c',
      subject: 'notification listener',
      message: 'threw: listener broke',
    });
    off();
    offBad();
    off();
    server.notify('custom/thing', { a: 2 });
    await tick();
    expect(seen).toHaveLength(1);
    expect(issues).toHaveLength(1);
  });

  it('stderrTail() is empty for a transport without stderr', async () => {
    const { client } = await start();
    expect(client.stderrTail()).toEqual([]);
  });

  it('runTurn after shutdown fails with ClientClosedError naming turn/start', async () => {
    const { client, server } = await start();
    await client.shutdown({ timeoutMs: 200 });
    const run = client.runTurn('th', 'hi');
    await expect(run.started).rejects.toBeInstanceOf(ClientClosedError);
    await expect(run.started).rejects.toThrow('turn/start: the client has been shut down');
    expect(server.received.some((m) => m.method === 'turn/start')).toBe(false);
  });

  it('runTurn after the server exited fails with ServerExitedError carrying the exit', async () => {
    const { client, server } = await start();
    server.end.close({ code: 7, reason: 'gone' });
    await tick();
    const run = client.runTurn('th', 'hi');
    const err: unknown = await run.started.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof ServerExitedError)) throw new Error(`expected ServerExitedError, got ${String(err)}`);
    expect(err.exit.code).toBe(7);
    expect(err.message).toMatch(/^turn\/start: the app-server connection ended \(code 7\): gone/);
  });

  it('runTurn sends a string as one text input and applies timeoutMs to turn/start', async () => {
    const { client, server } = await start();
    server.handle('turn/start', () => NO_ANSWER);
    const run = client.runTurn('th', 'hello', { timeoutMs: 50 });
    await expect(run.started).rejects.toBeInstanceOf(RequestTimeoutError);
    const sent = server.received.find((m) => m.method === 'turn/start');
    expect(sent?.params).toEqual({ threadId: 'th', input: [{ type: 'text', text: 'hello', text_elements: [] }] });
  });
});

describe('AppServerClient own-result validation', () => {
  const ok = () => ({ ok: true as const });
  function validators(): ProtocolValidators {
    return {
      validateClientRequest: ok,
      validateServerResult: ok,
      validateServerNotification: ok,
      validateServerRequest: ok,
      validateClientResult: (method, result) =>
        method === 'item/commandExecution/requestApproval' && JSON.stringify(result) === '{"decision":"bogus"}'
          ? { ok: false, message: 'decision must be one of the allowed values' }
          : { ok: true },
      validateClientNotification: (method) =>
        method === 'bad/notify' ? { ok: false, message: 'no such notification' } : { ok: true },
    };
  }

  for (const mode of ['strict', 'warn'] as const) {
    it(`${mode}: a handler result the validators refuse is answered as an internal error and reported`, async () => {
      const { client, server, issues } = await start({ validate: mode, validators: validators() });
      client.onServerRequest(
        'item/commandExecution/requestApproval',
        () =>
          // Deliberately invalid: the client's own validators must catch it.
          ({ decision: 'bogus' }) as unknown as { decision: 'accept' },
      );
      const answer = await server.ask('item/commandExecution/requestApproval', {
        threadId: 'th',
        turnId: 't',
        itemId: 'i',
      });
      expect(issues.map((i) => [i.direction, i.subject, i.message])).toContainEqual([
        'c2s',
        'result of server request item/commandExecution/requestApproval',
        'decision must be one of the allowed values',
      ]);
      if (mode === 'strict') {
        expect(answer.error).toEqual({
          code: -32603,
          message:
            'the client produced an invalid result: invalid result of server request item/commandExecution/requestApproval: decision must be one of the allowed values',
        });
      } else {
        expect(answer.result).toEqual({ decision: 'bogus' });
      }
    });
  }

  it('strict: an invalid client notification is refused and not sent', async () => {
    const { client, server } = await start({ validate: 'strict', validators: validators() });
    expect(() => {
      client.notifyRaw('bad/notify', { x: 1 });
    }).toThrow(ProtocolValidationError);
    client.notifyRaw('good/notify', { x: 1 });
    await tick();
    expect(server.received.filter((m) => m.method?.endsWith('/notify')).map((m) => m.method)).toEqual(['good/notify']);
  });
});

describe('AppServerClient session routing', () => {
  it('notifyRaw after shutdown or after the server exited throws ClientClosedError', async () => {
    const a = await start();
    await a.client.shutdown({ timeoutMs: 200 });
    expect(() => {
      a.client.notifyRaw('x/y');
    }).toThrow('x/y: the client has been shut down');
    const b = await start();
    b.server.end.close({ code: 1 });
    await tick();
    expect(() => {
      b.client.notifyRaw('x/y');
    }).toThrow(ClientClosedError);
  });

  it('removing a replaced handler or catch-all leaves the newer one in place', async () => {
    const { client, server } = await start();
    const offOld = client.onServerRequest('item/tool/call', () => ({ contentItems: [], success: false }));
    client.onServerRequest('item/tool/call', () => ({ contentItems: [], success: true }));
    offOld();
    const offAnyOld = client.onAnyServerRequest(() => 'old');
    client.onAnyServerRequest(() => 'new');
    offAnyOld();
    expect(
      (await server.ask('item/tool/call', { threadId: 't', turnId: 'u', callId: 'c', tool: 'x', arguments: {} }))
        .result,
    ).toEqual({
      contentItems: [],
      success: true,
    });
    expect((await server.ask('custom/thing', {})).result).toBe('new');
  });

  it('serverRequest/resolved withdraws the request by number or string id; other shapes withdraw nothing', async () => {
    const { client, server } = await start();
    const aborted: Array<string | number> = [];
    client.onAnyServerRequest(({ id, signal }) => {
      signal.addEventListener('abort', () => aborted.push(id));
      return new Promise(() => undefined);
    });
    const first = server.askNoWait('custom/wait', {});
    const second = server.askNoWait('custom/wait', {});
    await tick();
    server.notify('serverRequest/resolved', { threadId: 't', requestId: first });
    server.notify('custom/resolved', { requestId: second });
    server.notify('serverRequest/resolved', null);
    server.notify('serverRequest/resolved', { requestId: true });
    await tick();
    expect(aborted).toEqual([first]);
    server.notify('serverRequest/resolved', { requestId: String(second) });
    await tick();
    expect(aborted).toEqual([first]);
    expect(server.answers.size).toBe(0);
  });

  it("turn handlers get only their thread's requests, and only while the turn runs", async () => {
    const { client, server } = await start();
    server.handle('turn/start', (p) => ({
      turn: { id: 'u1', items: [], status: 'inProgress', error: null, threadId: p['threadId'] },
    }));
    client.onServerRequest('item/tool/requestUserInput', () => ({ answers: { from: { answers: ['client'] } } }));
    const run = client.runTurn('t1', 'go', {
      handlers: { 'item/tool/requestUserInput': () => ({ answers: { from: { answers: ['turn'] } } }) },
    });
    await run.started;
    const ask = (params: unknown) => server.ask('item/tool/requestUserInput', params);
    expect((await ask({ threadId: 't1', turnId: 'u1', itemId: 'i', questions: [] })).result).toEqual({
      answers: { from: { answers: ['turn'] } },
    });
    expect((await ask({ threadId: 't2', turnId: 'u1', itemId: 'i', questions: [] })).result).toEqual({
      answers: { from: { answers: ['client'] } },
    });
    expect((await ask({ turnId: 'u1', itemId: 'i', questions: [] })).result).toEqual({
      answers: { from: { answers: ['client'] } },
    });
    expect((await ask({ threadId: 7 })).result).toEqual({ answers: { from: { answers: ['client'] } } });
    expect((await server.ask('item/tool/call', { threadId: 't1' })).error?.code).toBe(-32601);
    server.notify('turn/completed', {
      threadId: 't1',
      turn: { id: 'u1', items: [], status: 'completed', error: null },
    });
    await run.completed;
    expect((await ask({ threadId: 't1', turnId: 'u1', itemId: 'i', questions: [] })).result).toEqual({
      answers: { from: { answers: ['client'] } },
    });
  });

  it('a running turn fails with ServerExitedError when the server exits, ClientClosedError on shutdown', async () => {
    for (const how of ['exit', 'shutdown'] as const) {
      const { client, server } = await start();
      server.handle('turn/start', () => ({ turn: { id: 'u1', items: [], status: 'inProgress', error: null } }));
      const run = client.runTurn('t1', 'go');
      await run.started;
      if (how === 'exit') server.end.close({ code: 9 });
      else await client.shutdown({ timeoutMs: 200 });
      const err: unknown = await run.completed.then(
        () => undefined,
        (e: unknown) => e,
      );
      if (how === 'exit') {
        expect(err).toBeInstanceOf(ServerExitedError);
        expect(String(err)).toMatch(/turn did not complete: the app-server connection ended \(code 9\)/);
      } else {
        expect(err).toBeInstanceOf(ClientClosedError);
        expect(String(err)).toContain('turn: the client has been shut down');
      }
    }
  });

  it('initialize carries no capabilities unless the caller or an extension declares some', async () => {
    const capsOf = async (extra: Partial<AppServerClientOptions>): Promise<unknown> => {
      const { server } = await start(extra);
      const init = server.received.find((m) => m.method === 'initialize');
      if (typeof init?.params !== 'object' || init.params === null) throw new Error('no initialize');
      const caps: unknown = Reflect.get(init.params, 'capabilities');
      return caps;
    };
    expect(await capsOf({})).toBeNull();
    expect(await capsOf({ extensions: [{ name: 'bare' }] })).toBeNull();
    expect(
      await capsOf({
        extensions: [{ name: 'bare' }, { name: 'a', capabilities: { requestAttestation: true } }],
      }),
    ).toEqual({ requestAttestation: true });
  });

  it('validators get experimental: true only when experimentalApi was declared; validate off runs none', async () => {
    for (const [caps, expected] of [
      [{ experimentalApi: true }, true],
      [{ experimentalApi: false }, false],
      [undefined, false],
    ] as const) {
      const seen: boolean[] = [];
      const v = (_m: string, _p: unknown, o: { experimental: boolean }) => {
        seen.push(o.experimental);
        return { ok: true as const };
      };
      const { client, server } = await start({
        validate: 'strict',
        validators: {
          validateClientRequest: v,
          validateServerResult: v,
          validateServerNotification: v,
          validateServerRequest: v,
          validateClientResult: v,
        },
        ...(caps ? { capabilities: caps } : {}),
      });
      server.handle('x/echo', () => ({}));
      await client.requestRaw('x/echo', {});
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([expected]));
    }
    let calls = 0;
    const counting = () => {
      calls++;
      return { ok: false as const, message: 'no' };
    };
    const { client, server } = await start({
      validators: {
        validateClientRequest: counting,
        validateServerResult: counting,
        validateServerNotification: counting,
        validateServerRequest: counting,
        validateClientResult: counting,
        validateClientNotification: counting,
      },
    });
    server.handle('x/echo', () => ({ fine: true }));
    await expect(client.requestRaw('x/echo', {})).resolves.toEqual({ fine: true });
    client.notifyRaw('x/note', {});
    expect(calls).toBe(0);
  });

  it('strict without validateClientNotification sends client notifications unchecked', async () => {
    const ok = () => ({ ok: true as const });
    const { client, server } = await start({
      validate: 'strict',
      validators: {
        validateClientRequest: ok,
        validateServerResult: ok,
        validateServerNotification: ok,
        validateServerRequest: () => ({ ok: false, message: 'bad request params' }),
        validateClientResult: ok,
      },
    });
    client.notifyRaw('x/note', { a: 1 });
    await tick();
    expect(server.received.filter((m) => m.method === 'x/note')).toHaveLength(1);
    const answer = await server.ask('item/tool/call', { threadId: 't' });
    expect(answer.error).toEqual({
      code: -32602,
      message: 'invalid params of server request item/tool/call: bad request params',
    });
  });
});
