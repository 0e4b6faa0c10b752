/**
 * Thread handles against the REAL `codex app-server`: run, ask (with and
 * without approval handlers), interrupt, thread notices, fork, archive,
 * read, and a lagging subscription that the result still survives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  isLagged,
  ThreadHandle,
  UnhandledServerRequestError,
  type ThreadState,
  type TurnRunEvent,
} from '../../src/index.js';
import { must } from '../state/fold.js';
import { startHarness, type Harness } from './harness.js';

const TEST_TIMEOUT = 60_000;
let h: Harness | undefined;
const handles: ThreadHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) handle.close();
  const current = h;
  h = undefined;
  await current?.close();
});

async function readItems(handle: ThreadHandle, turnId: string): Promise<unknown[]> {
  const { thread } = await handle.client.request('thread/read', { threadId: handle.id, includeTurns: true });
  return must(
    thread.turns.find((t) => t.id === turnId),
    `turn ${turnId} in thread/read`,
  ).items;
}

describe('contract: thread handles', () => {
  it(
    'run(): streamed text equals the deltas so far at every step; result equals the server record',
    {
      timeout: TEST_TIMEOUT,
    },
    async () => {
      const chunks = ['Handles', ' stream', ' text', '.'];
      h = await startHarness([{ kind: 'message', text: chunks.join(''), chunks }]);
      const handle = await h.client.startThreadHandle({ cwd: h.home.workspace, approvalPolicy: 'never' });
      handles.push(handle);
      const changes: ThreadState[] = [];
      handle.subscribe((t) => changes.push(t));
      const run = handle.run('Say it');
      let joined = '';
      const methods: string[] = [];
      for await (const ev of run) {
        if (isLagged(ev)) continue;
        methods.push(ev.method);
        if (ev.method === 'item/agentMessage/delta') {
          joined += ev.params.delta;
          const item = run.turn?.items.find((i) => i.id === ev.params.itemId);
          expect(item?.type === 'agentMessage' && item.text).toBe(joined);
        }
      }
      expect(methods[0]).toBe('turn/started');
      expect(methods.at(-1)).toBe('turn/completed');
      const result = await run.result;
      expect(result).toMatchObject({ status: 'completed', text: 'Handles stream text.', error: null });
      expect(result.usage).toMatchObject({ total: { totalTokens: 15 }, lastCall: { totalTokens: 15 } });
      expect(result.items).toEqual(await readItems(handle, result.turnId));
      expect(changes.length).toBeGreaterThan(chunks.length);
      expect(changes.at(-1)).toBe(handle.state);
    },
  );

  it(
    'ask(): approvals go to the given handler; without one, ask() rejects with a clear error',
    {
      timeout: TEST_TIMEOUT,
    },
    async () => {
      h = await startHarness([
        { kind: 'shell', command: 'echo handled', callId: 'call_ask1' },
        { kind: 'message', text: 'Ran it.' },
        { kind: 'shell', command: 'echo unhandled', callId: 'call_ask2' },
        { kind: 'message', text: 'Not run.' },
        { kind: 'message', text: 'spare' },
      ]);
      const handle = await h.client.startThreadHandle({ cwd: h.home.workspace, approvalPolicy: 'untrusted' });
      handles.push(handle);
      const asked: string[] = [];
      const result = await handle.ask('Run echo', {
        handlers: {
          'item/commandExecution/requestApproval': (params) => {
            asked.push(params.command ?? '');
            return { decision: 'accept' };
          },
        },
      });
      expect(asked).toHaveLength(1);
      expect(result.text).toBe('Ran it.');
      expect(result.items.map((i) => i.type)).toEqual(['userMessage', 'commandExecution', 'agentMessage']);
      expect(result.items).toEqual(await readItems(handle, result.turnId));

      const failure = await handle.ask('Run another').then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(UnhandledServerRequestError);
      expect(String(failure)).toMatch(/item\/commandExecution\/requestApproval.*no handler/);
      // The server heard a JSON-RPC error for its request.
      const answer = h.transcript.find(
        (t) => t.dir === 'c2s' && 'error' in t.msg && (t.msg as { error: { code: number } }).error.code === -32601,
      );
      expect(answer).toBeDefined();
    },
  );

  it(
    'interrupt: result is interrupted, usage is zero though the server repeats `last`, late state is intact; opted-in notices arrive',
    {
      timeout: TEST_TIMEOUT,
    },
    async () => {
      h = await startHarness([
        { kind: 'message', text: 'First.' },
        { kind: 'stall', chunks: ['Partial'] },
      ]);
      const handle = await h.client.startThreadHandle({ cwd: h.home.workspace, approvalPolicy: 'never' });
      handles.push(handle);
      await handle.ask('First');
      const run = handle.run('Second', { includeThreadNotices: true });
      const seen: TurnRunEvent[] = [];
      let steered: string | undefined;
      for await (const ev of run) {
        seen.push(ev);
        if (!isLagged(ev) && ev.method === 'item/agentMessage/delta') {
          steered = (await run.steer('and also this')).turnId;
          await run.interrupt();
        }
      }
      expect(steered).toBe(run.turnId);
      const result = await run.result;
      expect(result.status).toBe('interrupted');
      expect(result.text).toBe('Partial');
      expect(result.usage).toMatchObject({ total: { totalTokens: 0 }, lastCall: null });
      expect(handle.state.tokenUsage?.last.totalTokens).toBe(15);
      expect(result.turn.offRecord).toMatchObject([{ reason: 'unfinished', closedBy: 'interrupted' }]);
      expect(result.items).toEqual(await readItems(handle, result.turnId));
      // codex sends a thread-level `warning` (no turn id) before each turn; the opted-in run got it.
      const notices = seen.filter((e) => !isLagged(e) && e.method === 'warning');
      expect(notices.length).toBeGreaterThanOrEqual(1);
    },
  );

  it('fork, archive and read', { timeout: TEST_TIMEOUT }, async () => {
    h = await startHarness([{ kind: 'message', text: 'Original.' }]);
    const handle = await h.client.startThreadHandle({ cwd: h.home.workspace, approvalPolicy: 'never' });
    handles.push(handle);
    await handle.ask('Hi');
    const fork = await handle.fork();
    handles.push(fork);
    expect(fork.id).not.toBe(handle.id);
    expect(fork.state.turns.length).toBeGreaterThanOrEqual(0);
    const thread = await handle.read();
    expect(thread.turns).toHaveLength(1);
    expect(handle.state.turns[0]?.items).toEqual(thread.turns[0]?.items);
    const resumed = await ThreadHandle.resume(h.client, { threadId: handle.id });
    handles.push(resumed);
    expect(resumed.state.turns.map((t) => t.id)).toEqual(thread.turns.map((t) => t.id));
    const resumedTurn = must(resumed.state.turns[0], 'the resumed turn');
    if (resumedTurn.itemsView === 'full') expect(resumedTurn.items).toEqual(thread.turns[0]?.items);
    await resumed.read();
    expect(resumed.state.turns[0]).toMatchObject({ itemsView: 'full', items: thread.turns[0]?.items });
    await fork.archive();
    const archived = await h.client.request('thread/list', { archived: true });
    expect(archived.data.map((t) => t.id)).toContain(fork.id);
  });

  it(
    'a subscription that lags marks the state stale; the result is still the server record',
    {
      timeout: TEST_TIMEOUT,
    },
    async () => {
      const chunks = Array.from({ length: 200 }, (_, i) => `w${i} `);
      h = await startHarness([{ kind: 'message', text: chunks.join(''), chunks }], { queueCapacity: 2 });
      const handle = await h.client.startThreadHandle({ cwd: h.home.workspace, approvalPolicy: 'never' });
      handles.push(handle);
      let sawStale = false;
      handle.subscribe((t) => {
        if (t.stale) sawStale = true;
      });
      const run = handle.run('Lots of deltas');
      const result = await run.result;
      expect(sawStale).toBe(true);
      expect(handle.state.stale).toBeNull();
      expect(result.text).toBe(chunks.join(''));
      expect(result.items).toEqual(await readItems(handle, result.turnId));
    },
  );
});
