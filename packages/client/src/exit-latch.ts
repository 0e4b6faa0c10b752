/**
 * The one place a transport records how its connection ended: set once,
 * reported to the sink once, awaited by `close()`.
 * @module
 */
import type { ServerExit, TransportSink } from './transport.js';

/** Records the end of a connection exactly once and wakes everyone waiting for it. */
export class ExitLatch {
  /**
   * How the connection ended, once it has (set only through {@link set}). A plain field rather than a
   * getter: transports read it for every message.
   */
  exit: ServerExit | undefined;
  private waiters: Array<(exit: ServerExit) => void> = [];
  private sink: TransportSink | undefined;

  /** The sink to tell (once) when the latch is set. */
  attach(sink: TransportSink): void {
    this.sink = sink;
  }

  /** Sets the latch (first call wins) and returns the exit that stands. */
  set(exit: ServerExit): ServerExit {
    if (this.exit) return this.exit;
    this.exit = exit;
    for (const w of this.waiters.splice(0)) w(exit);
    this.sink?.closed(exit);
    return exit;
  }

  /** Resolves with the exit once set, or with `undefined` after `ms`. */
  wait(ms: number): Promise<ServerExit | undefined> {
    if (this.exit) return Promise.resolve(this.exit);
    return new Promise((resolve) => {
      const waiter = (exit: ServerExit): void => {
        clearTimeout(timer);
        resolve(exit);
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      }, ms);
      this.waiters.push(waiter);
    });
  }
}

/**
 * Waits until the caller flushes `waiters` (calling each), or `ms` passes: resolves `true` when woken, `false` on
 * time-out (and then takes its waiter back out of the list, so nothing accumulates).
 */
export function waitForWake(waiters: Array<() => void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const waiter = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      const i = waiters.indexOf(waiter);
      if (i >= 0) waiters.splice(i, 1);
      resolve(false);
    }, ms);
    waiters.push(waiter);
  });
}
