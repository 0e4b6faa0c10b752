import { AppServerClient, type ClientExtension } from '@cask/client';
import { describe, expect, it } from 'vitest';
import {
  fakeScript,
  FakeScriptError,
  ITEM_ID,
  request,
  startFakeServer,
  THREAD_ID,
  TURN_ID,
  type FakeScript,
} from '../src/index.js';

const clientInfo = { name: 'cask_testing_tests', version: '0.1.0' };

/** A turn that asks every kind of server request a client may get, with the expected answers. */
function everyRequestScript() {
  return fakeScript()
    .afterInitialized((t) =>
      t
        .request('account/chatgptAuthTokens/refresh', { reason: 'unauthorized' }, { result: { accessToken: 'tok' } })
        .request('attestation/generate', {}, (a) => ('result' in a && a.result.token.length > 0) || 'empty token'),
    )
    .turn((t) =>
      t
        .commandExecution({ command: 'ls', output: ['a\n'], approval: { result: { decision: 'accept' } } })
        .item(
          {
            type: 'fileChange',
            changes: [{ path: '/w/a.txt', kind: { type: 'add' }, diff: '+a\n' }],
            status: 'inProgress',
          },
          {
            requests: [
              request(
                'item/fileChange/requestApproval',
                { threadId: THREAD_ID, turnId: TURN_ID, itemId: ITEM_ID, startedAtMs: 1 },
                { result: { decision: 'decline' } },
              ),
            ],
            completedItem: {
              type: 'fileChange',
              changes: [{ path: '/w/a.txt', kind: { type: 'add' }, diff: '+a\n' }],
              status: 'declined',
            },
          },
        )
        .request(
          'item/permissions/requestApproval',
          {
            threadId: THREAD_ID,
            turnId: TURN_ID,
            itemId: 'perm_1',
            startedAtMs: 1,
            cwd: '/w',
            permissions: { network: { enabled: true }, fileSystem: null },
            environmentId: null,
            reason: null,
          },
          { result: { scope: 'turn' } },
        )
        .request(
          'applyPatchApproval',
          {
            conversationId: THREAD_ID,
            callId: 'patch_1',
            fileChanges: { '/w/b.txt': { type: 'add', content: 'b\n' } },
            grantRoot: null,
            reason: null,
          },
          { result: { decision: 'approved' } },
        )
        .request(
          'execCommandApproval',
          {
            conversationId: THREAD_ID,
            callId: 'exec_1',
            command: ['ls'],
            cwd: '/w',
            parsedCmd: [],
            approvalId: null,
            reason: null,
          },
          { result: { decision: 'abort' } },
        )
        .request(
          'item/tool/requestUserInput',
          {
            threadId: THREAD_ID,
            turnId: TURN_ID,
            itemId: 'ask_1',
            isBlocking: true,
            autoResolutionMs: null,
            questions: [
              { id: 'q1', header: 'Color', question: 'Which color?', isOther: false, isSecret: false, options: null },
            ],
          },
          { result: { answers: { q1: { answers: ['blue'] } } } },
        )
        .request(
          'item/tool/call',
          {
            threadId: THREAD_ID,
            turnId: TURN_ID,
            callId: 'call_1',
            tool: 'lookup',
            namespace: null,
            arguments: { q: 'x' },
          },
          (a) => ('result' in a && a.result.success) || 'the tool call should succeed',
        )
        .request(
          'mcpServer/elicitation/request',
          {
            threadId: THREAD_ID,
            turnId: TURN_ID,
            serverName: 'docs',
            environmentId: null,
            mode: 'form',
            _meta: null,
            message: 'Name?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
          },
          { result: { action: 'accept' } },
        )
        .agentMessage('All requests answered.'),
    );
}

async function startClient(script: Parameters<typeof startFakeServer>[0], extensions: ClientExtension[] = []) {
  const fake = startFakeServer(script);
  const client = await AppServerClient.start({
    transport: fake.transport,
    clientInfo,
    requestTimeoutMs: 5_000,
    extensions,
  });
  return { fake, client };
}

describe('scripted server requests', () => {
  it('sends every approval and request kind and checks the answers', async () => {
    const asked: string[] = [];
    // Requests sent right after `initialized` need handlers from the start: an extension provides them.
    const { fake, client } = await startClient(everyRequestScript(), [
      {
        name: 'test-host',
        serverRequestHandlers: {
          'account/chatgptAuthTokens/refresh': () => (
            asked.push('refresh'),
            { accessToken: 'tok', chatgptAccountId: 'acct' }
          ),
          'attestation/generate': () => (asked.push('attest'), { token: 'att' }),
        },
      },
    ]);
    client.onServerRequest(
      'item/commandExecution/requestApproval',
      () => (asked.push('command'), { decision: 'accept' }),
    );
    client.onServerRequest('item/fileChange/requestApproval', () => (asked.push('file'), { decision: 'decline' }));
    client.onServerRequest(
      'item/permissions/requestApproval',
      () => (asked.push('perm'), { permissions: {}, scope: 'turn' }),
    );
    client.onServerRequest('applyPatchApproval', () => (asked.push('patch'), { decision: 'approved' }));
    client.onServerRequest('execCommandApproval', () => (asked.push('exec'), { decision: 'abort' }));
    client.onServerRequest(
      'item/tool/requestUserInput',
      () => (asked.push('input'), { answers: { q1: { answers: ['blue'] } } }),
    );
    client.onServerRequest('item/tool/call', () => (asked.push('tool'), { success: true, contentItems: [] }));
    client.onServerRequest(
      'mcpServer/elicitation/request',
      () => (asked.push('mcp'), { action: 'accept', content: { name: 'n' } }),
    );
    const { thread } = await client.request('thread/start', {});
    const run = client.runTurn(thread.id, 'go');
    const completed = await run.completed;
    await fake.idle();
    expect(completed.status).toBe('completed');
    expect(asked).toEqual(['refresh', 'attest', 'command', 'file', 'perm', 'patch', 'exec', 'input', 'tool', 'mcp']);
    fake.assertNoFailures();
    await client.shutdown();
  });

  it('records an answer that does not meet the expectation, naming the step', async () => {
    const { fake, client } = await startClient(
      fakeScript().turn((t) =>
        t.commandExecution({ command: 'rm -rf /', approval: { result: { decision: 'decline' } }, status: 'declined' }),
      ),
    );
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'accept' }));
    const { thread } = await client.request('thread/start', {});
    const run = client.runTurn(thread.id, 'go');
    await run.completed;
    await fake.idle();
    expect(fake.failures).toHaveLength(1);
    expect(fake.failures[0]).toMatch(
      /^turns\[0\]\.steps\[0\] \(item\) item\/commandExecution\/requestApproval: expected a result containing \{"decision":"decline"\}, got \{"decision":"accept"\}/,
    );
    expect(() => {
      fake.assertNoFailures();
    }).toThrow(/1 failure/);
    await client.shutdown();
  });
});

describe('script checks', () => {
  it('rejects a bad step up front, naming it', () => {
    const bad: unknown = {
      turns: [
        {
          steps: [
            { type: 'agentMessage', text: 'ok' },
            { type: 'serverRequest', method: 'item/tool/call', params: { tool: 1 } },
          ],
        },
      ],
    };
    expect(() => startFakeServer(bad as FakeScript)).toThrow(FakeScriptError);
    expect(() => startFakeServer(bad as FakeScript)).toThrow(
      /^turns\[0\]\.steps\[1\] \(serverRequest\) item\/tool\/call: /,
    );
  });

  it('rejects unknown step types, unknown methods and chunks that do not join', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ turns: [{ steps: [{ type: 'sing' }] }] }, /^turns\[0\]\.steps\[0\]: step type must be one of/],
      [
        { turns: [{ steps: [{ type: 'notification', method: 'no/such' }] }] },
        /unknown server notification method "no\/such"/,
      ],
      [{ turns: [{ steps: [{ type: 'agentMessage', text: 'ab', chunks: ['a'] }] }] }, /chunks must join to text/],
      [{ responses: { 'model/list': { result: { nope: 1 } } } }, /^responses\["model\/list"\]: /],
      [
        { turns: [{ steps: [{ type: 'item', item: { type: 'agentMessage' } }] }] },
        /^turns\[0\]\.steps\[0\] \(item\) item\/started: /,
      ],
    ];
    for (const [script, message] of cases) expect(() => startFakeServer(script as FakeScript)).toThrow(message);
  });
});
