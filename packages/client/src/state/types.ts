/**
 * Types of the conversation state: what {@link reduce} builds from the
 * server's notifications. Every object is a read-only snapshot; a new event
 * yields a new state that shares every unchanged thread, turn and item with
 * the previous one (same identity), so UI stores can compare by reference.
 * @module
 */
import type {
  ErrorNotification,
  HookRunSummary,
  ItemGuardianApprovalReviewCompletedNotification,
  ItemGuardianApprovalReviewStartedNotification,
  JsonValue,
  ServerNotificationMethod,
  ServerNotificationParams,
  Thread,
  ThreadItem,
  ThreadStatus,
  ThreadTokenUsage,
  TokenUsageBreakdown,
  TurnError,
  TurnItemsView,
  TurnPlanStep,
  TurnStatus,
} from '@cask/protocol';

/**
 * One server notification as the reducer takes it. The client's
 * `NotificationEvent` (from `notifications()`, `events()`, `runTurn()`) fits;
 * so does a bare `{ method, params }` pair, e.g. from a recorded transcript.
 */
export type StateNotification = {
  [M in ServerNotificationMethod]: { kind?: 'notification'; method: M; params: ServerNotificationParams<M> };
}[ServerNotificationMethod];

/** The client's marker for events it had to drop (a subscription fell behind). */
export interface StateLagged {
  kind: 'lagged';
  /** How many events were dropped. */
  skipped: number;
}

/**
 * A thread as the server records it, from the answer of `thread/start`,
 * `thread/resume`, `thread/fork` or `thread/read` (with `includeTurns` for
 * its history). Applying it replaces what the state knew of that thread's
 * turns and clears its stale marker (see {@link resync}).
 */
export interface StateSnapshot {
  kind: 'snapshot';
  thread: Thread;
}

/** Everything {@link reduce} accepts. */
export type StateEvent = StateNotification | StateLagged | StateSnapshot;

/** Why part of the state may be behind the server, and how to catch up. */
export interface StaleMarker {
  /** `lagged`: the client dropped events; `gap`: an event referred to something the state never saw start. */
  reason: 'lagged' | 'gap';
  /** Human-readable detail (e.g. which event, or how many were skipped). */
  detail: string;
  /** The request that brings the thread up to date; {@link resync} sends it. */
  resync: { method: 'thread/read'; params: { threadId: string; includeTurns: true } } | null;
}

/** A message about the connection or a thread that is not part of any turn. */
export type Notice =
  | { kind: 'warning'; message: string; threadId: string | null }
  | { kind: 'guardianWarning'; message: string; threadId: string }
  | { kind: 'deprecationNotice'; summary: string; details: string | null }
  | { kind: 'configWarning'; summary: string; details: string | null; path: string | null };

/** Most notices kept per thread (and for the connection); older ones are dropped first. */
export const MAX_NOTICES = 100;

/** Whole-client state: every thread seen, by id. */
export interface ConversationState {
  readonly threads: Readonly<Record<string, ThreadState>>;
  /** Notices that concern no single thread (`configWarning`, `deprecationNotice`, `warning` without a thread). */
  readonly notices: readonly Notice[];
  /** Set when the client dropped events (`lagged`); every thread is then marked stale too. */
  readonly stale: StaleMarker | null;
  /** Events dropped according to `lagged` markers, summed. */
  readonly skippedEvents: number;
}

/** What the state knows about one thread. */
export interface ThreadState {
  readonly id: string;
  /** Metadata from the last `thread/started` or snapshot (its `turns` are kept in {@link turns}, not here). */
  readonly info: Omit<Thread, 'turns'> | null;
  readonly status: ThreadStatus | null;
  /** From `thread/name/updated` (or the snapshot). */
  readonly name: string | null;
  readonly archived: boolean;
  /** The server closed the thread (`thread/closed`) or deleted it (`thread/deleted`). */
  readonly closed: boolean;
  readonly deleted: boolean;
  /** Turns in the order they started. */
  readonly turns: readonly TurnState[];
  /** The server's last token count for the thread (cumulative `total`, `last` model call). */
  readonly tokenUsage: ThreadTokenUsage | null;
  /** Hook runs that belong to the thread but to no turn, by run id. */
  readonly hooks: Readonly<Record<string, HookRunSummary>>;
  /** Warnings about this thread (`warning` with this thread id, `guardianWarning`), newest last. */
  readonly notices: readonly Notice[];
  /** Set when the thread may be behind the server; see {@link StaleMarker.resync}. */
  readonly stale: StaleMarker | null;
}

/**
 * An item the live stream showed but the server's record of the turn
 * (`thread/read`) does not keep, moved out of {@link TurnState.items} when
 * the turn ended:
 *
 * - `unfinished`: it got `item/started` but never `item/completed` (e.g. an
 *   agent message cut off by an interrupt); closed out at `turn/completed`.
 * - `declined`: a command execution the user declined (observed with codex
 *   0.169 and 0.171: the server streams it, with status `declined`, but does not record it).
 */
export interface OffRecordItem {
  /** The item as far as it got. */
  readonly item: ThreadItem;
  readonly reason: 'unfinished' | 'declined';
  /** The turn's final status when the item was moved out. */
  readonly closedBy: TurnStatus;
  /** Position the item had among the turn's items (see `displayItems`). */
  readonly index: number;
}

/** Progress that has no field on the item itself. */
export interface ItemProgress {
  /** `item/commandExecution/terminalInteraction`: what was written to the command's stdin, joined. */
  readonly terminalInput?: string;
  /** `item/fileChange/outputDelta`: output of applying the patch, joined. */
  readonly fileChangeOutput?: string;
  /** `item/mcpToolCall/progress`: progress messages, in order (the last {@link MAX_NOTICES}). */
  readonly mcpProgress?: readonly string[];
}

/** A turn's own token usage, derived from the thread's cumulative counts. */
export interface TurnUsage {
  /** Tokens the turn used: the thread's `total` at the turn's last update minus the total before the turn. */
  readonly total: TokenUsageBreakdown;
  /**
   * The turn's last model call, or `null` when it made none (e.g. interrupted
   * before the model answered; the server then repeats the previous call as `last`).
   */
  readonly lastCall: TokenUsageBreakdown | null;
  /** `false` when the total before the turn was unknown (state joined mid-thread) and was estimated as `total − last`. */
  readonly exact: boolean;
  /** The thread's total before the turn (what {@link total} is measured from). */
  readonly before: TokenUsageBreakdown;
}

/** One turn. */
export interface TurnState {
  readonly id: string;
  readonly status: TurnStatus;
  /** The turn's error (`turn/completed`), else the last non-retried `error` notification. */
  readonly error: TurnError | null;
  /**
   * The turn's items in the order they started. In-progress items carry the
   * deltas joined so far; completed ones are the server's final item. Once
   * the turn ended this equals the items `thread/read` returns for it.
   */
  readonly items: readonly ThreadItem[];
  /**
   * How complete {@link items} is: `full` for a turn the state saw from its
   * start or read in full; `summary` / `notLoaded` when it came from a record
   * that left items out (e.g. `thread/resume`, `thread/turns/list`): read the
   * thread (`handle.read()`, `resync`) to load them.
   */
  readonly itemsView: TurnItemsView;
  /** Ids of items started but not completed yet. */
  readonly openItemIds: readonly string[];
  /** Items the stream showed that the server's record does not keep (they are not in {@link items}). */
  readonly offRecord: readonly OffRecordItem[];
  /** Progress that has no field on the items, by item id. */
  readonly progress: Readonly<Record<string, ItemProgress>>;
  /** `error` notifications of the turn, in order (retried ones included; the last {@link MAX_NOTICES}). */
  readonly errors: readonly ErrorNotification[];
  readonly usage: TurnUsage | null;
  /** Latest aggregated diff of the turn (`turn/diff/updated`). */
  readonly diff: string | null;
  /** Latest plan of the turn (`turn/plan/updated`). */
  readonly plan: { readonly explanation: string | null; readonly steps: readonly TurnPlanStep[] } | null;
  /** Hook runs of the turn, by run id. */
  readonly hooks: Readonly<Record<string, HookRunSummary>>;
  /** Automatic approval reviews, by review id (latest notification). */
  readonly reviews: Readonly<
    Record<string, ItemGuardianApprovalReviewStartedNotification | ItemGuardianApprovalReviewCompletedNotification>
  >;
  /** `turn/moderationMetadata`, when sent. */
  readonly moderation: JsonValue | null;
  /** The model was rerouted during the turn (`model/rerouted`): to which model, and why. */
  readonly reroutedTo: string | null;
  /** The thread's history was compacted during the turn (`thread/compacted`). */
  readonly compacted: boolean;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly durationMs: number | null;
  readonly rootTurnId: string | null;
}
