/**
 * Upstream's JSON Schema and its TypeScript disagree on the member names of
 * the struct variants of `ThreadTimelineEntry` (`turn_id` vs `turnId`): the
 * schema generator ignores serde's `rename_all_fields`. `@cask/protocol`
 * follows the TypeScript (and tags the members `@schemaName` so the schema
 * stays equal to upstream's). This test asks the real server which one is
 * right: the turn boundaries of a finished turn, as `thread/timeline/list`
 * (experimental) returns them, must carry exactly the members our types
 * declare.
 */
import { describe, expect, it } from 'vitest';
import type { ThreadTimelineEntry } from '@cask/protocol';
import { useRealServer } from './real-server.js';

const server = useRealServer({ name: 'cask_contract_timeline', client: { capabilities: { experimentalApi: true } } });

type Entry<K extends ThreadTimelineEntry['type']> = Extract<ThreadTimelineEntry, { type: K }>;

describe('thread/timeline/list member names against the real codex app-server', () => {
  it('turn boundaries use the camelCase names our types declare', async () => {
    const { thread } = await server.client.request('thread/start', { cwd: server.home.workspace });
    const completed = (async () => {
      for await (const event of server.client.notifications()) {
        if (event.kind === 'notification' && event.method === 'turn/completed') return event.params;
      }
      throw new Error('notification stream ended before turn/completed');
    })();
    await server.client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'say hello', text_elements: [] }],
    });
    const { turn } = await completed;
    expect(turn.status).toBe('completed');

    const page = await server.client.request('thread/timeline/list', { threadId: thread.id });
    const startedEntry = page.data.find((e): e is Entry<'turnStarted'> => e.type === 'turnStarted');
    const completedEntry = page.data.find((e): e is Entry<'turnCompleted'> => e.type === 'turnCompleted');
    expect(startedEntry, JSON.stringify(page.data)).toBeDefined();
    expect(completedEntry, JSON.stringify(page.data)).toBeDefined();
    // Exactly the members of our variants: a snake_case `turn_id` would fail here.
    expect(Object.keys(startedEntry ?? {}).sort()).toEqual(['position', 'startedAt', 'turnId', 'type']);
    expect(Object.keys(completedEntry ?? {}).sort()).toEqual([
      'completedAt',
      'durationMs',
      'error',
      'position',
      'startedAt',
      'status',
      'turnId',
      'type',
    ]);
    expect(startedEntry?.turnId).toBe(turn.id);
    expect(completedEntry?.turnId).toBe(turn.id);
    expect(completedEntry?.status).toBe('completed');
  });
});
