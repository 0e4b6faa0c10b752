/**
 * `ThreadTurnRun`: one turn started from a {@link ThreadHandle}, with its
 * event stream, its live state, and its {@link TurnResult}.
 * @module
 */
import type { ClientRequestResult, ThreadItem, TurnError, TurnStatus, UserInput } from '@cask/protocol';
import { EarlyBuffer } from './early-buffer.js';
import { BoundedQueue, type LaggedEvent } from './queue.js';
import { displayItems, finalAgentText } from './state/selectors.js';
import type { TurnState, TurnUsage } from './state/types.js';
import type { TurnRun } from './turn.js';
import type { NotificationEvent } from './types.js';

/** What a finished turn amounts to. */
export interface TurnResult {
  threadId: string;
  turnId: string;
  /** `completed`, `interrupted` or `failed`. */
  status: TurnStatus;
  /** The agent's final answer (see `finalAgentText`). */
  text: string;
  /** The turn's items as the server records them (what `thread/read` returns). */
  items: readonly ThreadItem[];
  /** Items as the stream showed them, including unfinished and declined ones. */
  displayItems: ThreadItem[];
  /** Tokens this turn used (`null` when the server reported none). */
  usage: TurnUsage | null;
  /** Why the turn failed, if it did. */
  error: TurnError | null;
  /** The turn's full state. */
  turn: TurnState;
}

/** Items of a run's stream: this turn's notifications, opted-in thread notices, and lag markers. */
export type TurnRunEvent = NotificationEvent | LaggedEvent;

/** How a run reaches its handle. @internal */
export interface TurnRunHost {
  readonly threadId: string;
  /** The turn's state in the handle's reducer, once known. */
  turnState(turnId: string): TurnState | undefined;
  /** Reads the thread from the server when the handle's state may be behind; resolves when up to date. */
  ensureFresh(): Promise<void>;
  steer(turnId: string, input: UserInput[]): Promise<ClientRequestResult<'turn/steer'>>;
  detach(run: ThreadTurnRun): void;
}

const NOTICE_METHODS = new Set<string>(['warning', 'guardianWarning', 'deprecationNotice', 'configWarning']);

/**
 * A turn started by `ThreadHandle.run()`. Iterate it (`for await`) for the
 * turn's notifications in order, ending with `turn/completed`; read
 * {@link turn} for the state they built; await {@link result} for the
 * outcome. Thread-level notices (`warning`, `guardianWarning`,
 * `deprecationNotice`, `configWarning`), which carry no turn id, are
 * included when the run was started with `includeThreadNotices: true`.
 * Nothing is dropped silently: when the run's queue overflows, or the
 * handle's own subscription lagged (its state is then marked stale and
 * `result` re-reads the thread), the stream gets a `lagged` marker with the
 * number of events skipped.
 */
export class ThreadTurnRun implements AsyncIterableIterator<TurnRunEvent> {
  readonly threadId: string;
  /** Resolves when the turn has ended and the handle's state holds its final record. */
  readonly result: Promise<TurnResult>;
  /** The underlying client run (its `started`/`completed` promises, `interrupt()`). */
  readonly raw: TurnRun;
  private readonly queue: BoundedQueue<NotificationEvent>;
  private readonly early: EarlyBuffer<NotificationEvent>;
  /** Lag reported by the handle before the turn id was known. */
  private earlyLag = 0;
  private id: string | undefined;
  private finished = false;
  private resolveResult!: (r: TurnResult) => void;
  private rejectResult!: (e: unknown) => void;
  private failure: unknown;

  /** @internal */
  constructor(
    private readonly host: TurnRunHost,
    raw: TurnRun,
    capacity: number,
    private readonly includeNotices: boolean,
  ) {
    this.threadId = host.threadId;
    this.raw = raw;
    this.queue = new BoundedQueue<NotificationEvent>(capacity);
    this.early = new EarlyBuffer<NotificationEvent>(capacity, (e) => e.method === 'turn/completed');
    this.result = new Promise((res, rej) => {
      this.resolveResult = res;
      this.rejectResult = rej;
    });
    this.result.catch(() => undefined);
    raw.started.then(
      (turn) => {
        this.id = turn.id;
        const early = this.early.take(turn.id);
        for (const e of early.events) this.offer(e);
        this.lagged(early.skipped + this.earlyLag);
        this.earlyLag = 0;
        if (early.final) this.offer(early.final);
      },
      (err: unknown) => {
        this.fail(err);
      },
    );
    raw.completed.catch((err: unknown) => {
      this.fail(err);
    });
    // The client run only routes this thread's server requests to our handlers; its events come from the handle.
    void (async () => {
      try {
        for await (const _ of raw) {
          // drained: the handle's subscription delivers the same events, already applied to its state
        }
      } catch {
        // reported through raw.started / raw.completed
      }
    })();
  }

  /** The turn id, once `turn/start` has answered. */
  get turnId(): string | undefined {
    return this.id;
  }

  /** The turn's current state (live while it runs), once known. */
  get turn(): TurnState | undefined {
    return this.id === undefined ? undefined : this.host.turnState(this.id);
  }

  /** Asks the server to interrupt the turn; {@link result} then resolves with status `interrupted`. */
  interrupt(): Promise<void> {
    return this.raw.interrupt();
  }

  /** Adds input to the running turn (`turn/steer`). */
  async steer(input: string | UserInput[]): Promise<ClientRequestResult<'turn/steer'>> {
    const turn = await this.raw.started;
    return this.host.steer(turn.id, typeof input === 'string' ? textInput(input) : input);
  }

  /**
   * Called by the handle with every event of its thread (already applied to
   * its state) and with connection-wide notices. @internal
   */
  offer(e: NotificationEvent): void {
    if (this.finished) return;
    if (NOTICE_METHODS.has(e.method)) {
      if (this.includeNotices) this.queue.push(e);
      return;
    }
    const tid = turnIdOf(e);
    if (tid === undefined) return;
    if (this.id === undefined) {
      this.early.add(tid, e);
      return;
    }
    if (tid !== this.id) return;
    if (e.method === 'turn/completed') {
      this.finished = true;
      this.queue.pushFinal(e);
      void this.settle();
      return;
    }
    this.queue.push(e);
  }

  /**
   * Called by the handle when events were dropped before reaching it (its
   * subscription lagged; its state is then marked stale): some may have been
   * this turn's, so the stream gets a `lagged` marker with that count. @internal
   */
  lagged(skipped: number): void {
    if (this.finished || skipped <= 0) return;
    if (this.id === undefined) this.earlyLag += skipped;
    else this.queue.markDropped(skipped);
  }

  /** @internal */
  fail(err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = err;
    this.host.detach(this);
    this.queue.close({ error: err });
    this.rejectResult(err);
  }

  next(): Promise<IteratorResult<TurnRunEvent>> {
    return this.queue.next();
  }

  /** Stops reading the stream (the turn keeps running; see {@link interrupt}). */
  return(): Promise<IteratorResult<TurnRunEvent>> {
    return this.queue.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async settle(): Promise<void> {
    this.host.detach(this);
    try {
      await this.host.ensureFresh();
      const turn = this.id === undefined ? undefined : this.host.turnState(this.id);
      if (!turn) throw new Error(`turn ${String(this.id)} is missing from the thread's state`);
      this.resolveResult({
        threadId: this.threadId,
        turnId: turn.id,
        status: turn.status,
        text: finalAgentText(turn),
        items: turn.items,
        displayItems: displayItems(turn),
        usage: turn.usage,
        error: turn.error,
        turn,
      });
    } catch (err) {
      this.failure = err;
      this.rejectResult(err);
    }
  }
}

/** A plain text prompt as `turn/start` input. */
export function textInput(text: string): UserInput[] {
  return [{ type: 'text', text, text_elements: [] }];
}

function turnIdOf(e: NotificationEvent): string | undefined {
  const p: unknown = e.params;
  if (typeof p !== 'object' || p === null) return undefined;
  if ('turnId' in p && typeof p.turnId === 'string') return p.turnId;
  if ('turn' in p && typeof p.turn === 'object' && p.turn !== null && 'id' in p.turn && typeof p.turn.id === 'string') {
    return p.turn.id;
  }
  return undefined;
}
