/**
 * A bounded, single-consumer async queue that never drops silently: when it
 * is full, new items are counted and a marker telling the consumer how many
 * were skipped is delivered in their place.
 * @module
 */

/** Marker yielded in place of items that did not fit in a full queue. */
export interface LaggedEvent {
  kind: 'lagged';
  /** How many items were dropped at this point in the stream. */
  skipped: number;
}

/**
 * Default capacity of each subscription queue (`notifications()`, `events()`,
 * `serverRequests()`, `runTurn()`), in messages.
 *
 * Upstream's Rust `app-server-client` uses 128 for its in-process channels
 * (`DEFAULT_IN_PROCESS_CHANNEL_CAPACITY`, which is the app-server's transport
 * `CHANNEL_CAPACITY`). A Rust channel is drained by a concurrently running
 * task; here the consumer only runs between I/O callbacks, and one 64 KiB pipe
 * read can carry more than a thousand small delta notifications that are all
 * dispatched before the consumer gets a turn. A larger default keeps a
 * keeping-up consumer from ever seeing `lagged`, while memory stays bounded
 * (about capacity × message size per subscription).
 */
export const DEFAULT_QUEUE_CAPACITY = 10_000;

type Waiter<T> = (r: IteratorResult<T | LaggedEvent>) => void;

/**
 * A bounded queue consumed through async iteration. Storage is a growable
 * array used as a deque (head index + occasional compaction), so push and
 * shift are O(1) amortised even at large capacities.
 * @internal
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T | LaggedEvent> {
  private items: Array<T | LaggedEvent | undefined> = [];
  private head = 0;
  private waiting: Waiter<T> | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;
  /** Items (not lag markers) currently held. */
  private queued = 0;
  /** Total number of items dropped over the queue's life. */
  dropped = 0;

  constructor(
    readonly capacity: number,
    private readonly onDone?: () => void,
    /** Called with every item dropped because the queue was full. */
    private readonly onDrop?: (item: T) => void,
    /**
     * Called, after the queue closed, with the items still unread when the
     * consumer stopped iterating (`return()`, i.e. `break` out of a loop).
     */
    private readonly onDiscard?: (items: T[]) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** Number of items waiting to be read (lag markers excluded). */
  get size(): number {
    return this.queued;
  }

  /** Whether the stream has been closed (no more pushes are accepted). */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Adds an item, or counts it as dropped when the queue is full.
   * @param terminal marks an item that ends something the consumer waits for
   *   (a `turn/completed`): it is kept even when the queue is full, behind the
   *   lag marker of what was dropped, up to a second `capacity` of such items,
   *   so memory stays bounded.
   * @returns false when the item was dropped (queue full or closed).
   */
  push(item: T, terminal = false): boolean {
    if (this.closed) return false;
    const w = this.waiting;
    if (w !== undefined) {
      this.waiting = undefined;
      w({ value: item, done: false });
      return true;
    }
    if (this.queued >= (terminal ? 2 * this.capacity : this.capacity)) {
      this.addLag(1);
      this.onDrop?.(item);
      return false;
    }
    this.items.push(item);
    this.queued++;
    return true;
  }

  /**
   * Records that `n` items were dropped before reaching the queue (by its
   * producer): the consumer gets a lag marker for them at this point of the
   * stream, merged with one already at the end.
   */
  markDropped(n: number): void {
    if (this.closed || n <= 0) return;
    this.addLag(n);
  }

  private addLag(n: number): void {
    this.dropped += n;
    const w = this.waiting;
    if (w !== undefined) {
      this.waiting = undefined;
      this.rejectWaiting = undefined;
      const marker = new LagMarker();
      marker.skipped = n;
      w({ value: marker, done: false });
      return;
    }
    const last = this.items[this.items.length - 1];
    if (this.items.length > this.head && last instanceof LagMarker) last.skipped += n;
    else {
      const marker = new LagMarker();
      marker.skipped = n;
      this.items.push(marker);
    }
  }

  /**
   * Adds an item even when the queue is full (at most one such item per
   * queue is expected: a terminal event), then closes the stream.
   */
  pushFinal(item: T): void {
    if (this.closed) return;
    const w = this.waiting;
    if (w !== undefined) {
      this.waiting = undefined;
      w({ value: item, done: false });
    } else {
      this.items.push(item);
      this.queued++;
    }
    this.close();
  }

  /**
   * Ends the stream after the items already queued. With `error`, the
   * consumer's next read after those items rejects with it (once).
   */
  close(error?: { error: unknown }): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = error;
    const w = this.waiting;
    if (w !== undefined) {
      this.waiting = undefined;
      if (error) {
        this.failure = undefined;
        this.rejectWaiting?.(error.error);
      } else w({ value: undefined, done: true });
    }
    this.rejectWaiting = undefined;
    this.onDone?.();
  }

  private rejectWaiting: ((err: unknown) => void) | undefined;

  /** Removes and returns the next item, or undefined when empty. */
  shift(): T | LaggedEvent | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (!(item instanceof LagMarker)) this.queued--;
    return item;
  }

  next(): Promise<IteratorResult<T | LaggedEvent>> {
    const item = this.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.closed) {
      const f = this.failure;
      if (f) {
        this.failure = undefined;
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the stream rethrows exactly what its producer failed with
        return Promise.reject(f.error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    if (this.waiting) return Promise.reject(new Error('this iterator already has a pending next() call'));
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.rejectWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T | LaggedEvent>> {
    const unread =
      this.onDiscard && !this.closed
        ? this.items.slice(this.head).filter((x): x is T => x !== undefined && !(x instanceof LagMarker))
        : [];
    this.items = [];
    this.head = 0;
    this.queued = 0;
    this.close();
    this.failure = undefined;
    if (unread.length) this.onDiscard?.(unread);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** The concrete lag marker; a class so it can never be confused with a queued item. */
class LagMarker implements LaggedEvent {
  readonly kind = 'lagged' as const;
  skipped = 1;
}

/** Whether a stream item is the lag marker. */
export function isLagged(x: unknown): x is LaggedEvent {
  return x instanceof LagMarker;
}
