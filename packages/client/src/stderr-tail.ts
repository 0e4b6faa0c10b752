/**
 * The server's stderr, read in bounded chunks: split into lines without
 * ever buffering more than `maxLineBytes` of one line, and the last lines
 * kept under both a line count and a byte cap.
 * @module
 */

/** Default number of stderr lines kept for error messages. */
export const DEFAULT_STDERR_TAIL_LINES = 50;
/** Default cap on the bytes of all kept stderr lines together. */
export const DEFAULT_STDERR_TAIL_BYTES = 16 * 1024;
/** Longest stderr line kept or passed to `onStderr`, in bytes; the rest of the line is dropped. */
export const DEFAULT_STDERR_LINE_BYTES = 8 * 1024;

const NEWLINE = 0x0a;

/** Splits stderr into bounded lines and keeps a bounded tail of them. */
export class StderrTail {
  private readonly lines: string[] = [];
  private bytes = 0;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** Bytes of the current line dropped past `maxLineBytes`. */
  private overflow = 0;

  constructor(
    private readonly maxLines: number = DEFAULT_STDERR_TAIL_LINES,
    private readonly maxBytes: number = DEFAULT_STDERR_TAIL_BYTES,
    private readonly maxLineBytes: number = DEFAULT_STDERR_LINE_BYTES,
    private readonly onLine?: (line: string) => void,
  ) {}

  /** The kept lines, oldest first. */
  tail(): string[] {
    return [...this.lines];
  }

  /** Consumes one chunk of stderr (a `Buffer` or any `Uint8Array`: the declaration asks for no Node types). */
  push(chunk: Uint8Array): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      this.take(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  }

  /** Flushes a last line without a newline. */
  end(): void {
    if (this.partialBytes > 0 || this.overflow > 0) this.endLine();
  }

  /** Adds a line of the client's own (e.g. a spawn failure) to the tail. */
  note(line: string): void {
    this.keep(line);
  }

  private take(piece: Uint8Array): void {
    const room = this.maxLineBytes - this.partialBytes;
    if (piece.length <= room) {
      if (piece.length > 0) {
        this.partial.push(Buffer.from(piece));
        this.partialBytes += piece.length;
      }
      return;
    }
    if (room > 0) {
      this.partial.push(Buffer.from(piece.subarray(0, room)));
      this.partialBytes += room;
    }
    this.overflow += piece.length - Math.max(room, 0);
  }

  private endLine(): void {
    let line = Buffer.concat(this.partial, this.partialBytes).toString('utf8');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (this.overflow > 0) line += `… (${this.overflow} more bytes of this line dropped)`;
    this.partial = [];
    this.partialBytes = 0;
    this.overflow = 0;
    this.keep(line);
    try {
      this.onLine?.(line);
    } catch {
      // A throwing onStderr callback must not stop stderr from being read (the pipe would fill and stall the server).
    }
  }

  private keep(line: string): void {
    const size = Buffer.byteLength(line);
    this.lines.push(line);
    this.bytes += size;
    while (this.lines.length > this.maxLines || (this.bytes > this.maxBytes && this.lines.length > 1)) {
      const dropped = this.lines.shift();
      if (dropped !== undefined) this.bytes -= Buffer.byteLength(dropped);
    }
  }
}
