/**
 * The client against hostile peers: a fault-injecting JSONL server process
 * (fixtures/hostile-server.mjs, passed as `codexPath`) and an in-memory
 * server that sends what no real server would. Each case is one of the
 * failures of issue 14: the host process must not die, nothing may hang or
 * leak, and every server request gets exactly one answer.
 */
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CODEX_RELEASE } from '@cask/protocol';
import {
  AppServerClient,
  ClientClosedError,
  DEFAULT_SERVER_REQUEST_TIMEOUT_MS,
  INTERNAL_ERROR,
  JsonlDecoder,
  METHOD_NOT_FOUND,
  OverloadedError,
  ServerExitedError,
  UnserialisableMessageError,
  WARNING_BURST,
  createInMemoryPair,
  type AppServerClientOptions,
  type ClientWarning,
  type MalformedInput,
  type ServerRequestStreamItem,
  type ProtocolIssue,
  type ProtocolValidators,
} from '../src/index.js';
import { inMemoryClients } from './fixtures/clients.js';
import { createTsServer, NO_ANSWER, type TsServer } from './fixtures/ts-server.js';

/** The client's answer to a server request, as the in-memory server received it. */
interface Answer {
  id: unknown;
  result?: unknown;
  error?: { code: unknown; message: unknown; data?: unknown };
}

function answerOf(m: unknown): Answer {
  if (typeof m !== 'object' || m === null) throw new Error(`not an answer: ${String(m)}`);
  const error: unknown = Reflect.get(m, 'error');
  return {
    id: Reflect.get(m, 'id'),
    ...('result' in m ? { result: Reflect.get(m, 'result') } : {}),
    ...(typeof error === 'object' && error !== null
      ? {
          error: {
            code: Reflect.get(error, 'code'),
            message: Reflect.get(error, 'message'),
            ...('data' in error ? { data: Reflect.get(error, 'data') } : {}),
          },
        }
      : {}),
  };
}

const askFor = (server: TsServer, method: string, params: unknown): Promise<Answer> =>
  server.ask(method, params).then((m: unknown) => answerOf(m));

/** What the client sent, as plain records. */
const sent = (server: TsServer): Array<Record<string, unknown>> => server.received.map((m) => ({ ...m }));

const HOSTILE = fileURLToPath(new URL('./fixtures/hostile-server.mjs', import.meta.url));
const clients: AppServerClient[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((c) => c.shutdown({ timeoutMs: 500 })));
});

// Shut down by the afterEach above, after the timers and mocks are restored.
const { start: inMemory } = inMemoryClients('hostile', { recordIssues: true, clients });

async function hostile(mode = '', extra: Partial<AppServerClientOptions> = {}): Promise<AppServerClient> {
  const client = await AppServerClient.start({
    codexPath: process.execPath,
    args: [HOSTILE],
    env: { HOSTILE_MODE: mode },
    clientInfo: { name: 'hostile', version: '0' },
    shutdownGraceMs: 300,
    onProtocolIssue: () => undefined,
    ...extra,
  });
  clients.push(client);
  return client;
}

const APPROVAL = 'item/commandExecution/requestApproval';
const approvalParams = { threadId: 't', turnId: 'u', itemId: 'i' };

function circular(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o['self'] = o;
  return o;
}

describe('the host process never dies because of a handler or a peer', () => {
  it.each([
    ['a BigInt', () => 10n, 'Do not know how to serialize a BigInt'],
    ['a circular object', circular, 'circular'],
  ])('a handler throwing an Error whose data is %s gets an error answer without the data', async (_, makeData, why) => {
    const { client, server } = await inMemory();
    client.onServerRequest(APPROVAL, () => {
      throw Object.assign(new Error('denied by policy'), { code: -32010, data: makeData() });
    });
    const answer = await askFor(server, APPROVAL, approvalParams);
    expect(answer.error?.code).toBe(-32010);
    expect(answer.error?.message).toMatch(/^denied by policy \(its error data was left out: /);
    expect(answer.error?.message).toContain(why);
    expect(answer.error && 'data' in answer.error).toBe(false);
    expect(() => JSON.stringify(answer)).not.toThrow();
  });

  it('a thrown { code: NaN } goes out as -32603, not as "code": null', async () => {
    const { client, server } = await inMemory();
    client.onServerRequest(APPROVAL, () => {
      // A thrown non-Error is part of what is tested.
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- handlers may throw anything; the answer must still be valid
      throw { code: Number.NaN, message: 'nan' };
    });
    const answer = await askFor(server, APPROVAL, approvalParams);
    expect(answer.error).toEqual({ code: INTERNAL_ERROR, message: 'nan' });
  });

  it('server.send(null) and other non-objects on the in-memory pair are reported, not thrown', async () => {
    const { client, server, issues } = await inMemory();
    server.handle('test/later', () => NO_ANSWER);
    const pending = client.requestRaw('test/later');
    server.end.send(null as never);
    server.end.send(42 as never);
    server.end.send([1] as never);
    await new Promise((r) => setImmediate(r));
    expect(issues.map((i) => i.subject)).toEqual(['not a JSON object', 'not a JSON object', 'not a JSON object']);
    expect(issues[0]?.message).toBe('the in-memory server sent null, not a JSON-RPC message object');
    expect(client.pendingRequests).toBe(1);
    server.end.close({ code: 1 });
    await expect(pending).rejects.toBeInstanceOf(ServerExitedError);
  });
});

describe('every server request gets exactly one answer', () => {
  it.each([
    ['a BigInt', () => ({ decision: 1n })],
    ['a circular object', circular],
  ])('a handler returning %s: the server gets -32603 and an issue is reported', async (_, makeResult) => {
    const { client, server, issues } = await inMemory();
    client.onServerRequest(APPROVAL, () => makeResult() as never);
    const answer = await askFor(server, APPROVAL, approvalParams);
    expect(answer.error?.code).toBe(INTERNAL_ERROR);
    expect(answer.error?.message).toMatch(
      /^the client's handler produced a result that is not JSON: the result for server request item\/commandExecution\/requestApproval \(id 0\) cannot be serialised as JSON: /,
    );
    expect(issues.map((i) => i.subject)).toEqual([`result of server request ${APPROVAL}`]);
    expect(client.pendingServerRequests).toBe(0);
  });

  it('req.respond(circular) throws a clear error and leaves the request open: req.fail() then answers', async () => {
    const { client, server } = await inMemory();
    const stream = client.serverRequests();
    const answered = askFor(server, APPROVAL, approvalParams);
    const next: IteratorResult<ServerRequestStreamItem> = await stream.next();
    if (next.done === true || next.value.kind !== 'serverRequest') throw new Error('expected a server request');
    const req = next.value;
    expect(() => req.respond(circular() as never)).toThrow(UnserialisableMessageError);
    expect(req.signal.aborted).toBe(false);
    expect(req.fail({ code: -32000, message: 'gave up' })).toBe(true);
    expect(req.fail({ code: -32000, message: 'twice' })).toBe(false);
    expect((await answered).error).toEqual({ code: -32000, message: 'gave up' });
    expect(sent(server).filter((m) => m['id'] === 0 && m['method'] === undefined)).toHaveLength(1);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'a server request named %s finds no built-in object member: -32601',
    async (method) => {
      const { client, server } = await inMemory();
      server.handle('turn/start', () => ({ turn: { id: 'u', items: [], status: 'inProgress', error: null } }));
      const run = client.runTurn('t', 'hi', { handlers: {} });
      await run.started;
      const answer = await askFor(server, method, { threadId: 't' });
      expect(answer.error).toEqual({
        code: METHOD_NOT_FOUND,
        message: `client has no handler for server request ${method}`,
      });
      expect('result' in answer).toBe(false);
    },
  );

  it('an unknown server request reaches a catch-all; without one it gets -32601', async () => {
    const { client, server } = await inMemory();
    expect((await askFor(server, 'future/ask', { x: 1 })).error?.code).toBe(METHOD_NOT_FOUND);
    const seen: unknown[] = [];
    const off = client.onAnyServerRequest(({ method, params }) => {
      seen.push([method, params]);
      return { ok: true };
    });
    expect((await askFor(server, 'future/ask', { x: 2 })).result).toEqual({ ok: true });
    expect(seen).toEqual([['future/ask', { x: 2 }]]);
    off();
    expect((await askFor(server, 'future/ask', { x: 3 })).error?.code).toBe(METHOD_NOT_FOUND);
  });

  it('unknown notifications reach onNotification listeners', async () => {
    const { client, server } = await inMemory();
    const seen: unknown[] = [];
    client.onNotification((e) => seen.push([e.method, e.params]));
    server.notify('future/happened', { n: 1 });
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([['future/happened', { n: 1 }]]);
  });

  it(`default: a never-answered request is answered -32603 after ${DEFAULT_SERVER_REQUEST_TIMEOUT_MS} ms and reported`, async () => {
    expect(DEFAULT_SERVER_REQUEST_TIMEOUT_MS).toBe(600_000);
    const { client, server, issues } = await inMemory();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let signal: AbortSignal | undefined;
    client.onServerRequest(APPROVAL, (_p, ctx) => {
      signal = ctx.signal;
      return new Promise<never>(() => undefined);
    });
    const answered = askFor(server, APPROVAL, approvalParams);
    await vi.advanceTimersByTimeAsync(DEFAULT_SERVER_REQUEST_TIMEOUT_MS - 1);
    expect(server.answers.size).toBe(0);
    expect(client.pendingServerRequests).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answered).error).toEqual({
      code: INTERNAL_ERROR,
      message: `the client did not answer ${APPROVAL} within 600000 ms`,
      data: { reason: 'timeout' },
    });
    expect(signal?.aborted).toBe(true);
    expect(client.pendingServerRequests).toBe(0);
    expect(issues.map((i) => i.subject)).toEqual([`server request ${APPROVAL} timed out`]);
  });

  it('bounds the server requests waiting for an answer: one more is answered -32001 at once', async () => {
    const { client, server } = await inMemory({ maxPendingServerRequests: 3 });
    client.onServerRequest(APPROVAL, () => new Promise<never>(() => undefined));
    for (let i = 0; i < 3; i++) server.askNoWait(APPROVAL, approvalParams);
    const fourth = await askFor(server, APPROVAL, approvalParams);
    expect(fourth.error?.code).toBe(-32001);
    expect(fourth.id).toBe(3);
    expect(client.pendingServerRequests).toBe(3);
  });
});

describe('no leaked pending slot', () => {
  it('requestRaw with BigInt params rejects clearly, sends nothing, and keeps no slot', async () => {
    const { client, server } = await inMemory({ maxPendingRequests: 2 });
    const before = server.received.length;
    for (let i = 0; i < 5; i++) {
      await expect(client.requestRaw('test/x', { n: 1n })).rejects.toThrow(
        new UnserialisableMessageError(
          'params of request test/x',
          new TypeError('Do not know how to serialize a BigInt'),
        ),
      );
    }
    expect(client.pendingRequests).toBe(0);
    expect(server.received.length).toBe(before);
    server.handle('test/ok', () => ({ fine: true }));
    await expect(client.requestRaw('test/ok')).resolves.toEqual({ fine: true });
    // the refused calls took no id either: the next request is id 1 (initialize was 0)
    expect(server.received.at(-1)).toMatchObject({ id: 1, method: 'test/ok' });
  });

  it('a failed client-side overload check is not a leaked slot either', async () => {
    const { client, server } = await inMemory({ maxPendingRequests: 1 });
    server.handle('test/slow', () => NO_ANSWER);
    void client.requestRaw('test/slow').catch(() => undefined);
    await expect(client.requestRaw('test/slow')).rejects.toBeInstanceOf(OverloadedError);
    expect(client.pendingRequests).toBe(1);
  });
});

describe('message path edge cases (planted-bug survivors)', () => {
  it('a message with a method and id: null is a notification, not a server request', async () => {
    const { client, server } = await inMemory();
    const seen: string[] = [];
    client.onNotification((e) => seen.push(e.method));
    client.onAnyServerRequest(() => {
      throw new Error('must not be called');
    });
    server.end.send({ method: 'fake/nullId', id: null, params: {} } as never);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['fake/nullId']);
    expect(sent(server).filter((m) => m['method'] === undefined)).toEqual([]);
  });

  it('a response with string id "0" does not resolve pending request 0', async () => {
    const server = createTsServer();
    server.handle('initialize', () => NO_ANSWER);
    const issues: ProtocolIssue[] = [];
    const starting = AppServerClient.start({
      transport: server.transport,
      clientInfo: { name: 'x', version: '0' },
      onProtocolIssue: (i) => issues.push(i),
      initializeTimeoutMs: 300,
    });
    await new Promise((r) => setImmediate(r));
    server.end.send({ id: '0', result: { userAgent: 'wrong/1' } });
    await new Promise((r) => setImmediate(r));
    expect(issues.map((i) => i.subject)).toEqual(['unknown response id']);
    server.end.send({ id: 0, result: { userAgent: `right/${CODEX_RELEASE}` } });
    const client = await starting;
    clients.push(client);
    expect(client.initializeResponse.userAgent).toBe(`right/${CODEX_RELEASE}`);
  });

  it('an over-long last line without a trailing newline is reported and never delivered', () => {
    const messages: unknown[] = [];
    const problems: MalformedInput[] = [];
    const d = new JsonlDecoder(
      16,
      (m) => messages.push(m),
      (p) => problems.push(p),
    );
    d.push(Buffer.from('{"a":1}\n{"b":"0123456789abcdef"}'));
    d.end();
    expect(messages).toEqual([{ a: 1 }]);
    expect(problems.map((p) => p.message)).toEqual(['a line of 24 bytes exceeds maxLineBytes (16); it was skipped']);
  });

  it('strict: an invalid notification is only a protocolIssue, never delivered', async () => {
    const validators: ProtocolValidators = {
      validateClientRequest: () => ({ ok: true }),
      validateServerResult: () => ({ ok: true }),
      validateServerRequest: () => ({ ok: true }),
      validateClientResult: () => ({ ok: true }),
      validateServerNotification: (method) => (method === 'bad/one' ? { ok: false, message: 'nope' } : { ok: true }),
    };
    const { client, server, issues } = await inMemory({ validate: 'strict', validators });
    const delivered: string[] = [];
    client.onNotification((e) => delivered.push(e.method));
    server.notify('bad/one', {});
    server.notify('good/one', {});
    await new Promise((r) => setImmediate(r));
    expect(delivered).toEqual(['good/one']);
    expect(issues.map((i) => [i.subject, i.message])).toEqual([['params of server notification bad/one', 'nope']]);
  });
});

describe('validators at the client call site never throw and never echo unbounded input', () => {
  const base: ProtocolValidators = {
    validateClientRequest: () => ({ ok: true }),
    validateServerResult: () => ({ ok: true }),
    validateServerRequest: () => ({ ok: true }),
    validateClientResult: () => ({ ok: true }),
    validateServerNotification: () => ({ ok: true }),
  };

  it('a validator that throws RangeError (deep nesting) becomes a failure; strict refuses the request', async () => {
    const { client, issues } = await inMemory({
      validate: 'strict',
      validators: {
        ...base,
        validateClientRequest: (method) => {
          if (method === 'test/deep') throw new RangeError('Maximum call stack size exceeded');
          return { ok: true };
        },
      },
    });
    let deep: unknown = {};
    for (let i = 0; i < 5_000; i++) deep = { deep };
    await expect(client.requestRaw('test/deep', deep)).rejects.toThrow(
      'invalid params of client request test/deep: validator threw: Maximum call stack size exceeded (the message is probably nested too deeply to check)',
    );
    expect(issues).toHaveLength(1);
    expect(client.pendingRequests).toBe(0);
  });

  it('a 50 MB string in a validator message or error is cut short; unknown fields are named', async () => {
    const huge = 'd'.repeat(50 * 1024 * 1024);
    const { client, issues } = await inMemory({
      validate: 'warn',
      validators: {
        ...base,
        validateClientRequest: (method) =>
          method !== 'test/x'
            ? { ok: true }
            : {
                ok: false,
                message: `bad dir ${huge}`,
                errors: [
                  { keyword: 'type', instancePath: '/dir', params: { value: huge } },
                  { keyword: 'additionalProperties', instancePath: '/cfg', params: { additionalProperty: 'brandNew' } },
                ],
              },
      },
    });
    client.requestRaw('test/x', {}).catch(() => undefined);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    if (!issue) throw new Error('no issue reported');
    expect(issue.message.length).toBeLessThan(2_100);
    expect(issue.message.startsWith('bad dir ddd')).toBe(true);
    expect(issue.message.endsWith('d… (field not in the protocol: /cfg/brandNew)')).toBe(true);
    expect(JSON.stringify(issue.errors).length).toBeLessThan(1_000);
  });
});

describe('warnings without a subscriber are rate-limited', () => {
  it('1,200 bad lines print at most a burst of warnings; the rest are counted', async () => {
    const emitted: string[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation((w: string | Error) => {
      emitted.push(String(w));
    });
    const client = await hostile('', { onProtocolIssue: undefined });
    await expect(client.requestRaw('test/garbage', { count: 1_200 })).resolves.toEqual({ sent: 1_200 });
    expect(emitted).toHaveLength(WARNING_BURST);
    expect(emitted[0]).toMatch(/^unparsable line: not JSON: /);
    expect(client.suppressedWarnings).toBe(1_200 - WARNING_BURST);
  });
});

describe('stdio: the exit latch', () => {
  it('the server exiting ends pending work even when a grandchild keeps its stdout open; shutdown reports the real code', async () => {
    const client = await hostile();
    const t0 = Date.now();
    const err = await client.requestRaw('test/exitLeavingGrandchild').catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).exit.code).toBe(5);
    const exit = await client.shutdown();
    expect(exit.code).toBe(5);
    expect(exit.reason).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('stdout closing while the process lives is a dead connection; shutdown stops the process', async () => {
    const client = await hostile();
    const err = await client.requestRaw('test/closeStdout').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).exit.reason).toMatch(
      /^the server closed its stdout but is still running \(pid \d+\): no answer can arrive$/,
    );
    await expect(client.requestRaw('test/after')).rejects.toBeInstanceOf(ServerExitedError);
    const exit = await client.shutdown({ timeoutMs: 400 });
    // stdin closed does not stop it (its stdin reader exits the process with 0 on close).
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    const pid = client.pid;
    expect(pid).toBeTypeOf('number');
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
  });

  it('a partial line written byte by byte is reassembled', async () => {
    const client = await hostile();
    await expect(client.requestRaw('test/partial')).resolves.toEqual({ partial: true });
  });

  it('an over-long last line without newline before exit is reported, not delivered', async () => {
    const issues: ProtocolIssue[] = [];
    const client = await hostile('', { maxLineBytes: 1024, onProtocolIssue: (i) => issues.push(i) });
    const seen: string[] = [];
    client.onNotification((e) => seen.push(e.method));
    await client.requestRaw('test/hugeLastLine', { bytes: 4096 });
    await client.exited;
    expect(seen).toEqual([]);
    expect(issues.map((i) => i.subject)).toEqual(['line too long']);
  });

  it('stderr is read in bounded chunks: a flood without newlines and long lines keep a small tail', async () => {
    const lines: string[] = [];
    const client = await hostile('', { onStderr: (l) => lines.push(l) });
    const err = await client.requestRaw('test/stderrFlood', { mib: 24 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
    const exit = (err as ServerExitedError).exit;
    expect(exit.code).toBe(9);
    const tailBytes = exit.stderrTail.reduce((n, l) => n + Buffer.byteLength(l), 0);
    expect(tailBytes).toBeLessThanOrEqual(16 * 1024);
    expect(exit.stderrTail.at(-1)).toBe('Error: flooded');
    expect(lines[0]).toMatch(/^e{8192}… \(25157632 more bytes of this line dropped\)$/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(8_300);
    expect((err as Error).message.length).toBeLessThan(20_000);
  }, 30_000);
});

describe('serverInfo', () => {
  it('parses the codex version from the user agent and reports a mismatch once via onWarning', async () => {
    const warnings: ClientWarning[] = [];
    const emitted = vi.spyOn(process, 'emitWarning');
    const client = await hostile('', { onWarning: (w) => warnings.push(w) });
    const serverVersion = '0.0.1'; // the user agent of fixtures/hostile-server.mjs
    expect(client.serverInfo).toEqual({
      userAgent: `hostile/${serverVersion}`,
      version: serverVersion,
      expectedRelease: CODEX_RELEASE,
      matchesExpected: false,
      platformFamily: 'unix',
      platformOs: 'linux',
      codexHome: '/x',
    });
    expect(warnings).toEqual([
      {
        kind: 'versionMismatch',
        message:
          `the server reports codex ${serverVersion}, this client was built for the protocol of codex ` +
          `${CODEX_RELEASE}: methods or fields may differ`,
        serverVersion,
        expectedRelease: CODEX_RELEASE,
      },
    ]);
    expect(emitted).not.toHaveBeenCalled();
  });
});

describe('property: nothing a peer sends can throw out of the message path or leak a request', () => {
  it('arbitrary JSON values and shapes sent by the server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.record(
              { id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), result: fc.jsonValue() },
              { requiredKeys: [] },
            ),
            fc.record({ id: fc.jsonValue(), error: fc.jsonValue() }, { requiredKeys: ['error'] }),
            fc.record(
              {
                method: fc.oneof(fc.string(), fc.constantFrom('constructor', '__proto__', 'serverRequest/resolved')),
                id: fc.jsonValue(),
                params: fc.jsonValue(),
              },
              { requiredKeys: ['method'] },
            ),
          ),
          { maxLength: 30 },
        ),
        async (messages) => {
          const { transport, server } = createInMemoryPair();
          server.onMessage((m) => {
            if ('method' in m && m.method === 'initialize' && 'id' in m) {
              server.send({ id: m.id, result: { userAgent: `p/${CODEX_RELEASE}` } });
            }
          });
          const client = await AppServerClient.start({
            transport,
            clientInfo: { name: 'p', version: '0' },
            onProtocolIssue: () => undefined,
          });
          const pending = client.requestRaw('x/never', undefined, { timeoutMs: 10_000 }).catch((e: unknown) => e);
          for (const m of messages) server.send(m as never);
          await new Promise((r) => setImmediate(r));
          // every server request is either answered or waiting; a pending request is pending or settled once
          expect(client.pendingRequests).toBeLessThanOrEqual(1);
          await client.shutdown({ timeoutMs: 100 });
          const outcome = await pending;
          // Rejected, or answered: a message may carry the request's own id, and then its result (any JSON value,
          // `false` included) is the outcome.
          const sentResults = messages.flatMap((m) =>
            typeof m === 'object' && m !== null && !Array.isArray(m) && 'result' in m ? [m.result] : [],
          );
          expect(
            outcome === undefined || outcome instanceof Error || sentResults.some((r) => isDeepStrictEqual(r, outcome)),
          ).toBe(true);
          expect(client.pendingRequests).toBe(0);
          expect(client.pendingServerRequests).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ClientClosedError for requests after shutdown', async () => {
    const { client } = await inMemory();
    await client.shutdown();
    await expect(client.requestRaw('x')).rejects.toBeInstanceOf(ClientClosedError);
  });
});
