/**
 * Each notification kind the reducer handles, one at a time: the exact state
 * it leaves, and that a repeated notification changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { HookRunSummary, ServerNotificationMethod, TurnError } from '@cask/protocol';
import {
  initialState,
  reduce,
  reduceAll,
  type ConversationState,
  type StateNotification,
} from '../../src/state/index.js';
import { thread, turn as turnOf } from './builders.js';
import { threadOf, turnAt } from './fold.js';

const T = 'thr';
const U = 'turn-1';
const ref = { threadId: T, turnId: U };
const boom: TurnError = { message: 'boom', codexErrorInfo: null, additionalDetails: null, misalignment: null };

/** A thread with one running turn. */
const base: ConversationState = reduceAll(initialState, [
  { kind: 'snapshot', thread: thread({ id: T }) },
  { method: 'turn/started', params: { threadId: T, turn: turnOf({ id: U, status: 'inProgress' }) } },
]);

const run = (...events: StateNotification[]): ConversationState => reduceAll(base, events);

function hookRun(id: string, scope: HookRunSummary['scope']): HookRunSummary {
  return {
    completedAt: null,
    displayOrder: 0,
    durationMs: null,
    entries: [],
    eventName: 'preModelRequest',
    executionMode: 'sync',
    handlerType: 'command',
    id,
    scope,
    source: 'user',
    sourcePath: '/h',
    startedAt: 1,
    status: 'running',
    statusMessage: null,
  };
}

describe('thread lifecycle notifications', () => {
  it('thread/status/changed sets the status', () => {
    const s = run({ method: 'thread/status/changed', params: { threadId: T, status: { type: 'notLoaded' } } });
    expect(threadOf(s, T).status).toEqual({ type: 'notLoaded' });
    expect(threadOf(s, T).turns).toBe(threadOf(base, T).turns);
  });

  it('thread/name/updated sets the name, clears it when absent, and is a no-op when unchanged', () => {
    const named = run({ method: 'thread/name/updated', params: { threadId: T, threadName: 'n' } });
    expect(threadOf(named, T).name).toBe('n');
    const again = reduce(named, { method: 'thread/name/updated', params: { threadId: T, threadName: 'n' } });
    expect(again.threads[T]).toBe(named.threads[T]);
    expect(threadOf(reduce(named, { method: 'thread/name/updated', params: { threadId: T } }), T).name).toBeNull();
  });

  it('thread/archived and thread/unarchived toggle the flag; a repeat changes nothing', () => {
    const archived = run({ method: 'thread/archived', params: { threadId: T } });
    expect(threadOf(archived, T)).toMatchObject({ archived: true, closed: false, deleted: false });
    expect(reduce(archived, { method: 'thread/archived', params: { threadId: T } }).threads[T]).toBe(
      archived.threads[T],
    );
    const back = reduce(archived, { method: 'thread/unarchived', params: { threadId: T } });
    expect(threadOf(back, T).archived).toBe(false);
    expect(reduce(back, { method: 'thread/unarchived', params: { threadId: T } }).threads[T]).toBe(back.threads[T]);
  });

  it('thread/closed marks the thread closed, not deleted', () => {
    const s = run({ method: 'thread/closed', params: { threadId: T } });
    expect(threadOf(s, T)).toMatchObject({ closed: true, deleted: false, archived: false });
    expect(reduce(s, { method: 'thread/closed', params: { threadId: T } }).threads[T]).toBe(s.threads[T]);
  });

  it('thread/deleted marks the thread deleted and closed', () => {
    const s = run({ method: 'thread/deleted', params: { threadId: T } });
    expect(threadOf(s, T)).toMatchObject({ closed: true, deleted: true, archived: false });
    expect(reduce(s, { method: 'thread/deleted', params: { threadId: T } }).threads[T]).toBe(s.threads[T]);
  });

  it('thread/reverted marks the thread stale with a thread/read to catch up', () => {
    const s = run({ method: 'thread/reverted', params: { threadId: T } });
    expect(threadOf(s, T).stale).toEqual({
      reason: 'gap',
      detail: 'thread/reverted: turns were removed from the history',
      resync: { method: 'thread/read', params: { threadId: T, includeTurns: true } },
    });
  });

  it('thread/compacted marks the turn compacted once', () => {
    const s = run({ method: 'thread/compacted', params: ref });
    expect(turnAt(s, T, 0).compacted).toBe(true);
    expect(turnAt(base, T, 0).compacted).toBe(false);
    expect(reduce(s, { method: 'thread/compacted', params: ref }).threads[T]?.turns[0]).toBe(s.threads[T]?.turns[0]);
  });

  it('thread/started takes the record but keeps a stale marker', () => {
    const stale = run({ method: 'thread/reverted', params: { threadId: T } });
    const s = reduce(stale, { method: 'thread/started', params: { thread: thread({ id: T, name: 'x' }) } });
    expect(threadOf(s, T).name).toBe('x');
    expect(threadOf(s, T).stale).toEqual(threadOf(stale, T).stale);
    expect(threadOf(s, T).info).toMatchObject({ id: T, name: 'x', cwd: '/w' });
  });
});

describe('turn notifications', () => {
  it('turn/started takes the turn status and times', () => {
    const s = reduce(initialState, {
      method: 'turn/started',
      params: { threadId: T, turn: turnOf({ id: U, status: 'inProgress', startedAt: 5, rootTurnId: 'r' }) },
    });
    expect(turnAt(s, T, 0)).toMatchObject({ id: U, status: 'inProgress', startedAt: 5, rootTurnId: 'r' });
  });

  it('turn/moderationMetadata and model/rerouted set their fields', () => {
    const s = run(
      { method: 'turn/moderationMetadata', params: { ...ref, metadata: { flagged: false } } },
      {
        method: 'model/rerouted',
        params: { ...ref, fromModel: 'a', toModel: 'b', reason: 'highRiskCyberActivity' },
      },
    );
    expect(turnAt(s, T, 0)).toMatchObject({ moderation: { flagged: false }, reroutedTo: 'b' });
  });

  it('error: every one is listed; only one not retried becomes the turn error', () => {
    const retried = run({ method: 'error', params: { ...ref, error: boom, willRetry: true } });
    expect(turnAt(retried, T, 0).error).toBeNull();
    expect(turnAt(retried, T, 0).errors).toEqual([{ ...ref, error: boom, willRetry: true }]);
    const final = reduce(retried, { method: 'error', params: { ...ref, error: boom, willRetry: false } });
    expect(turnAt(final, T, 0).error).toEqual(boom);
    expect(turnAt(final, T, 0).errors).toHaveLength(2);
  });

  it('turn/diff/updated is a no-op when the diff is the same', () => {
    const s = run({ method: 'turn/diff/updated', params: { ...ref, diff: 'd' } });
    expect(turnAt(s, T, 0).diff).toBe('d');
    expect(reduce(s, { method: 'turn/diff/updated', params: { ...ref, diff: 'd' } }).threads[T]?.turns[0]).toBe(
      s.threads[T]?.turns[0],
    );
  });
});

describe('auto-approval reviews', () => {
  it('started and completed reviews are kept by review id, the newest replacing the older', () => {
    const started = {
      ...ref,
      reviewId: 'rv',
      startedAtMs: 1,
      targetItemId: null,
      action: { type: 'command' as const, command: 'ls', cwd: '/', source: 'shell' as const },
      review: { rationale: null, riskLevel: null, status: 'inProgress' as const, userAuthorization: null },
    };
    const s1 = run({ method: 'item/autoApprovalReview/started', params: started });
    expect(turnAt(s1, T, 0).reviews).toEqual({ rv: started });
    const completed = {
      ...started,
      review: { ...started.review, status: 'approved' as const },
      completedAtMs: 2,
      decisionSource: 'agent' as const,
    };
    const s2 = reduce(s1, { method: 'item/autoApprovalReview/completed', params: completed });
    expect(turnAt(s2, T, 0).reviews).toEqual({ rv: completed });
  });
});

describe('turn/started for a turn the state already has', () => {
  it('updates its fields but leaves its open items open', () => {
    const item = { type: 'plan' as const, id: 'p', text: '' };
    const s1 = run({ method: 'item/started', params: { ...ref, item, startedAtMs: 1 } });
    const s2 = reduce(s1, {
      method: 'turn/started',
      params: { threadId: T, turn: turnOf({ id: U, status: 'inProgress', startedAt: 9 }) },
    });
    expect(turnAt(s2, T, 0)).toMatchObject({ items: [item], openItemIds: ['p'], offRecord: [], startedAt: 9 });
  });
});

describe('item/fileChange/patchUpdated for an open item of another kind', () => {
  it('replaces it with a file change carrying the changes and marks the thread stale', () => {
    const changes = [{ path: 'a.txt', kind: { type: 'add' as const }, diff: '+x' }];
    const s1 = run({
      method: 'item/started',
      params: { ...ref, item: { type: 'plan', id: 'f', text: '' }, startedAtMs: 1 },
    });
    const s2 = reduce(s1, { method: 'item/fileChange/patchUpdated', params: { ...ref, itemId: 'f', changes } });
    expect(turnAt(s2, T, 0).items).toEqual([{ type: 'fileChange', id: 'f', changes, status: 'inProgress' }]);
    expect(threadOf(s2, T).stale).toMatchObject({
      detail: `item/fileChange/patchUpdated for item f of turn ${U}, which is of another kind`,
    });
  });
});

describe('hooks', () => {
  it('a run with a turn goes to the turn, one without to the thread; completion replaces it', () => {
    const s = run(
      { method: 'hook/started', params: { threadId: T, turnId: U, run: hookRun('h1', 'turn') } },
      { method: 'hook/started', params: { threadId: T, turnId: null, run: hookRun('h2', 'thread') } },
    );
    expect(turnAt(s, T, 0).hooks).toEqual({ h1: hookRun('h1', 'turn') });
    expect(threadOf(s, T).hooks).toEqual({ h2: hookRun('h2', 'thread') });
    const done = { ...hookRun('h1', 'turn'), status: 'completed' as const, completedAt: 2 };
    const s2 = reduce(s, { method: 'hook/completed', params: { threadId: T, turnId: U, run: done } });
    expect(turnAt(s2, T, 0).hooks).toEqual({ h1: done });
    expect(threadOf(s2, T).hooks).toEqual({ h2: hookRun('h2', 'thread') });
  });
});

describe('notices', () => {
  it('a warning without a thread goes to the state, with one to the thread', () => {
    const s = run(
      { method: 'warning', params: { threadId: null, message: 'global' } },
      { method: 'warning', params: { threadId: T, message: 'local' } },
    );
    expect(s.notices).toEqual([{ kind: 'warning', message: 'global', threadId: null }]);
    expect(threadOf(s, T).notices).toEqual([{ kind: 'warning', message: 'local', threadId: T }]);
  });

  it('guardianWarning goes to its thread', () => {
    const s = run({ method: 'guardianWarning', params: { threadId: T, message: 'g' } });
    expect(threadOf(s, T).notices).toEqual([{ kind: 'guardianWarning', message: 'g', threadId: T }]);
    expect(s.notices).toEqual([]);
  });

  it('deprecationNotice and configWarning keep their details and path', () => {
    const s = run(
      { method: 'deprecationNotice', params: { summary: 'old', details: 'use new' } },
      { method: 'configWarning', params: { summary: 'bad', details: 'line 3', path: '/c.toml' } },
      { method: 'configWarning', params: { summary: 'bare', details: null } },
    );
    expect(s.notices).toEqual([
      { kind: 'deprecationNotice', summary: 'old', details: 'use new' },
      { kind: 'configWarning', summary: 'bad', details: 'line 3', path: '/c.toml' },
      { kind: 'configWarning', summary: 'bare', details: null, path: null },
    ]);
  });
});

/** The notifications the state leaves out (they repeat what items carry, or concern no conversation). */
const IGNORED: readonly ServerNotificationMethod[] = [
  'serverRequest/resolved',
  'autoApprovalReview/strictReviewRequired',
  'thread/attachment/updated',
  'thread/environment/connected',
  'thread/environment/disconnected',
  'thread/goal/cleared',
  'thread/goal/updated',
  'thread/prediction/updated',
  'thread/project/updated',
  'thread/queue/changed',
  'thread/readState/changed',
  'thread/section/changed',
  'thread/settings/updated',
  'thread/search/partial',
  'thread/realtime/closed',
  'thread/realtime/error',
  'thread/realtime/item/completed',
  'thread/realtime/item/started',
  'thread/realtime/item/transcript/delta',
  'thread/realtime/itemAdded',
  'thread/realtime/outputAudio/delta',
  'thread/realtime/sdp',
  'thread/realtime/started',
  'thread/realtime/transcript/delta',
  'thread/realtime/transcript/done',
  'account/gatewayOAuth/changed',
  'account/login/completed',
  'account/rateLimits/updated',
  'account/updated',
  'app/list/updated',
  'command/exec/outputDelta',
  'externalAgentConfig/import/completed',
  'externalAgentConfig/import/progress',
  'fs/changed',
  'fuzzyFileSearch/sessionCompleted',
  'fuzzyFileSearch/sessionUpdated',
  'mcpServer/event/stream/notification',
  'mcpServer/oauthLogin/completed',
  'mcpServer/startupStatus/updated',
  'model/safetyBuffering/updated',
  'model/verification',
  'modelProvider/authRecoveryCompleted',
  'modelProvider/authRecoveryStarted',
  'process/exited',
  'process/outputDelta',
  'project/changed',
  'remoteControl/status/changed',
  'skills/changed',
  'windows/worldWritableWarning',
  'windowsSandbox/setupCompleted',
  'rawResponseItem/completed',
  'rawResponse/completed',
];

describe('notifications outside the conversation state', () => {
  it.each(IGNORED)('%s returns the state itself', (method) => {
    // Cast: these methods' params are never read by the reducer; an empty object stands for any of them.
    const event = { method, params: {} } as StateNotification;
    expect(reduce(base, event)).toBe(base);
  });
});

describe('item events for an item that never started', () => {
  it('item/reasoning/summaryPartAdded keeps a reasoning item with the part and marks the thread stale', () => {
    const s = run({ method: 'item/reasoning/summaryPartAdded', params: { ...ref, itemId: 'r', summaryIndex: 0 } });
    expect(turnAt(s, T, 0).items).toEqual([{ type: 'reasoning', id: 'r', summary: [''], content: [] }]);
    expect(threadOf(s, T).stale).toMatchObject({
      reason: 'gap',
      detail: `item/reasoning/summaryPartAdded for item r of turn ${U}, which never started`,
    });
  });

  it('item/fileChange/patchUpdated keeps a file change with the changes and marks the thread stale', () => {
    const changes = [{ path: 'a.txt', kind: { type: 'add' as const }, diff: '+x' }];
    const s = run({ method: 'item/fileChange/patchUpdated', params: { ...ref, itemId: 'f', changes } });
    expect(turnAt(s, T, 0).items).toEqual([{ type: 'fileChange', id: 'f', changes, status: 'inProgress' }]);
    expect(threadOf(s, T).stale).toMatchObject({
      reason: 'gap',
      detail: `item/fileChange/patchUpdated for item f of turn ${U}, which never started`,
    });
  });
});

describe('lagged and malformed events', () => {
  it('lagged marks every thread and the state stale, and counts what was skipped', () => {
    const s = reduce(base, { kind: 'lagged', skipped: 3 });
    const detail = 'the client dropped 3 event(s) because its subscription fell behind';
    expect(s.stale).toEqual({ reason: 'lagged', detail, resync: null });
    expect(threadOf(s, T).stale).toMatchObject({ reason: 'lagged', detail });
    expect(reduce(s, { kind: 'lagged', skipped: 2 }).skippedEvents).toBe(5);
  });

  it('a malformed event whose thread id is not a string marks the state, not a thread', () => {
    // Cast: deliberately malformed input, as a peer with validation off could send.
    const numeric = { method: 'turn/completed', params: { threadId: 5, turn: null } } as unknown as StateNotification;
    const s = reduce(base, numeric);
    expect(s.threads).toBe(base.threads);
    expect(s.stale).toMatchObject({
      reason: 'gap',
      detail: expect.stringMatching(/^malformed turn\/completed/) as string,
    });
    // Cast: as above.
    const text = { method: 'turn/completed', params: 'junk' } as unknown as StateNotification;
    expect(reduce(base, text).threads).toBe(base.threads);
    expect(reduce(base, text).stale).toMatchObject({ reason: 'gap' });
  });
});
