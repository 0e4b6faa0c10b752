/**
 * `ThreadHandle` over the in-memory transport: a TypeScript fake server
 * answers the thread methods and replays legal turn notifications
 * (test/state/synthetic.ts), so every handle method is checked against
 * what was really sent and what the state became.
 */
import { describe, expect, it } from 'vitest';
import { ThreadHandle, UnhandledServerRequestError } from '../src/index.js';
import { inMemoryClients } from './fixtures/clients.js';
import { createTsServer, type TsServer } from './fixtures/ts-server.js';
import { thread, turn as turnOf } from './state/builders.js';
import { threadEvents } from './state/synthetic.js';

const clients = inMemoryClients('handles', { recordIssues: true, shutdown: { timeoutMs: 200 } });
const tick = () => new Promise<void>((r) => setImmediate(r));

/** A server whose turn/start answers `<thread>-turn-0` and, unless `hold`, then plays the whole turn. */
async function setup(opts: { hold?: boolean } = {}) {
  const server: TsServer = createTsServer();
  server.handle('thread/start', () => ({ thread: thread({ id: 'th1' }) }));
  server.handle('thread/fork', (p) => ({ thread: thread({ id: `${String(p['threadId'])}-fork` }) }));
  server.handle('thread/archive', () => ({}));
  server.handle('turn/interrupt', () => ({}));
  server.handle('turn/steer', (p) => ({ turnId: p['expectedTurnId'] }));
  const play = (threadId: string) => {
    for (const n of threadEvents(threadId, [{ deltas: ['Hel', 'lo'] }])) server.notify(n.method, n.params);
  };
  server.handle('thread/read', (p) => ({
    thread: thread({
      id: String(p['threadId']),
      turns: [turnOf({ id: `${String(p['threadId'])}-turn-0`, status: 'completed' })],
    }),
  }));
  server.handle('turn/start', (p) => {
    const threadId = String(p['threadId']);
    if (!opts.hold) setImmediate(() => play(threadId));
    return { turn: turnOf({ id: `${threadId}-turn-0`, status: 'inProgress', itemsView: 'notLoaded' }) };
  });
  const { client, issues } = await clients.start({}, server);
  return { client, server, issues, play };
}
const sent = (server: TsServer, method: string) =>
  server.received.filter((m) => m.method === method).map((m) => m.params);

/** The command approval the server asks for during the first turn of `th1`. */
const APPROVAL = { threadId: 'th1', turnId: 'th1-turn-0', itemId: 'c1' };

/** Once the client has started the turn, the server asks for a command approval: its answer. */
async function askApprovalOnceTurnStarts(server: TsServer) {
  await expect.poll(() => sent(server, 'turn/start').length).toBe(1);
  await tick();
  return server.ask('item/commandExecution/requestApproval', APPROVAL);
}

describe('ThreadHandle', () => {
  it('startThreadHandle: the state starts from the thread/start answer; subscribers see changes until removed', async () => {
    const { client, server } = await setup();
    const h = await client.startThreadHandle({ cwd: '/w' });
    expect(h.id).toBe('th1');
    expect(h.state.id).toBe('th1');
    expect(h.state.info?.cwd).toBe('/w');
    expect(sent(server, 'thread/start')).toEqual([{ cwd: '/w' }]);
    const seen: string[] = [];
    const off = h.subscribe((t, e) => seen.push(`${t.id}:${'method' in e ? e.method : e.kind}`));
    server.notify('thread/name/updated', { threadId: 'th1', threadName: 'named' });
    await tick();
    expect(h.state.name).toBe('named');
    expect(seen).toEqual(['th1:thread/name/updated']);
    off();
    server.notify('thread/name/updated', { threadId: 'th1', threadName: 'again' });
    server.notify('thread/name/updated', { threadId: 'other', threadName: 'not mine' });
    await tick();
    expect(h.state.name).toBe('again');
    expect(seen).toHaveLength(1);
    h.close();
  });

  it('a handle on an unknown thread has an empty state with that id', async () => {
    const { client } = await setup();
    const h = client.thread('nothing-yet');
    expect(h.state.id).toBe('nothing-yet');
    expect(h.state.turns).toEqual([]);
    expect(h.turn('x')).toBeUndefined();
    h.close();
    h.close();
  });

  it('run(): streams the turn, then resolves the result from the handle state', async () => {
    const { client, server } = await setup();
    const h = await client.startThreadHandle();
    const run = h.run('prompt');
    const methods: string[] = [];
    for await (const e of run) methods.push('method' in e ? e.method : 'lagged');
    expect(methods[0]).toBe('turn/started');
    expect(methods.at(-1)).toBe('turn/completed');
    const result = await run.result;
    expect(result).toMatchObject({ threadId: 'th1', turnId: 'th1-turn-0', status: 'completed', text: 'Hello' });
    expect(h.turn('th1-turn-0')?.status).toBe('completed');
    expect(sent(server, 'turn/start')).toEqual([
      { threadId: 'th1', input: [{ type: 'text', text: 'prompt', text_elements: [] }] },
    ]);
  });

  it('ask(): resolves with the answer text', async () => {
    const { client } = await setup();
    const h = await client.startThreadHandle();
    const result = await h.ask('hi');
    expect(result.text).toBe('Hello');
    expect(result.status).toBe('completed');
  });

  it('ask(): a thread server request nobody handles gets -32601, interrupts the turn and rejects naming the method', async () => {
    const { client, server, play } = await setup({ hold: true });
    const h = await client.startThreadHandle();
    const asking = h.ask('hi');
    const answer = await askApprovalOnceTurnStarts(server);
    expect(answer.error?.code).toBe(-32601);
    expect(answer.error?.message).toBe(
      "the server sent item/commandExecution/requestApproval during ask(), but no handler answers it: pass handlers: { 'item/commandExecution/requestApproval': (params) => ... } to ask() or to the thread handle",
    );
    await expect.poll(() => sent(server, 'turn/interrupt')).toEqual([{ threadId: 'th1', turnId: 'th1-turn-0' }]);
    play('th1');
    const err: unknown = await asking.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof UnhandledServerRequestError))
      throw new Error(`expected UnhandledServerRequestError: ${String(err)}`);
    expect(err.name).toBe('UnhandledServerRequestError');
    expect(err.method).toBe('item/commandExecution/requestApproval');
    expect(err.params).toEqual(APPROVAL);
  });

  it('ask(): a handler given to the handle answers instead', async () => {
    const server0 = await setup({ hold: true });
    const { client, server, play } = server0;
    const { thread: t } = await client.startThread({});
    const h = client.thread(t.id, {
      handlers: { 'item/commandExecution/requestApproval': () => ({ decision: 'accept' }) },
    });
    const asking = h.ask('hi');
    const answer = await askApprovalOnceTurnStarts(server);
    expect(answer.result).toEqual({ decision: 'accept' });
    play('th1');
    await expect(asking).resolves.toMatchObject({ text: 'Hello' });
    expect(sent(server, 'turn/interrupt')).toEqual([]);
  });

  it('steer() and interrupt() act on the running turn; without one steer rejects and interrupt sends nothing', async () => {
    const { client, server } = await setup({ hold: true });
    const h = await client.startThreadHandle();
    await expect(h.steer('more')).rejects.toThrow('thread th1 has no running turn to steer');
    await h.interrupt();
    expect(sent(server, 'turn/interrupt')).toEqual([]);
    const run = h.run('go');
    await run.raw.started;
    server.notify('turn/started', {
      threadId: 'th1',
      turn: turnOf({ id: 'th1-turn-0', status: 'inProgress', itemsView: 'notLoaded' }),
    });
    await tick();
    await expect(h.steer('more')).resolves.toEqual({ turnId: 'th1-turn-0' });
    const items = [{ type: 'text' as const, text: 'arr', text_elements: [] }];
    await h.steer(items);
    await run.steer('via run');
    expect(sent(server, 'turn/steer')).toEqual([
      { threadId: 'th1', expectedTurnId: 'th1-turn-0', input: [{ type: 'text', text: 'more', text_elements: [] }] },
      { threadId: 'th1', expectedTurnId: 'th1-turn-0', input: items },
      { threadId: 'th1', expectedTurnId: 'th1-turn-0', input: [{ type: 'text', text: 'via run', text_elements: [] }] },
    ]);
    await h.interrupt();
    expect(sent(server, 'turn/interrupt')).toEqual([{ threadId: 'th1', turnId: 'th1-turn-0' }]);
  });

  it('fork(), archive(), read() and resume() send the thread id and apply the answers', async () => {
    const { client, server } = await setup();
    server.handle('thread/resume', (p) => ({
      thread: thread({ id: String(p['threadId']), turns: [turnOf({ id: 'old', status: 'completed' })] }),
    }));
    const h = await client.startThreadHandle();
    const fork = await h.fork({ cwd: '/f' });
    expect(fork.id).toBe('th1-fork');
    expect(fork.state.id).toBe('th1-fork');
    expect(fork.state.info).not.toBeNull();
    expect(sent(server, 'thread/fork')).toEqual([{ cwd: '/f', threadId: 'th1' }]);
    await h.archive();
    expect(sent(server, 'thread/archive')).toEqual([{ threadId: 'th1' }]);
    const read = await h.read();
    expect(read.turns.map((t) => t.id)).toEqual(['th1-turn-0']);
    expect(h.state.turns.map((t) => t.id)).toEqual(['th1-turn-0']);
    expect(sent(server, 'thread/read')).toEqual([{ threadId: 'th1', includeTurns: true }]);
    const resumed = await ThreadHandle.resume(client, { threadId: 'r1' });
    expect(resumed.id).toBe('r1');
    expect(resumed.state.turns.map((t) => t.id)).toEqual(['old']);
    expect(sent(server, 'thread/resume')).toEqual([{ threadId: 'r1' }]);
  });

  it('closing the handle fails its running turns, naming the thread', async () => {
    const { client } = await setup({ hold: true });
    const h = await client.startThreadHandle();
    const run = h.run('go');
    await run.raw.started;
    h.close();
    await expect(run.result).rejects.toThrow('the handle on thread th1 was closed before the turn ended');
  });

  it('a connection that ends fails the running turn', async () => {
    const { client, server } = await setup({ hold: true });
    const h = await client.startThreadHandle();
    const run = h.run('go');
    await run.raw.started;
    server.end.close({ code: 0 });
    await expect(run.result).rejects.toThrow(/connection ended/);
  });

  it('includeThreadNotices given to run() overrides the handle option; the default leaves notices out', async () => {
    const { client, server, play } = await setup({ hold: true });
    const { thread: t } = await client.startThread({});
    for (const [handleOpt, runOpt, expected] of [
      [true, false, false],
      [undefined, undefined, false],
      [false, true, true],
    ] as const) {
      const h = client.thread(t.id, handleOpt === undefined ? {} : { includeThreadNotices: handleOpt });
      const run = h.run('go', runOpt === undefined ? {} : { includeThreadNotices: runOpt });
      await run.raw.started;
      server.notify('configWarning', { summary: 'cfg', details: null });
      play('th1');
      const methods: string[] = [];
      for await (const e of run) methods.push('method' in e ? e.method : 'lagged');
      expect(methods.includes('configWarning'), `${String(handleOpt)}/${String(runOpt)}`).toBe(expected);
      h.close();
    }
  });

  it('thread notices (no thread id) reach the state and, when asked for, the run', async () => {
    const { client, server, play } = await setup({ hold: true });
    const { thread: t } = await client.startThread({});
    const h = client.thread(t.id, { includeThreadNotices: true });
    const run = h.run('go');
    await run.raw.started;
    server.notify('configWarning', { summary: 'cfg', details: null });
    server.notify('deprecationNotice', { summary: 'old', details: null });
    server.notify('thread/started', { thread: thread({ id: 'another' }) });
    server.notify('warning', { threadId: 'another', message: 'not mine' });
    server.notify('warning', { threadId: 'th1', message: 'mine' });
    play('th1');
    const methods: string[] = [];
    for await (const e of run) methods.push('method' in e ? e.method : 'lagged');
    expect(methods.slice(0, 4)).toEqual(['configWarning', 'deprecationNotice', 'warning', 'turn/started']);
    expect(methods.filter((m) => m === 'warning')).toHaveLength(1);
  });

  it('a listener that throws is reported as a CaskListenerWarning and the others still run', async () => {
    const { client, server } = await setup();
    const h = await client.startThreadHandle();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const seen: string[] = [];
    h.subscribe(() => {
      throw new Error('listener bug');
    });
    h.subscribe((t) => seen.push(t.name ?? ''));
    server.notify('thread/name/updated', { threadId: 'th1', threadName: 'n' });
    await tick();
    await tick();
    process.off('warning', onWarning);
    expect(seen).toEqual(['n']);
    expect(warnings.map((w) => [w.name, w.message])).toContainEqual([
      'CaskListenerWarning',
      'a ThreadHandle listener threw: Error: listener bug',
    ]);
  });

  it('routes by params.threadId or params.thread.id; other threads, malformed params and threadless non-notices change nothing', async () => {
    const { client, server } = await setup();
    const h = client.thread('th9');
    const seen: string[] = [];
    h.subscribe((t, e) => seen.push(`${t.id}:${'method' in e ? e.method : e.kind}`));
    server.notify('thread/started', { thread: thread({ id: 'other', name: 'not mine' }) });
    server.notify('thread/started', { thread: null });
    server.notify('thread/started', { thread: {} });
    server.notify('thread/started', 'not an object');
    server.notify('thread/name/updated', { threadId: 7, threadName: 'bad id' });
    server.notify('thread/name/updated', { threadId: 'other', threadName: 'other' });
    server.notify('configWarning', { summary: 'connection-wide', details: null });
    await tick();
    expect(seen).toEqual([]);
    expect(h.state.info).toBeNull();
    server.notify('thread/started', { thread: thread({ id: 'th9', name: 'mine' }) });
    await tick();
    expect(seen).toEqual(['th9:thread/started']);
    expect(h.state.info?.id).toBe('th9');
    server.notify('thread/name/updated', { threadId: 'th9', threadName: 'renamed' });
    await tick();
    expect(seen).toEqual(['th9:thread/started', 'th9:thread/name/updated']);
    expect(h.state.name).toBe('renamed');
    // Changes elsewhere in the conversation (another thread, connection-wide notices) do not call the listener.
    const before = h.state;
    server.notify('thread/started', { thread: thread({ id: 'th10' }) });
    server.notify('configWarning', { summary: 'connection-wide again', details: null });
    server.notify('thread/name/updated', { threadId: 'th9', threadName: 'renamed' });
    await tick();
    expect(seen).toHaveLength(2);
    expect(h.state).toBe(before);
  });

  it("a run gets only notices without a thread id that are connection notices, and its own thread's events", async () => {
    const { client, server, play } = await setup({ hold: true });
    const { thread: t } = await client.startThread({});
    const h = client.thread(t.id, { includeThreadNotices: true });
    const run = h.run('go');
    await run.raw.started;
    server.notify('warning', { message: 'no thread' });
    server.notify('configWarning', { threadId: 'another', summary: 'other', details: null });
    server.notify('item/started', {
      threadId: 'another',
      turnId: 'th1-turn-0',
      item: { type: 'userMessage', id: 'x', content: [] },
      startedAtMs: 1,
    });
    server.notify('deprecationNotice', { summary: 'old', details: null });
    play('th1');
    const got: string[] = [];
    for await (const e of run) got.push('method' in e ? e.method : 'lagged');
    expect(got[0]).toBe('deprecationNotice');
    expect(got[1]).toBe('turn/started');
    expect(got.filter((m) => m === 'warning' || m === 'configWarning')).toEqual([]);
    expect(got.filter((m) => m === 'item/started')).toHaveLength(2);
  });

  it('steer() after the turn has completed rejects: only an in-progress turn counts as running', async () => {
    const { client } = await setup();
    const h = await client.startThreadHandle();
    await h.ask('hi');
    expect(h.state.turns.map((t) => t.status)).toEqual(['completed']);
    await expect(h.steer('late')).rejects.toThrow('thread th1 has no running turn to steer');
  });
});
