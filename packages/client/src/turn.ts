/**
 * `TurnRun`: the stream of one turn, returned by `AppServerClient.runTurn`.
 * @module
 */
import type { ClientRequestResult, ServerNotificationParams } from '@cask/protocol';
import { EarlyBuffer } from './early-buffer.js';
import { BoundedQueue } from './queue.js';
import type { NotificationEvent, TurnStreamItem } from './types.js';

type Turn = ServerNotificationParams<'turn/completed'>['turn'];
type TurnStartResult = ClientRequestResult<'turn/start'>;

/** How the client feeds a turn run. @internal */
export interface TurnTap {
  notify(event: NotificationEvent): void;
  fail(error: unknown): void;
}

/** What a turn run needs from its client. @internal */
export interface TurnHost {
  tap(t: TurnTap): () => void;
  interrupt(turnId: string): Promise<unknown>;
  done(): void;
  countDropped(n: number): void;
}

/**
 * One running turn. Iterate it (`for await`) to get the turn's
 * notifications in order; the last item is its `turn/completed`. Events of
 * the thread that carry no turn id, and events of other turns, are not
 * included. A consumer that falls more than the queue capacity behind gets a
 * `lagged` marker (`{ kind: 'lagged', skipped }`) in place of the items that
 * were dropped, also for events that arrived before `turn/start` answered;
 * `turn/completed` itself is never dropped, so every event of the turn is
 * either delivered or counted in a marker.
 */
export class TurnRun implements AsyncIterableIterator<TurnStreamItem> {
  /** The thread the turn runs in. */
  readonly threadId: string;
  /** Resolves with the `turn/start` answer (the turn as it started). */
  readonly started: Promise<TurnStartResult['turn']>;
  /** Resolves with the final turn (from `turn/completed`; see its `status`). */
  readonly completed: Promise<Turn>;
  private id: string | undefined;
  private readonly queue: BoundedQueue<NotificationEvent>;
  private readonly early: EarlyBuffer<NotificationEvent>;
  private untap: (() => void) | undefined;
  private settled = false;
  private resolveStarted!: (t: TurnStartResult['turn']) => void;
  private rejectStarted!: (e: unknown) => void;
  private resolveCompleted!: (t: Turn) => void;
  private rejectCompleted!: (e: unknown) => void;
  private interruptWanted = false;

  /** @internal */
  constructor(
    threadId: string,
    capacity: number,
    private readonly host: TurnHost,
  ) {
    this.threadId = threadId;
    this.queue = new BoundedQueue<NotificationEvent>(capacity, undefined, () => {
      host.countDropped(1);
    });
    this.early = new EarlyBuffer<NotificationEvent>(capacity, (e) => e.method === 'turn/completed');
    this.started = new Promise((res, rej) => {
      this.resolveStarted = res;
      this.rejectStarted = rej;
    });
    this.completed = new Promise((res, rej) => {
      this.resolveCompleted = res;
      this.rejectCompleted = rej;
    });
    // Callers may use only the iterator; never let these surface as unhandled rejections.
    this.started.catch(() => undefined);
    this.completed.catch(() => undefined);
    this.untap = host.tap({
      notify: (e) => {
        this.onEvent(e);
      },
      fail: (err) => {
        this.fail(err);
      },
    });
  }

  /** The turn's id, once `turn/start` has answered. */
  get turnId(): string | undefined {
    return this.id;
  }

  /** @internal */
  attach(start: Promise<TurnStartResult>, signal: AbortSignal | undefined): void {
    if (signal) {
      if (signal.aborted) this.interruptWanted = true;
      else signal.addEventListener('abort', () => void this.interrupt().catch(() => undefined), { once: true });
    }
    start.then(
      (res) => {
        if (this.settled) return;
        this.id = res.turn.id;
        this.resolveStarted(res.turn);
        const early = this.early.take(this.id);
        for (const e of early.events) this.deliver(e);
        if (early.skipped > 0) {
          this.host.countDropped(early.skipped);
          this.queue.markDropped(early.skipped);
        }
        if (early.final) this.deliver(early.final);
        if (this.interruptWanted) void this.interrupt().catch(() => undefined);
      },
      (err: unknown) => {
        this.fail(err);
      },
    );
  }

  /**
   * Asks the server to interrupt the turn (`turn/interrupt`); the stream
   * then ends with the `turn/completed` whose status is `interrupted`.
   * Before `turn/start` has answered, the interrupt is sent as soon as it does.
   */
  async interrupt(): Promise<void> {
    if (this.settled) return;
    if (this.id === undefined) {
      this.interruptWanted = true;
      return;
    }
    await this.host.interrupt(this.id);
  }

  /** @internal */
  fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.cleanup();
    this.rejectStarted(err);
    this.rejectCompleted(err);
    this.queue.close({ error: err });
  }

  next(): Promise<IteratorResult<TurnStreamItem>> {
    return this.queue.next();
  }

  /** Stops reading (the turn itself keeps running; see {@link interrupt}). */
  return(): Promise<IteratorResult<TurnStreamItem>> {
    if (!this.settled) {
      this.settled = true;
      this.cleanup();
    }
    // Cast: the queue holds only this turn's stream items and lag markers, which TurnStreamItem includes.
    return this.queue.return() as Promise<IteratorResult<TurnStreamItem>>;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private onEvent(e: NotificationEvent): void {
    // Cast: any notification's params, read as unknown members and compared by value.
    const params = e.params as { threadId?: unknown } | undefined;
    if (!params || params.threadId !== this.threadId) return;
    const tid = turnIdOf(e);
    if (tid === undefined) return;
    if (this.id === undefined) {
      // turn/start has not answered yet: keep this thread's turn events until we know our id.
      this.early.add(tid, e);
      return;
    }
    if (tid === this.id) this.deliver(e);
  }

  private deliver(e: NotificationEvent): void {
    if (this.settled) return;
    if (e.method === 'turn/completed') {
      this.settled = true;
      this.cleanup();
      this.resolveCompleted(e.params.turn);
      this.queue.pushFinal(e);
      return;
    }
    this.queue.push(e);
  }

  private cleanup(): void {
    this.untap?.();
    this.untap = undefined;
    this.early.clear();
    this.host.done();
  }
}

function turnIdOf(e: NotificationEvent): string | undefined {
  // Cast: any notification's params, read as unknown members and type-checked below.
  const p = e.params as { turnId?: unknown; turn?: { id?: unknown } } | undefined;
  if (typeof p?.turnId === 'string') return p.turnId;
  if (typeof p?.turn?.id === 'string') return p.turn.id;
  return undefined;
}
