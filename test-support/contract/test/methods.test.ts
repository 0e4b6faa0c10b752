/**
 * Drives many client methods against the real `codex app-server` (offline,
 * with the loopback model stand-in) and validates every message that crossed
 * the wire, both ways, with the same checker as `cask validate`: once per
 * tested release (the pin and every compatibility release of
 * `codex-release.json`), with the client built for the pinned protocol.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppServerClient } from '@cask/client';
import { formatReport, validateTranscript } from '@cask/cli';
import type { ClientRequestMethod, ClientRequestParams } from '@cask/protocol';
import {
  codexBinaryPath,
  createCodexHome,
  startModelStandIn,
  testedReleases,
  type CodexHome,
  type ModelStandIn,
} from '@cask/testkit';

/** One planned call; params are typed from the method map. */
interface Call {
  method: ClientRequestMethod;
  params: unknown;
}
function call<M extends ClientRequestMethod>(method: M, params: ClientRequestParams<M>): Call {
  return { method, params };
}

/** At least this many distinct client methods must succeed against the real server. */
const MIN_DISTINCT_METHODS = 40;

/**
 * Stable client methods newer than the oldest tested release, with the MAJOR.MINOR that added them (a history
 * fact, not a copy of the pin: full versions live only in codex-release.json).
 */
const ADDED_IN: Readonly<Record<string, string>> = { 'modelProvider/default/set': '0.171' };

/** `a` is an older release than `b` (dot-separated numbers compared numerically; `X.Y.0` is not older than `X.Y`). */
function olderThan(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { numeric: true }) < 0;
}

describe.each(testedReleases())('client methods against the real codex app-server %s', (release) => {
  let standIn: ModelStandIn;
  let home: CodexHome;
  let client: AppServerClient;
  const transcript: string[] = [];

  beforeAll(async () => {
    standIn = await startModelStandIn([{ kind: 'message', text: 'Hello from the stand-in.' }]);
    home = createCodexHome({ modelBaseUrl: standIn.url });
    client = await AppServerClient.start({
      codexPath: codexBinaryPath({ release }),
      env: home.env,
      cwd: home.workspace,
      clientInfo: { name: 'cask_contract_methods', version: '0.1.0' },
      requestTimeoutMs: 20_000,
      onMessage: (dir, msg) => transcript.push(JSON.stringify({ dir, msg })),
    });
  });

  afterAll(async () => {
    await client.shutdown();
    await standIn.close();
    home.cleanup();
  });

  it('a method newer than the server is refused with a JSON-RPC error naming it, and the client keeps working', async () => {
    expect(client.initializeResponse.userAgent).toContain(`/${release} `);
    for (const [method, addedIn] of Object.entries(ADDED_IN)) {
      let result: unknown;
      let error: unknown;
      try {
        result = await client.requestRaw(method, { providerId: 'cask_standin' }, { timeoutMs: 20_000 });
      } catch (e) {
        error = e;
      }
      if (olderThan(release, addedIn)) {
        expect(result, `${method} on ${release}`).toBeUndefined();
        expect(error).toBeInstanceOf(Error);
        expect(String(error)).toContain(`unknown variant \`${method}\``);
      } else {
        expect(error, `${method} on ${release}`).toBeUndefined();
        expect(result).toMatchObject({ status: 'ok' });
      }
    }
    // The refusal cost nothing: the connection still answers.
    expect((await client.request('modelProvider/list', {})).defaultProviderId).toBe('cask_standin');
  });

  it(`answers at least ${MIN_DISTINCT_METHODS} distinct methods, and every message both ways is valid`, async () => {
    const ws = home.workspace;
    writeFileSync(path.join(ws, 'notes.txt'), 'hello cask\n');
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, 'src', 'main.ts'), 'export const answer = 42;\n');

    // A thread with one real turn, so that history-based methods have data.
    const started = await client.request('thread/start', { cwd: ws });
    const threadId = started.thread.id;
    const completed = (async () => {
      for await (const event of client.notifications()) {
        if (event.kind === 'notification' && event.method === 'turn/completed') return event.params;
      }
      throw new Error('notification stream ended before turn/completed');
    })();
    await client.request('turn/start', { threadId, input: [{ type: 'text', text: 'say hello', text_elements: [] }] });
    expect((await completed).turn.status).toBe('completed');
    // A second, throw-away thread for the destructive methods.
    const spare = (await client.request('thread/start', { cwd: ws })).thread.id;

    const calls: Call[] = [
      call('thread/list', {}),
      call('thread/loaded/list', {}),
      call('thread/read', { threadId }),
      call('thread/turns/list', { threadId }),
      call('thread/items/list', { threadId }),
      call('thread/name/set', { threadId, name: 'contract thread' }),
      call('thread/goal/set', { threadId, objective: 'prove the contract' }),
      call('thread/goal/get', { threadId }),
      call('thread/goal/clear', { threadId }),
      call('thread/attachment/list', { threadId }),
      call('thread/fork', { threadId }),
      call('thread/unsubscribe', { threadId }),
      call('thread/resume', { threadId }),
      call('thread/name/set', { threadId: spare, name: 'spare thread' }),
      call('thread/archive', { threadId: spare }),
      call('thread/unarchive', { threadId: spare }),
      call('thread/delete', { threadId: spare }),
      call('threadSection/list', {}),
      call('threadSection/create', { name: 'contract section' }),
      call('skills/list', {}),
      call('skills/extraRoots/set', { extraRoots: [] }),
      call('hooks/list', {}),
      call('plugin/list', {}),
      call('plugin/installed', {}),
      call('plugin/reconcile', {}),
      call('marketplace/upgrade', {}),
      call('app/list', {}),
      call('app/installed', {}),
      call('fs/readFile', { path: path.join(ws, 'notes.txt') }),
      call('fs/writeFile', {
        path: path.join(ws, 'written.txt'),
        dataBase64: Buffer.from('written by cask').toString('base64'),
      }),
      call('fs/createDirectory', { path: path.join(ws, 'made') }),
      call('fs/getMetadata', { path: path.join(ws, 'notes.txt') }),
      call('fs/readDirectory', { path: ws }),
      call('fs/copy', { sourcePath: path.join(ws, 'notes.txt'), destinationPath: path.join(ws, 'copy.txt') }),
      call('fs/remove', { path: path.join(ws, 'copy.txt') }),
      call('fs/watch', { path: ws, watchId: 'contract-watch' }),
      call('fs/unwatch', { watchId: 'contract-watch' }),
      call('fuzzyFileSearch', { query: 'main', roots: [ws] }),
      call('command/exec', { command: ['echo', 'contract'] }),
      call('model/list', {}),
      call('modelProvider/list', {}),
      call('modelProvider/capabilities/read', {}),
      call('experimentalFeature/list', {}),
      call('permissionProfile/list', {}),
      call('config/read', {}),
      call('configRequirements/read', undefined),
      call('config/value/write', { keyPath: 'model', value: 'cask-standin-model', mergeStrategy: 'replace' }),
      call('config/batchWrite', { edits: [] }),
      call('config/mcpServer/reload', undefined),
      call('mcpServerStatus/list', {}),
      call('externalAgentConfig/detect', {}),
      call('externalAgentConfig/import/readHistories', undefined),
      call('windowsSandbox/readiness', undefined),
      call('account/read', {}),
      call('account/securitySetup/read', undefined),
      call('account/gatewayOAuth/read', {}),
      call('feedback/save', { classification: 'bug', savePath: path.join(ws, 'feedback.zip') }),
    ];

    const answered = new Set<string>(['thread/start', 'turn/start', 'initialize']);
    const failed: string[] = [];
    for (const { method, params } of calls) {
      try {
        await client.requestRaw(method, params, { timeoutMs: 20_000 });
        answered.add(method);
      } catch (err) {
        failed.push(`${method}: ${(err as Error).message}`);
      }
    }
    expect(failed, 'methods the real server refused').toEqual([]);
    expect(answered.size).toBeGreaterThanOrEqual(MIN_DISTINCT_METHODS);

    // Let trailing notifications (fs/changed, thread/*) arrive, then validate everything.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const report = validateTranscript(transcript.join('\n'));
    expect(report.failures, formatReport(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
