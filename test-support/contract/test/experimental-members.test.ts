/**
 * Members upstream marks experimental (absent from `generate-ts` without
 * `--experimental`) that the server nevertheless sends to every client:
 * `@cask/protocol` makes them required, as upstream's experimental output
 * does. This test starts a thread on a connection that did NOT opt in to the
 * experimental API and checks that they arrive.
 */
import { describe, expect, it } from 'vitest';
import { useRealServer } from './real-server.js';

const server = useRealServer({
  name: 'cask_contract_experimental_members',
  client: { capabilities: { experimentalApi: false } },
});

describe('experimental members on a connection without the experimental API', () => {
  it('thread/start sends them anyway, so our types require them', async () => {
    const response = await server.client.request('thread/start', { cwd: server.home.workspace });
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
