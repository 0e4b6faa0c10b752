/**
 * Catching up after a gap: send the `thread/read` each stale thread names
 * and apply the answers as snapshots.
 * @module
 */
import type { ClientRequestParams, ClientRequestResult } from '@cask/protocol';
import { reduce } from './reduce.js';
import type { ConversationState } from './types.js';

/** What {@link resync} needs from a client: `AppServerClient` fits. */
export interface ThreadReader {
  request(
    method: 'thread/read',
    params: ClientRequestParams<'thread/read'>,
  ): Promise<ClientRequestResult<'thread/read'>>;
}

/** Ids of the threads whose state is marked stale. */
export function staleThreadIds(state: ConversationState): string[] {
  return Object.values(state.threads)
    .filter((t) => t.stale !== null && !t.deleted)
    .map((t) => t.id);
}

/**
 * Reads every stale thread (or the given ones) with `thread/read`
 * (`includeTurns: true`) and returns `apply(state)` → the state with the
 * server's record applied, stale markers cleared (also the state-wide one
 * once no thread is stale). The read is asynchronous while events keep
 * arriving, so the answer is applied to whatever state is current then:
 * pass a function of the current state, e.g. `store.set(apply(store.get()))`.
 */
export async function resync(
  client: ThreadReader,
  state: ConversationState,
  threadIds: readonly string[] = staleThreadIds(state),
): Promise<(current: ConversationState) => ConversationState> {
  const answers = await Promise.all(
    threadIds.map((threadId) => client.request('thread/read', { threadId, includeTurns: true })),
  );
  return (current) => {
    let s = current;
    for (const a of answers) s = reduce(s, { kind: 'snapshot', thread: a.thread });
    if (s.stale && staleThreadIds(s).length === 0) s = { ...s, stale: null };
    return s;
  };
}
