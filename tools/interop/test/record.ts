/**
 * Records a corpus from the real `codex app-server` (offline, loopback model
 * stand-in): two turns (one with an approved shell command, one streamed
 * message) and a spread of client requests; every message both ways, in
 * wire order, as `{ dir, msg }` lines (the `cask validate` format).
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppServerClient } from '@cask/client';
import type { ClientRequestMethod, JSONRPCMessage } from '@cask/protocol';
import { codexBinaryPath, createCodexHome, startModelStandIn } from '@cask/testkit';

/** One transcript line. */
export interface WireLine {
  dir: 'c2s' | 's2c';
  msg: JSONRPCMessage;
}

/** Runs the session and returns every message that crossed the wire. */
export async function recordCorpus(): Promise<WireLine[]> {
  const standIn = await startModelStandIn([
    { kind: 'shell', command: 'echo recorded by cask', callId: 'call_interop' },
    { kind: 'message', text: 'The command printed its line. Done.', delayMs: 5 },
    { kind: 'message', text: 'A second answer, streamed in pieces for the corpus.', delayMs: 5 },
  ]);
  const home = createCodexHome({ modelBaseUrl: standIn.url });
  const lines: WireLine[] = [];
  const client = await AppServerClient.start({
    codexPath: codexBinaryPath(),
    env: home.env,
    cwd: home.workspace,
    clientInfo: { name: 'cask_interop', version: '0.1.0' },
    requestTimeoutMs: 30_000,
    onMessage: (dir, msg) => lines.push({ dir, msg }),
  });
  try {
    const ws = home.workspace;
    writeFileSync(path.join(ws, 'notes.txt'), 'hello from the corpus\n');
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, 'src', 'main.ts'), 'export const answer = 42;\n');
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'accept' }));
    const { thread } = await client.request('thread/start', { cwd: ws, approvalPolicy: 'untrusted' });
    for (const text of ['run the echo command', 'and say something else']) {
      const done = (async () => {
        for await (const ev of client.notifications()) {
          if (ev.kind === 'notification' && ev.method === 'turn/completed') return ev.params.turn.status;
        }
        return 'stream ended';
      })();
      await client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text, text_elements: [] }] });
      const status = await done;
      if (status !== 'completed') throw new Error(`turn "${text}" ended ${status}`);
    }
    const calls: Array<[ClientRequestMethod, unknown]> = [
      ['thread/list', {}],
      ['thread/loaded/list', {}],
      ['thread/read', { threadId: thread.id }],
      ['thread/turns/list', { threadId: thread.id }],
      ['thread/items/list', { threadId: thread.id }],
      ['thread/name/set', { threadId: thread.id, name: 'corpus thread' }],
      ['fs/readFile', { path: path.join(ws, 'notes.txt') }],
      ['fs/getMetadata', { path: path.join(ws, 'notes.txt') }],
      ['fs/readDirectory', { path: ws }],
      ['fuzzyFileSearch', { query: 'main', roots: [ws] }],
      ['command/exec', { command: ['echo', 'corpus'] }],
      ['model/list', {}],
      ['modelProvider/list', {}],
      ['experimentalFeature/list', {}],
      ['permissionProfile/list', {}],
      ['config/read', {}],
      ['skills/list', {}],
      ['account/read', {}],
      ['mcpServerStatus/list', {}],
    ];
    for (const [method, params] of calls) {
      // Errors are part of the corpus too: an error response is recorded like any other message.
      await client.requestRaw(method, params, { timeoutMs: 20_000 }).catch(() => undefined);
    }
  } finally {
    await client.shutdown();
    await standIn.close();
    home.cleanup();
  }
  return lines;
}
