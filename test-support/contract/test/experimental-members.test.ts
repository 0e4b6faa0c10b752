/**
 * Members upstream marks experimental (absent from `generate-ts` without
 * `--experimental`) that the server nevertheless sends to every client:
 * `@cask/protocol` makes them required, as upstream's experimental output
 * does. This test starts a thread on a connection that did NOT opt in to the
 * experimental API and checks that they arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppServerClient } from '@cask/client';
import { codexBinaryPath, createCodexHome, startModelStandIn, type CodexHome, type ModelStandIn } from '@cask/testkit';

let standIn: ModelStandIn | undefined;
let home: CodexHome;
let client: AppServerClient;
let started = false;

beforeAll(async () => {
  standIn = await startModelStandIn([{ kind: 'message', text: 'Hello from the stand-in.' }]);
  home = createCodexHome({ modelBaseUrl: standIn.url });
  client = await AppServerClient.start({
    codexPath: codexBinaryPath(),
    env: home.env,
    cwd: home.workspace,
    clientInfo: { name: 'cask_contract_experimental_members', version: '0.1.0' },
    capabilities: { experimentalApi: false },
    requestTimeoutMs: 20_000,
  });
  started = true;
});

afterAll(async () => {
  if (started) await client.shutdown();
  await standIn?.close();
  if (standIn) home.cleanup();
});

describe('experimental members on a connection without the experimental API', () => {
  it('thread/start sends them anyway, so our types require them', async () => {
    const response = await client.request('thread/start', { cwd: home.workspace });
    for (const key of ['activePermissionProfile', 'multiAgentMode', 'runtimeWorkspaceRoots']) {
      expect(Object.keys(response), key).toContain(key);
    }
    for (const key of ['attachedToThreadId', 'canAcceptDirectInput', 'daybreakEnabled', 'environments', 'extra']) {
      expect(Object.keys(response.thread), key).toContain(key);
    }
    // Typed as always present: no `undefined` to handle.
    const roots: string[] = response.runtimeWorkspaceRoots;
    expect(Array.isArray(roots)).toBe(true);
  });
});
