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

/** Default capacity of each notification/event subscription. */
export const DEFAULT_QUEUE_CAPACITY = 10_000;

/**
 * A bounded queue consumed through async iteration.
 * @internal
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T | LaggedEvent> {
  private readonly items: Array<T | LaggedEvent> = [];
  private waiting: ((r: IteratorResult<T | LaggedEvent>) => void) | undefined;
  private closed = false;
  private queued = 0;
  /** Total number of items dropped over the queue's life. */
  dropped = 0;

  constructor(
    readonly capacity: number,
    private readonly onDone?: () => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** Adds an item, or counts it as dropped when the queue is full. */
  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: item, done: false });
      return;
    }
    if (this.queued >= this.capacity) {
      this.dropped++;
      const last = this.items[this.items.length - 1];
      if (isLagged(last)) last.skipped++;
      else this.items.push(new LagMarker());
      return;
    }
    this.items.push(item);
    this.queued++;
  }

  /** Ends the stream after the items already queued. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: undefined, done: true });
    }
    this.onDone?.();
  }

  next(): Promise<IteratorResult<T | LaggedEvent>> {
    const item = this.items.shift();
    if (item !== undefined) {
      if (!isLagged(item)) this.queued--;
      return Promise.resolve({ value: item, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.waiting) return Promise.reject(new Error('this iterator already has a pending next() call'));
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T | LaggedEvent>> {
    this.items.length = 0;
    this.queued = 0;
    this.close();
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

function isLagged(x: unknown): x is LagMarker {
  return x instanceof LagMarker;
}
