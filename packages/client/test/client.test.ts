/**
 * Unit tests of the client against a tiny fake server (test/fixtures/fake-server.mjs).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppServerClient,
  ClientClosedError,
  JsonRpcError,
  ProtocolValidationError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
  resolveCodexBinary,
  type AppServerClientOptions,
  type ClientEvent,
  type Direction,
  type ProtocolIssue,
  type ProtocolValidators,
  type RequestOptions,
} from '../src/index.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-server.mjs', import.meta.url));

const started: AppServerClient[] = [];

async function startFake(mode = '', extra: Partial<AppServerClientOptions> = {}): Promise<AppServerClient> {
  const client = await AppServerClient.start({
    codexPath: process.execPath,
    args: [FAKE],
    env: { FAKE_MODE: mode },
    clientInfo: { name: 'unit', version: '0.0.0' },
    shutdownGraceMs: 300,
    ...extra,
  });
  started.push(client);
  return client;
}

/** Calls methods outside the typed map (the fake server's test methods). */
function raw(client: AppServerClient) {
  return client.request.bind(client) as unknown as (
    method: string,
    params?: unknown,
    options?: RequestOptions,
  ) => Promise<unknown>;
}

/** What the fake server's `test/askClient` returns: the client's answer to the server request it sent. */
interface AskClientResult {
  reply: { id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };
}

/** Has the fake server send `request` to the client and returns the client's answer. */
async function askClient(client: AppServerClient, request: { method: string; params: unknown }) {
  // fixtures/fake-server.mjs answers test/askClient with `{ reply }`, the message the client sent back.
  return (await raw(client)('test/askClient', request)) as AskClientResult;
}

async function take<T>(it: AsyncIterableIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((c) => c.shutdown()));
});

describe('AppServerClient handshake', () => {
  it('sends initialize with clientInfo and merged capabilities, then initialized', async () => {
    const transcript: Array<[Direction, unknown]> = [];
    const client = await startFake('', {
      capabilities: { experimentalApi: true, extensions: { a: 1 } },
      extensions: [{ name: 'ext', capabilities: { requestAttestation: true, extensions: { b: 2 } } }],
      onMessage: (d, m) => transcript.push([d, m]),
    });
    const echo = (client.initializeResponse as unknown as { echo: unknown }).echo;
    expect(echo).toEqual({
      clientInfo: { name: 'unit', version: '0.0.0' },
      capabilities: { experimentalApi: true, requestAttestation: true, extensions: { a: 1, b: 2 } },
    });
    expect(transcript[0]).toEqual(['c2s', { id: 0, method: 'initialize', params: echo }]);
    expect(transcript[1]![0]).toBe('s2c');
    expect(transcript[2]).toEqual(['c2s', { method: 'initialized' }]);
  });

  it('rejects start with JsonRpcError when initialize fails, and stops the process', async () => {
    const err = await AppServerClient.start({
      codexPath: process.execPath,
      args: [FAKE],
      env: { FAKE_MODE: 'init-error' },
      clientInfo: { name: 'unit', version: '0' },
      shutdownGraceMs: 300,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsonRpcError);
    expect((err as JsonRpcError).code).toBe(-32600);
    expect((err as JsonRpcError).method).toBe('initialize');
  });

  it('rejects start with ServerExitedError (exit code and stderr tail) when the server dies', async () => {
    const err = await AppServerClient.start({
      codexPath: process.execPath,
      args: [FAKE],
      env: { FAKE_MODE: 'exit-at-start' },
      clientInfo: { name: 'unit', version: '0' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).exit.code).toBe(7);
    expect((err as ServerExitedError).exit.stderrTail).toContain('fatal: cannot start');
    expect((err as Error).message).toContain('fatal: cannot start');
  });

  it('rejects start when the executable does not exist', async () => {
    const err = await AppServerClient.start({
      codexPath: '/nonexistent/codex-binary',
      clientInfo: { name: 'unit', version: '0' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as Error).message).toMatch(/ENOENT/);
  });
});

describe('AppServerClient requests', () => {
  it('resolves results and omits params when none are given', async () => {
    const client = await startFake();
    await expect(raw(client)('test/echo', { x: 1 })).resolves.toEqual({ method: 'test/echo', params: { x: 1 } });
    await expect(raw(client)('test/echo')).resolves.toEqual({ method: 'test/echo', params: null });
  });

  it('turns a JSON-RPC error answer into JsonRpcError with code, message and data', async () => {
    const client = await startFake();
    const err = await raw(client)('test/error').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsonRpcError);
    expect(err).toMatchObject({ code: -32042, data: { detail: 42 }, method: 'test/error' });
    expect((err as Error).message).toContain('boom');
  });

  it('rejects every pending request with exit code and stderr tail when the server exits', async () => {
    const client = await startFake();
    const silent = raw(client)('test/silent');
    const dying = raw(client)('test/exit');
    const [a, b] = await Promise.all([silent.catch((e: unknown) => e), dying.catch((e: unknown) => e)]);
    for (const err of [a, b]) {
      expect(err).toBeInstanceOf(ServerExitedError);
      expect((err as ServerExitedError).exit.code).toBe(3);
      expect((err as ServerExitedError).exit.stderrTail).toEqual(['about to exit']);
    }
    expect((await client.exited).code).toBe(3);
    // Later calls fail straight away instead of hanging.
    await expect(raw(client)('test/echo')).rejects.toBeInstanceOf(ServerExitedError);
  });

  it('times out a request that gets no answer, and ignores nothing else', async () => {
    const client = await startFake();
    const t0 = Date.now();
    const err = await raw(client)('test/silent', undefined, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect((err as RequestTimeoutError).timeoutMs).toBe(150);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    // The connection still works afterwards.
    await expect(raw(client)('test/echo', 1)).resolves.toEqual({ method: 'test/echo', params: 1 });
  });

  it('uses the client-wide default timeout', async () => {
    const client = await startFake('', { requestTimeoutMs: 100 });
    await expect(raw(client)('test/silent')).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('rejects with RequestAbortedError when the signal fires', async () => {
    const client = await startFake();
    const ac = new AbortController();
    const p = raw(client)('test/silent', undefined, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(raw(client)('test/echo', undefined, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
  });

  it('rejects pending requests with ClientClosedError on shutdown; shutdown is idempotent', async () => {
    const client = await startFake();
    const p = raw(client)('test/silent');
    const s1 = client.shutdown();
    const s2 = client.shutdown();
    expect(s1).toBe(s2);
    await expect(p).rejects.toBeInstanceOf(ClientClosedError);
    const exit = await s1;
    expect(exit.code).toBe(0);
    await expect(raw(client)('test/echo')).rejects.toBeInstanceOf(ClientClosedError);
    expect(() => {
      client.notify('initialized');
    }).toThrow(ClientClosedError);
  });

  it('escalates to SIGKILL when the server ignores stdin close and SIGTERM', async () => {
    const client = await startFake('stubborn', { shutdownGraceMs: 200 });
    const exit = await client.shutdown();
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.stderrTail).toContain('ignoring SIGTERM');
  });
});

describe('AppServerClient server requests', () => {
  it('answers an unhandled server request with -32601', async () => {
    const client = await startFake();
    const { reply } = await askClient(client, { method: 'item/fileChange/requestApproval', params: {} });
    expect(reply).toEqual({
      id: 0,
      error: { code: -32601, message: 'client has no handler for server request item/fileChange/requestApproval' },
    });
  });

  it('passes params and context to the handler and sends its result', async () => {
    const client = await startFake();
    const seen: unknown[] = [];
    client.onServerRequest('item/commandExecution/requestApproval', (params, ctx) => {
      seen.push(params, ctx.id, ctx.method, ctx.signal.aborted);
      return { decision: 'accept' };
    });
    const { reply } = await askClient(client, {
      method: 'item/commandExecution/requestApproval',
      params: { command: 'ls' },
    });
    expect(reply).toEqual({ id: 0, result: { decision: 'accept' } });
    expect(seen).toEqual([{ command: 'ls' }, 0, 'item/commandExecution/requestApproval', false]);
  });

  it('answers with a JSON-RPC error when the handler throws', async () => {
    const client = await startFake();
    client.onServerRequest('item/commandExecution/requestApproval', () => {
      throw new Error('user walked away');
    });
    client.onServerRequest('item/fileChange/requestApproval', () => {
      throw Object.assign(new Error('nope'), { code: -32000, data: { why: 'policy' } });
    });
    const a = await askClient(client, { method: 'item/commandExecution/requestApproval', params: {} });
    expect(a.reply).toEqual({ id: 0, error: { code: -32603, message: 'user walked away' } });
    const b = await askClient(client, { method: 'item/fileChange/requestApproval', params: {} });
    expect(b.reply).toEqual({ id: 1, error: { code: -32000, message: 'nope', data: { why: 'policy' } } });
  });

  it('uses extension handlers, with onServerRequest taking precedence; unsubscribe restores the extension', async () => {
    const client = await startFake('', {
      extensions: [{ serverRequestHandlers: { 'attestation/generate': () => ({ token: 'from-extension' }) } }],
    });
    const ask = () => askClient(client, { method: 'attestation/generate', params: {} });
    expect((await ask()).reply.result).toEqual({ token: 'from-extension' });
    const off = client.onServerRequest('attestation/generate', () => ({ token: 'explicit' }));
    expect((await ask()).reply.result).toEqual({ token: 'explicit' });
    off();
    expect((await ask()).reply.result).toEqual({ token: 'from-extension' });
  });

  it('aborts the handler signal and sends no answer once the server reports the request resolved', async () => {
    const client = await startFake();
    const events = client.notifications();
    let aborted = false;
    client.onServerRequest('item/commandExecution/requestApproval', (_params, ctx) => {
      return new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          aborted = true;
          resolve({ decision: 'cancel' });
        });
      });
    });
    await raw(client)('test/askAndResolve', { method: 'item/commandExecution/requestApproval', params: {} });
    // Give a late answer the chance to appear (it must not).
    await raw(client)('test/echo');
    expect(aborted).toBe(true);
    const got: string[] = [];
    for (;;) {
      const r = await Promise.race([
        events.next(),
        new Promise<null>((res) =>
          setTimeout(() => {
            res(null);
          }, 100),
        ),
      ]);
      if (!r || r.done) break;
      if (r.value.kind === 'notification') got.push(r.value.method);
    }
    expect(got).toContain('serverRequest/resolved');
    expect(got).not.toContain('fake/lateReply');
  });
});

describe('AppServerClient event streams', () => {
  it('delivers notifications in order to every subscription, and events() also sees server requests', async () => {
    const client = await startFake();
    const n = client.notifications();
    const e = client.events();
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'decline' }));
    await raw(client)('test/flood', { count: 3 });
    await askClient(client, { method: 'item/commandExecution/requestApproval', params: { p: 1 } });
    const fromN = await take(n, 3);
    expect(fromN.map((x) => (x.kind === 'notification' ? x.params : x))).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    const fromE = await take(e, 4);
    expect(fromE.map((x) => x.kind)).toEqual(['notification', 'notification', 'notification', 'serverRequest']);
    expect(fromE[3]).toMatchObject({ kind: 'serverRequest', id: 0, params: { p: 1 } });
  });

  it('counts notifications that overflow a full queue and reports them as one lagged event', async () => {
    const client = await startFake('', { queueCapacity: 5 });
    const n = client.notifications();
    await raw(client)('test/flood', { count: 12 });
    await raw(client)('test/flood', { count: 1 }); // arrives after the consumer has drained, see below
    const first = await take(n, 6);
    expect(
      first.slice(0, 5).map((x) => (x.kind === 'notification' ? (x.params as unknown as { i: number }).i : -1)),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(first[5]).toEqual({ kind: 'lagged', skipped: 8 });
    expect(client.droppedEvents).toBe(8);
    await n.return!();
  });

  it('ends the streams when the server exits', async () => {
    const client = await startFake();
    const n = client.notifications();
    await raw(client)('test/exit').catch(() => undefined);
    const r = await n.next();
    expect(r.done).toBe(true);
  });

  it('reports unparsable lines and responses to unknown ids as protocol issues', async () => {
    const issues: ProtocolIssue[] = [];
    const client = await startFake('', { onProtocolIssue: (i) => issues.push(i) });
    await raw(client)('test/garbage');
    expect(issues.map((i) => i.subject)).toEqual(['unparsable line', 'unknown response id']);
    expect(issues[0]?.raw).toBe('this is not json');
    expect(issues[1]?.message).toContain('999');
  });
});

describe('AppServerClient malformed input (stdio)', () => {
  it('reports a line past maxLineBytes, a non-object and a shapeless message by name; pending requests survive', async () => {
    const issues: ProtocolIssue[] = [];
    const client = await startFake('', { maxLineBytes: 10_000, onProtocolIssue: (i) => issues.push(i) });
    const n = client.notifications();
    const silent = raw(client)('test/silent', undefined, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    await expect(raw(client)('test/malformed', { hugeBytes: 50_000 })).resolves.toEqual({ survived: true });
    expect(issues.map((i) => i.subject)).toEqual(['line too long', 'not a JSON object', 'unrecognised message']);
    const hugeLine = '{"method":"fake/huge","params":{"blob":""}}'.length + 50_000;
    expect(issues[0]?.message).toBe(`a line of ${hugeLine} bytes exceeds maxLineBytes (10000); it was skipped`);
    expect(issues[2]?.raw).toEqual({ neither: true });
    const next = await n.next();
    expect(next.value).toMatchObject({ kind: 'notification', method: 'fake/fine' });
    expect(client.pendingRequests).toBe(1); // test/silent is still waiting, untouched
    expect(await silent).toBeInstanceOf(RequestTimeoutError);
  });

  it('rejects pending requests with the signal when the server is SIGKILLed', async () => {
    const client = await startFake();
    const waiting = raw(client)('test/silent').catch((e: unknown) => e);
    const killing = raw(client)('test/killSelf').catch((e: unknown) => e);
    const [a, b] = await Promise.all([waiting, killing]);
    for (const e of [a, b]) {
      expect(e).toBeInstanceOf(ServerExitedError);
      expect((e as ServerExitedError).exit.signal).toBe('SIGKILL');
    }
  });

  it('bounds shutdown by timeoutMs even for a server that ignores stdin close and SIGTERM', async () => {
    const client = await startFake('stubborn');
    const t0 = Date.now();
    const exit = await client.shutdown({ timeoutMs: 300 });
    expect(exit.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(300 + 1_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });
});

describe('resolveCodexBinary', () => {
  it('prefers the option, then CODEX_APP_SERVER_BIN, then the @openai/codex package, then PATH', () => {
    expect(resolveCodexBinary('/opt/codex')).toEqual({ path: '/opt/codex', source: 'option' });
    const saved = process.env['CODEX_APP_SERVER_BIN'];
    try {
      process.env['CODEX_APP_SERVER_BIN'] = '/env/codex';
      expect(resolveCodexBinary()).toEqual({ path: '/env/codex', source: 'env' });
      delete process.env['CODEX_APP_SERVER_BIN'];
      const found = resolveCodexBinary();
      // In this workspace @openai/codex is installed (the testkit pins it), reachable from the repository root.
      expect(found.source).toBe('package');
      expect(found.path).toMatch(/vendor\/[^/]+\/bin\/codex(\.exe)?$/);
      expect(existsSync(found.path)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['CODEX_APP_SERVER_BIN'];
      else process.env['CODEX_APP_SERVER_BIN'] = saved;
    }
  });
});

describe('AppServerClient validation', () => {
  /** Fake validators: anything whose params/result carry `bad: true` is invalid. */
  const fakeValidators: ProtocolValidators = (() => {
    const check = (_m: string, v: unknown) =>
      v && typeof v === 'object' && (v as { bad?: unknown }).bad === true
        ? { ok: false as const, message: 'bad is not allowed', errors: [{ path: '/bad' }] }
        : { ok: true as const, value: v };
    return {
      validateClientRequest: check,
      validateServerResult: (m, v) => check(m, typeof v === 'object' && v !== null && 'params' in v ? v.params : v),
      validateServerNotification: check,
      validateServerRequest: check,
      validateClientResult: check,
    };
  })();

  it('strict: refuses to send invalid params, without writing anything', async () => {
    const sent: unknown[] = [];
    const client = await startFake('', {
      validate: 'strict',
      validators: fakeValidators,
      onMessage: (d, m) => d === 'c2s' && sent.push(m),
      onProtocolIssue: () => undefined,
    });
    const before = sent.length;
    const err = await raw(client)('test/echo', { bad: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolValidationError);
    expect((err as Error).message).toBe('invalid params of client request test/echo: bad is not allowed');
    expect(sent.length).toBe(before);
  });

  it('strict: answers invalid server requests with -32602 and turns invalid notifications into issues', async () => {
    const events: ClientEvent[] = [];
    const client = await startFake('', { validate: 'strict', validators: fakeValidators, onProtocolIssue: () => {} });
    const e = client.events();
    let called = false;
    client.onServerRequest('item/commandExecution/requestApproval', () => {
      called = true;
      return { decision: 'accept' };
    });
    const { reply } = await askClient(client, {
      method: 'item/commandExecution/requestApproval',
      params: { bad: true },
    });
    expect(called).toBe(false);
    expect(reply.error?.code).toBe(-32602);
    events.push(...(await take(e, 1)));
    expect(events[0]).toMatchObject({ kind: 'protocolIssue', direction: 's2c', errors: [{ path: '/bad' }] });
    // An invalid notification becomes an issue and is not delivered; a valid one is.
    const n = client.notifications();
    await raw(client)('test/notify', {
      notifications: [
        { method: 'fake/invalid', params: { bad: true } },
        { method: 'fake/valid', params: { bad: false } },
      ],
    });
    const [delivered] = await take(n, 1);
    expect(delivered).toMatchObject({ kind: 'notification', method: 'fake/valid' });
    const [issue] = await take(e, 1);
    expect(issue).toMatchObject({
      kind: 'protocolIssue',
      direction: 's2c',
      subject: 'params of server notification fake/invalid',
      message: 'bad is not allowed',
      raw: { bad: true },
    });
  });

  it('strict: refuses an invalid client notification with ProtocolValidationError, without writing it', async () => {
    const sent: unknown[] = [];
    const client = await startFake('', {
      validate: 'strict',
      validators: {
        ...fakeValidators,
        validateClientNotification: (_m, v) =>
          v && (v as { bad?: unknown }).bad ? { ok: false, message: 'bad notification' } : { ok: true },
      },
      onMessage: (d, m) => d === 'c2s' && sent.push(m),
      onProtocolIssue: () => undefined,
    });
    const before = sent.length;
    expect(() => {
      client.notifyRaw('test/note', { bad: true });
    }).toThrow(ProtocolValidationError);
    expect(sent.length).toBe(before);
    client.notifyRaw('test/note', { bad: false });
    expect(sent.length).toBe(before + 1);
  });

  it('strict: rejects a request whose result is invalid with ProtocolValidationError; the client keeps working', async () => {
    const issues: ProtocolIssue[] = [];
    const client = await startFake('', {
      validate: 'strict',
      validators: { ...fakeValidators, validateClientRequest: () => ({ ok: true }) },
      onProtocolIssue: (i) => issues.push(i),
    });
    const err = await raw(client)('test/echo', { bad: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolValidationError);
    expect((err as Error).message).toBe('invalid result of client request test/echo: bad is not allowed');
    expect(issues.map((i) => `${i.direction} ${i.subject}`)).toEqual(['s2c result of client request test/echo']);
    expect(client.pendingRequests).toBe(0);
    await expect(raw(client)('test/echo', { bad: false })).resolves.toEqual({
      method: 'test/echo',
      params: { bad: false },
    });
  });

  it('off (the default): runs no validator, delivers everything, reports nothing', async () => {
    let calls = 0;
    const counting = Object.fromEntries(
      Object.entries(fakeValidators).map(([k, f]) => [
        k,
        (...a: unknown[]) => (calls++, (f as (...x: unknown[]) => unknown)(...a)),
      ]),
    ) as unknown as ProtocolValidators;
    const issues: ProtocolIssue[] = [];
    const client = await startFake('', { validators: counting, onProtocolIssue: (i) => issues.push(i) });
    const events = client.events();
    await expect(raw(client)('test/echo', { bad: true })).resolves.toEqual({
      method: 'test/echo',
      params: { bad: true },
    });
    let params: unknown;
    client.onServerRequest('item/commandExecution/requestApproval', (p) => ((params = p), { decision: 'accept' }));
    const { reply } = await askClient(client, {
      method: 'item/commandExecution/requestApproval',
      params: { bad: true },
    });
    expect(params).toEqual({ bad: true });
    expect(reply.result).toEqual({ decision: 'accept' });
    expect((await events.next()).value).toMatchObject({ kind: 'serverRequest', params: { bad: true } });
    expect(calls).toBe(0);
    expect(issues).toEqual([]);
  });

  it('warn: delivers the message and reports the issue', async () => {
    const issues: ProtocolIssue[] = [];
    const client = await startFake('', {
      validate: 'warn',
      validators: fakeValidators,
      onProtocolIssue: (i) => issues.push(i),
    });
    await expect(raw(client)('test/echo', { bad: true })).resolves.toEqual({
      method: 'test/echo',
      params: { bad: true },
    });
    expect(issues.map((i) => `${i.direction} ${i.subject}`)).toEqual([
      'c2s params of client request test/echo',
      's2c result of client request test/echo',
    ]);
  });
});
