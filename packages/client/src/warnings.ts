/**
 * Process warnings printed when nothing subscribes to protocol issues,
 * rate-limited so a peer that sends a million bad lines cannot flood the
 * host's stderr; what was held back is counted and said in the next one.
 * @module
 */

/** Warnings printed per window before the rest are counted instead. */
export const WARNING_BURST = 5;
/** Length of a rate-limit window, in ms. */
export const WARNING_WINDOW_MS = 10_000;

/** Rate-limited `process.emitWarning`. */
export class WarningLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private inWindow = 0;
  private held = 0;
  /** Warnings suppressed so far (not printed), over the limiter's life. */
  suppressed = 0;

  constructor(
    private readonly type: string,
    private readonly emit: (message: string, type: string) => void = (m, t) => {
      process.emitWarning(m, t);
    },
    private readonly now: () => number = () => performance.now(),
    private readonly burst = WARNING_BURST,
    private readonly windowMs = WARNING_WINDOW_MS,
  ) {}

  /** Prints `message` unless this window's budget is spent. @returns whether it was printed. */
  warn(message: string): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.burst) {
      this.held++;
      this.suppressed++;
      return false;
    }
    this.inWindow++;
    const note = this.held > 0 ? ` (${this.held} similar warnings were suppressed before this one)` : '';
    this.held = 0;
    this.emit(`${message}${note}`, this.type);
    return true;
  }
}
