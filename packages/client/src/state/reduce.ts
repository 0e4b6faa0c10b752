/**
 * The conversation reducer: `reduce(state, event) → state`, a pure function
 * from server notifications (plus lag markers and thread snapshots) to
 * {@link ConversationState}. No I/O, no clocks, no randomness.
 * @module
 */
import type { TokenUsageBreakdown } from '@cask/protocol';
import { addSummaryPart } from './items.js';
import { applySnapshot } from './snapshot.js';
import { appendText } from './text.js';
import {
  bounded,
  patchState,
  patchThread,
  patchTurn,
  staleFor,
  turnFields,
  withThread,
  withTurn,
  withTurnIn,
} from './tree.js';
import {
  AGENT_MESSAGE,
  COMMAND_OUTPUT,
  PLAN,
  completeItem,
  completeTurn,
  startItem,
  textDelta,
  withItem,
  withProgress,
} from './turn-items.js';
import type { ConversationState, Notice, StateEvent, StateNotification, ThreadState, TurnUsage } from './types.js';
import { deriveTurnUsage } from './usage.js';

export { initialState, emptyThread, emptyTurn, resyncRequest } from './tree.js';

/**
 * Applies one event and returns the next state. Unchanged parts keep their
 * identity; when nothing changes the same state object comes back.
 *
 * - Notifications that concern no conversation (account, config, MCP server,
 *   fs, realtime, ...) return the state unchanged.
 * - A `lagged` marker marks the state and every thread stale; a delta for an
 *   item (or an event for a turn) the state never saw start marks that
 *   thread stale (`gap`). Either way {@link StaleMarker.resync} names the
 *   `thread/read` to send; {@link resync} sends it and applies the answer.
 * - A `snapshot` (the `thread` of a `thread/start`, `thread/resume`,
 *   `thread/fork` or `thread/read` answer) replaces the thread's metadata and
 *   the turns it lists, and clears the thread's stale marker.
 */
export function reduce(state: ConversationState, event: StateEvent): ConversationState {
  switch (event.kind) {
    case 'lagged':
      return onLagged(state, event.skipped);
    case 'snapshot':
      return applySnapshot(state, event.thread);
    case undefined:
    case 'notification':
      try {
        return onNotification(state, event);
      } catch (err) {
        // Only malformed input gets here (e.g. params missing with validation off): keep going, mark it.
        return onMalformed(state, event, err);
      }
  }
}

function onMalformed(state: ConversationState, event: StateNotification, err: unknown): ConversationState {
  // Cast: a malformed event may lack any member; both are read as unknown and checked before use.
  const method = String((event as { method?: unknown }).method);
  const detail = `malformed ${method} notification ignored: ${err instanceof Error ? err.message : String(err)}`;
  // Cast: as above, read as unknown.
  const params: unknown = (event as { params?: unknown }).params;
  const threadId =
    typeof params === 'object' && params !== null && 'threadId' in params && typeof params.threadId === 'string'
      ? params.threadId
      : undefined;
  if (threadId !== undefined) {
    return withThread(state, threadId, (t) => patchThread(t, { stale: staleFor(threadId, 'gap', detail) }));
  }
  return patchState(state, { stale: { reason: 'gap', detail, resync: null } });
}

/** Applies events in order (a fold with {@link reduce}). */
export function reduceAll(state: ConversationState, events: Iterable<StateEvent>): ConversationState {
  let s = state;
  for (const e of events) s = reduce(s, e);
  return s;
}

function onNotification(state: ConversationState, n: StateNotification): ConversationState {
  switch (n.method) {
    // ---- thread lifecycle
    case 'thread/started':
      return applySnapshot(state, n.params.thread, { keepStale: true });
    case 'thread/status/changed': {
      const { threadId, status } = n.params;
      return withThread(state, threadId, (t) => patchThread(t, { status }));
    }
    case 'thread/name/updated': {
      const name = n.params.threadName ?? null;
      return withThread(state, n.params.threadId, (t) => (t.name === name ? t : patchThread(t, { name })));
    }
    case 'thread/archived':
      return withThread(state, n.params.threadId, (t) => (t.archived ? t : patchThread(t, { archived: true })));
    case 'thread/unarchived':
      return withThread(state, n.params.threadId, (t) => (t.archived ? patchThread(t, { archived: false }) : t));
    case 'thread/closed':
      return withThread(state, n.params.threadId, (t) => (t.closed ? t : patchThread(t, { closed: true })));
    case 'thread/deleted':
      return withThread(state, n.params.threadId, (t) =>
        t.deleted ? t : patchThread(t, { deleted: true, closed: true }),
      );
    case 'thread/reverted':
      // Turns were removed from the server's history; the notification does not say which.
      return withThread(state, n.params.threadId, (t) =>
        patchThread(t, {
          stale: staleFor(t.id, 'gap', 'thread/reverted: turns were removed from the history'),
        }),
      );
    case 'thread/tokenUsage/updated': {
      const { threadId, turnId, tokenUsage } = n.params;
      return withThread(state, threadId, (t) => {
        const previous = t.tokenUsage;
        const known = previous !== null || !hasEarlierTurns(t, turnId);
        const next = patchThread(t, { tokenUsage });
        return withTurnIn(next, turnId, (turn) => {
          const before: TokenUsageBreakdown | null = turn.usage?.before ?? (known ? (previous?.total ?? ZERO) : null);
          const usage: TurnUsage = deriveTurnUsage(before, tokenUsage);
          return patchTurn(turn, { usage });
        });
      });
    }
    case 'thread/compacted':
      return withTurn(state, n.params.threadId, n.params.turnId, (turn) =>
        turn.compacted ? turn : patchTurn(turn, { compacted: true }),
      );

    // ---- turn lifecycle
    case 'turn/started': {
      const { threadId, turn } = n.params;
      return withTurn(state, threadId, turn.id, (t) => patchTurn(t, { ...turnFields(turn), status: turn.status }));
    }
    case 'turn/completed': {
      const { threadId, turn } = n.params;
      return withTurn(state, threadId, turn.id, (t) => completeTurn(t, turn));
    }
    case 'turn/diff/updated': {
      const { diff } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => (t.diff === diff ? t : patchTurn(t, { diff })));
    }
    case 'turn/plan/updated': {
      const plan = { explanation: n.params.explanation ?? null, steps: n.params.plan };
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { plan }));
    }
    case 'turn/moderationMetadata': {
      const { metadata } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { moderation: metadata }));
    }
    case 'model/rerouted': {
      const { toModel } = n.params;
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => patchTurn(t, { reroutedTo: toModel }));
    }
    case 'error': {
      const p = n.params;
      return withTurn(state, p.threadId, p.turnId, (t) =>
        patchTurn(t, {
          errors: bounded(t.errors, p),
          error: p.willRetry ? t.error : p.error,
        }),
      );
    }

    // ---- items
    case 'item/started':
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => startItem(t, n.params.item));
    case 'item/completed':
      return withTurn(state, n.params.threadId, n.params.turnId, (t) => completeItem(t, n.params.item));
    case 'item/agentMessage/delta':
      return textDelta(state, n.params, AGENT_MESSAGE);
    case 'item/plan/delta':
      return textDelta(state, n.params, PLAN);
    case 'item/commandExecution/outputDelta':
      return textDelta(state, n.params, COMMAND_OUTPUT);
    case 'item/reasoning/summaryTextDelta':
      return textDelta(state, n.params, { kind: 'reasoningSummary', index: n.params.summaryIndex });
    case 'item/reasoning/textDelta':
      return textDelta(state, n.params, { kind: 'reasoningText', index: n.params.contentIndex });
    case 'item/reasoning/summaryPartAdded': {
      const { threadId, turnId, itemId, summaryIndex } = n.params;
      return withItem(
        state,
        threadId,
        turnId,
        itemId,
        () => ({ type: 'reasoning', id: itemId, summary: [], content: [] }),
        (item) => addSummaryPart(item, summaryIndex),
        'item/reasoning/summaryPartAdded',
      );
    }
    case 'item/fileChange/patchUpdated': {
      const { threadId, turnId, itemId, changes } = n.params;
      return withItem(
        state,
        threadId,
        turnId,
        itemId,
        () => ({ type: 'fileChange', id: itemId, changes: [], status: 'inProgress' }),
        (item) => (item.type === 'fileChange' ? { ...item, changes } : undefined),
        'item/fileChange/patchUpdated',
      );
    }
    case 'item/commandExecution/terminalInteraction': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({ ...pr, terminalInput: appendText(pr.terminalInput ?? '', p.stdin) }));
    }
    case 'item/fileChange/outputDelta': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({
        ...pr,
        fileChangeOutput: appendText(pr.fileChangeOutput ?? '', p.delta),
      }));
    }
    case 'item/mcpToolCall/progress': {
      const p = n.params;
      return withProgress(state, p, (pr) => ({ ...pr, mcpProgress: bounded(pr.mcpProgress ?? [], p.message) }));
    }
    case 'item/autoApprovalReview/started':
    case 'item/autoApprovalReview/completed': {
      const p = n.params;
      return withTurn(state, p.threadId, p.turnId, (t) => patchTurn(t, { reviews: { ...t.reviews, [p.reviewId]: p } }));
    }

    // ---- hooks
    case 'hook/started':
    case 'hook/completed': {
      const { threadId, turnId, run } = n.params;
      if (turnId)
        return withTurn(state, threadId, turnId, (t) => patchTurn(t, { hooks: { ...t.hooks, [run.id]: run } }));
      return withThread(state, threadId, (t) => patchThread(t, { hooks: { ...t.hooks, [run.id]: run } }));
    }

    // ---- notices
    case 'warning': {
      const notice: Notice = { kind: 'warning', message: n.params.message, threadId: n.params.threadId ?? null };
      const threadId = n.params.threadId;
      if (threadId) return withThread(state, threadId, (t) => patchThread(t, { notices: bounded(t.notices, notice) }));
      return patchState(state, { notices: bounded(state.notices, notice) });
    }
    case 'guardianWarning': {
      const notice: Notice = { kind: 'guardianWarning', message: n.params.message, threadId: n.params.threadId };
      return withThread(state, n.params.threadId, (t) => patchThread(t, { notices: bounded(t.notices, notice) }));
    }
    case 'deprecationNotice':
      return patchState(state, {
        notices: bounded(state.notices, {
          kind: 'deprecationNotice',
          summary: n.params.summary,
          details: n.params.details ?? null,
        }),
      });
    case 'configWarning':
      return patchState(state, {
        notices: bounded(state.notices, {
          kind: 'configWarning',
          summary: n.params.summary,
          details: n.params.details ?? null,
          path: n.params.path ?? null,
        }),
      });

    // ---- not part of the conversation state (listed so a new method fails to compile until decided);
    // the raw-response notifications (sent only to threads that asked for raw events) repeat what items carry
    case 'serverRequest/resolved':
    case 'autoApprovalReview/strictReviewRequired':
    case 'thread/attachment/updated':
    case 'thread/environment/connected':
    case 'thread/environment/disconnected':
    case 'thread/goal/cleared':
    case 'thread/goal/updated':
    case 'thread/prediction/updated':
    case 'thread/project/updated':
    case 'thread/queue/changed':
    case 'thread/readState/changed':
    case 'thread/section/changed':
    case 'thread/settings/updated':
    case 'thread/search/partial':
    case 'thread/realtime/closed':
    case 'thread/realtime/error':
    case 'thread/realtime/item/completed':
    case 'thread/realtime/item/started':
    case 'thread/realtime/item/transcript/delta':
    case 'thread/realtime/itemAdded':
    case 'thread/realtime/outputAudio/delta':
    case 'thread/realtime/sdp':
    case 'thread/realtime/started':
    case 'thread/realtime/transcript/delta':
    case 'thread/realtime/transcript/done':
    case 'account/gatewayOAuth/changed':
    case 'account/login/completed':
    case 'account/rateLimits/updated':
    case 'account/updated':
    case 'app/list/updated':
    case 'command/exec/outputDelta':
    case 'externalAgentConfig/import/completed':
    case 'externalAgentConfig/import/progress':
    case 'fs/changed':
    case 'fuzzyFileSearch/sessionCompleted':
    case 'fuzzyFileSearch/sessionUpdated':
    case 'mcpServer/event/stream/notification':
    case 'mcpServer/oauthLogin/completed':
    case 'mcpServer/startupStatus/updated':
    case 'model/safetyBuffering/updated':
    case 'model/verification':
    case 'modelProvider/authRecoveryCompleted':
    case 'modelProvider/authRecoveryStarted':
    case 'process/exited':
    case 'process/outputDelta':
    case 'project/changed':
    case 'remoteControl/status/changed':
    case 'skills/changed':
    case 'windows/worldWritableWarning':
    case 'windowsSandbox/setupCompleted':
    case 'rawResponseItem/completed':
    case 'rawResponse/completed':
      return state;
  }
}

// Every state, thread and turn object is built here with its fields in one fixed order, so V8 gives them
// all one hidden class each and copies stay on its fast path (object spread of objects built in different
// orders was the reducer's main cost). A copy is patched before anyone else sees it: the result is immutable.

const ZERO: TokenUsageBreakdown = Object.freeze({
  totalTokens: 0,
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteInputTokens: 0,
  outputTokens: 0,
  reasoningOutputTokens: 0,
});

function onLagged(state: ConversationState, skipped: number): ConversationState {
  const detail = `the client dropped ${skipped} event(s) because its subscription fell behind`;
  const threads: Record<string, ThreadState> = {};
  for (const [id, t] of Object.entries(state.threads))
    threads[id] = patchThread(t, { stale: staleFor(id, 'lagged', detail) });
  return patchState(state, {
    threads,
    skippedEvents: state.skippedEvents + skipped,
    stale: { reason: 'lagged', detail, resync: null },
  });
}

function hasEarlierTurns(t: ThreadState, turnId: string): boolean {
  return t.turns.some((turn) => turn.id !== turnId);
}
