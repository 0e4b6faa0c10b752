/**
 * `EarlyBuffer`: holds a thread's turn events that arrive before `turn/start`
 * has answered (when the run does not yet know its turn id), bounded, and
 * counting what it had to drop so the run can report it.
 * @module
 */

/** What a run takes from its early buffer once it knows its turn id. @internal */
export interface EarlyTake<T> {
  /** The turn's buffered events, in arrival order (its final event excluded). */
  events: T[];
  /**
   * Events dropped because the buffer was full: those of the turn, plus
   * drops that could not be attributed to a turn (counted conservatively).
   */
  skipped: number;
  /** The turn's final event (`turn/completed`), if it already arrived. */
  final: T | undefined;
}

/**
 * Bounded buffer of early turn events, keyed by turn id. Holds at most
 * `capacity` ordinary events and `capacity` final events; a final event is
 * never dropped to make room for ordinary ones, so a turn that completes
 * before `turn/start` answers still ends its stream.
 * @internal
 */
export class EarlyBuffer<T> {
  private items: Array<{ turnId: string; event: T }> = [];
  private finals = new Map<string, T>();
  private dropped = new Map<string, number>();
  private unattributed = 0;

  constructor(
    readonly capacity: number,
    private readonly isFinal: (event: T) => boolean,
  ) {}

  /** Keeps `event` of turn `turnId`, or counts it as dropped when full. */
  add(turnId: string, event: T): void {
    if (this.isFinal(event)) {
      if (!this.finals.has(turnId) && this.finals.size >= this.capacity) {
        // Evict the oldest final (a turn that ended long before ours answered) and count it.
        const oldest = this.finals.keys().next();
        if (!oldest.done) this.finals.delete(oldest.value);
        this.unattributed++;
      }
      this.finals.set(turnId, event);
      return;
    }
    if (this.items.length < this.capacity) {
      this.items.push({ turnId, event });
      return;
    }
    const n = this.dropped.get(turnId);
    if (n !== undefined) this.dropped.set(turnId, n + 1);
    else if (this.dropped.size < this.capacity) this.dropped.set(turnId, 1);
    else this.unattributed++;
  }

  /** Everything held for `turnId`; empties the buffer (other turns' events are discarded). */
  take(turnId: string): EarlyTake<T> {
    const events = this.items.filter((x) => x.turnId === turnId).map((x) => x.event);
    const take: EarlyTake<T> = {
      events,
      skipped: (this.dropped.get(turnId) ?? 0) + this.unattributed,
      final: this.finals.get(turnId),
    };
    this.clear();
    return take;
  }

  /** Drops everything held. */
  clear(): void {
    this.items = [];
    this.finals = new Map();
    this.dropped = new Map();
    this.unattributed = 0;
  }
}
