/**
 * The three legacy (pre-v2) client requests, against the real `codex
 * app-server`: typed `client.request(...)` calls whose answers must carry
 * exactly the members `@cask/protocol` declares (the server-sent members are
 * required in our types, so each must be present, `null` or not).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, GetAuthStatusResponse, GitDiffToRemoteResponse } from '@cask/protocol';
import { useRealServer } from './real-server.js';

const server = useRealServer({ name: 'cask_contract_legacy' });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=cask', '-c', 'user.email=cask@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: server.home.workspace },
  }).trim();
}

describe('legacy client requests against the real codex app-server', () => {
  it('getAuthStatus answers with all three members', async () => {
    const status: GetAuthStatusResponse = await server.client.request('getAuthStatus', { includeToken: true });
    expect(Object.keys(status).sort()).toEqual(['authMethod', 'authToken', 'requiresOpenaiAuth']);
    // Params are optional members: an empty object is a valid request too.
    const bare = await server.client.request('getAuthStatus', {});
    expect(Object.keys(bare).sort()).toEqual(['authMethod', 'authToken', 'requiresOpenaiAuth']);
  });

  it('gitDiffToRemote diffs a working tree against the commit on its remote', async () => {
    const root = path.join(server.home.workspace, 'gitdiff');
    const remote = path.join(root, 'remote.git');
    const work = path.join(root, 'work');
    mkdirSync(work, { recursive: true });
    git(root, 'init', '-q', '--bare', remote);
    git(work, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(work, 'a.txt'), 'one\n');
    git(work, 'add', 'a.txt');
    git(work, 'commit', '-q', '-m', 'first');
    git(work, 'remote', 'add', 'origin', remote);
    git(work, 'push', '-q', '-u', 'origin', 'main');
    const pushed = git(work, 'rev-parse', 'HEAD');
    appendFileSync(path.join(work, 'a.txt'), 'two\n');

    const diff: GitDiffToRemoteResponse = await server.client.request('gitDiffToRemote', { cwd: work });
    expect(Object.keys(diff).sort()).toEqual(['diff', 'sha']);
    expect(diff.sha).toBe(pushed);
    expect(diff.diff).toContain('+two');
  });

  it('getConversationSummary finds a stored conversation by id and by rollout path', async () => {
    const started = await server.client.request('thread/start', { cwd: server.home.workspace });
    const threadId = started.thread.id;
    const completed = (async () => {
      for await (const event of server.client.notifications()) {
        if (event.kind === 'notification' && event.method === 'turn/completed') return event.params;
      }
      throw new Error('notification stream ended before turn/completed');
    })();
    await server.client.request('turn/start', {
      threadId,
      input: [{ type: 'text', text: 'say hello', text_elements: [] }],
    });
    expect((await completed).turn.status).toBe('completed');

    const byId = await server.client.request('getConversationSummary', { conversationId: threadId });
    const summary: ConversationSummary = byId.summary;
    const members = [
      'cliVersion',
      'conversationId',
      'cwd',
      'gitInfo',
      'modelProvider',
      'path',
      'preview',
      'source',
      'timestamp',
      'updatedAt',
    ];
    expect(Object.keys(summary).sort()).toEqual(members);
    expect(summary.conversationId).toBe(threadId);
    expect(summary.preview).toContain('say hello');
    expect(typeof summary.source === 'string' || typeof summary.source === 'object').toBe(true);

    const byPath = await server.client.request('getConversationSummary', { rolloutPath: summary.path });
    expect(byPath.summary.conversationId).toBe(threadId);
    expect(Object.keys(byPath.summary).sort()).toEqual(members);
  });

  it('a bad legacy request is answered with a JSON-RPC error, and the connection keeps working', async () => {
    await expect(
      server.client.request('getConversationSummary', { conversationId: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toThrow();
    await expect(server.client.request('getAuthStatus', {})).resolves.toHaveProperty('authMethod');
  });
});
