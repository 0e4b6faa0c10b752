import { AppServerClient, JsonRpcError, RequestTimeoutError, type ClientEvent } from '@cask/client';
import { describe, expect, it } from 'vitest';
import { fakeScript, startFakeServer, type FakeScript } from '../src/index.js';

const clientInfo = { name: 'cask_testing_tests', version: '0.1.0' };

async function connect(script: FakeScript | ReturnType<typeof fakeScript>, requestTimeoutMs = 5_000) {
  const fake = startFakeServer(script);
  const client = await AppServerClient.start({ transport: fake.transport, clientInfo, requestTimeoutMs });
  const { thread } = await client.request('thread/start', {});
  return { fake, client, threadId: thread.id };
}

function methods(events: ClientEvent[]): string[] {
  return events.map((e) => ('method' in e ? e.method : e.kind));
}

describe('handshake, threads and unknown methods', () => {
  it('answers unknown methods like the real server (-32600 unknown variant) and unscripted ones with -32601', async () => {
    const { fake, client } = await connect(
      fakeScript().respond('model/list', { result: { data: [], nextCursor: null } }),
    );
    const unknown = await client.request('bogus/method' as 'model/list', {}).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(JsonRpcError);
    expect((unknown as JsonRpcError).code).toBe(-32600);
    expect((unknown as JsonRpcError).message).toContain('unknown variant `bogus/method`');
    await expect(client.request('model/list', {})).resolves.toEqual({ data: [], nextCursor: null });
    const unscripted = await client.request('account/read', {}).catch((e: unknown) => e);
    expect((unscripted as JsonRpcError).code).toBe(-32601);
    expect((unscripted as JsonRpcError).message).toContain('account/read');
    // The fake also records the client's unknown method as a failure of the client.
    expect(fake.failures).toEqual(['client sent an invalid message: unknown client request method "bogus/method"']);
    await client.shutdown();
  });

  it('derives thread/read from what the turns emitted', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript().turn((t) => t.agentMessage('First answer.').tokenUsage(3, 4)),
    );
    await client.runTurn(threadId, 'hello').completed;
    const { thread } = await client.request('thread/read', { threadId, includeTurns: true });
    expect(thread.preview).toBe('hello');
    expect(thread.turns).toHaveLength(1);
    expect(thread.turns[0]?.status).toBe('completed');
    expect(thread.turns[0]?.items.map((i) => i.type)).toEqual(['userMessage', 'agentMessage']);
    expect(thread.turns[0]?.items[1]).toMatchObject({ type: 'agentMessage', text: 'First answer.' });
    fake.assertNoFailures();
    await client.shutdown();
  });
});

describe('scripted turns', () => {
  it('ends a turn as interrupted when the client interrupts it', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript().turn((t) => t.agentMessage('Working').waitForInterrupt().agentMessage('never sent')),
    );
    const run = client.runTurn(threadId, 'go');
    const seen: string[] = [];
    for await (const ev of run) {
      if ('method' in ev) seen.push(ev.method);
      if ('method' in ev && ev.method === 'item/completed') await run.interrupt();
    }
    const turn = await run.completed;
    expect(turn.status).toBe('interrupted');
    expect(seen.filter((m) => m === 'item/agentMessage/delta')).toHaveLength(1);
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('sends error notifications and fails the turn with the error', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript().turn((t) => t.error('retrying', { willRetry: true }).error('model overloaded')),
    );
    const events = client.events();
    const turn = await client.runTurn(threadId, 'go').completed;
    expect(turn.status).toBe('failed');
    expect(turn.error?.message).toBe('model overloaded');
    const seen: ClientEvent[] = [];
    for (;;) {
      const r = await events.next();
      if (r.done) break;
      seen.push(r.value);
      if ('method' in r.value && r.value.method === 'turn/completed') break;
    }
    expect(methods(seen).filter((m) => m === 'error')).toHaveLength(2);
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('streams every item kind given as data, with deltas', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript().turn((t) =>
        t
          .item(
            { type: 'reasoning', summary: [], content: [] },
            {
              deltas: [{ method: 'item/reasoning/summaryTextDelta', params: { delta: 'thinking', summaryIndex: 0 } }],
              completedItem: { type: 'reasoning', summary: ['thinking'], content: [] },
            },
          )
          .item(
            { type: 'plan', text: '' },
            {
              deltas: [{ method: 'item/plan/delta', params: { delta: '1. do it' } }],
              completedItem: { type: 'plan', text: '1. do it' },
            },
          )
          .item({ type: 'webSearch', query: 'cask', action: null }),
      ),
    );
    const items: string[] = [];
    for await (const ev of client.runTurn(threadId, 'go'))
      if ('method' in ev && ev.method === 'item/completed') items.push(ev.params.item.type);
    expect(items).toEqual(['userMessage', 'reasoning', 'plan', 'webSearch']);
    fake.assertNoFailures();
    await client.shutdown();
  });
});

describe('fault injection', () => {
  it('malformed lines reach the client as protocol issues and the turn goes on', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript().turn((t) => t.malformed('{not json').agentMessage('still here')),
    );
    const events = client.events();
    const turn = await client.runTurn(threadId, 'go').completed;
    expect(turn.status).toBe('completed');
    const first: ClientEvent[] = [];
    for (;;) {
      const r = await events.next();
      if (r.done) break;
      first.push(r.value);
      if ('method' in r.value && r.value.method === 'turn/completed') break;
    }
    expect(first.some((e) => e.kind === 'protocolIssue')).toBe(true);
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('a dropped response makes the request time out, and the connection keeps working', async () => {
    const { fake, client, threadId } = await connect(
      fakeScript()
        .respond('model/list', { drop: true })
        .turn((t) => t.agentMessage('ok')),
      300,
    );
    await expect(client.request('model/list', {})).rejects.toBeInstanceOf(RequestTimeoutError);
    expect((await client.runTurn(threadId, 'go').completed).status).toBe('completed');
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('an exit mid-turn ends the connection; the turn does not hang', async () => {
    const { client, threadId } = await connect(fakeScript().turn((t) => t.agentMessage('partial').exit(3)));
    const run = client.runTurn(threadId, 'go');
    await expect(run.completed).rejects.toThrow();
    const exit = await client.exited;
    expect(exit.code).toBe(3);
  });

  it('a flood of deltas is delivered or counted as lagged, never lost silently', async () => {
    const fake = startFakeServer(fakeScript().turn((t) => t.agentMessage('start').flood(5_000, 'x').delay(5)));
    const client = await AppServerClient.start({ transport: fake.transport, clientInfo, queueCapacity: 100 });
    const { thread } = await client.request('thread/start', {});
    let deltas = 0;
    let lagged = 0;
    const events = client.events();
    void client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'go', text_elements: [] }],
    });
    for await (const ev of events) {
      if ('method' in ev && ev.method === 'item/agentMessage/delta') deltas++;
      else if (ev.kind === 'lagged') lagged += ev.skipped;
      if ('method' in ev && ev.method === 'turn/completed') break;
    }
    // Whether the reader keeps up or not, every delta is delivered or counted as skipped.
    expect(deltas + lagged).toBeGreaterThanOrEqual(5_001);
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('delays hold the turn back', async () => {
    const { client, threadId } = await connect(fakeScript().turn((t) => t.delay(150).agentMessage('late')));
    const t0 = performance.now();
    await client.runTurn(threadId, 'go').completed;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    await client.shutdown();
  });
});
