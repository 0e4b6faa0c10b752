/**
 * Newline-delimited JSON framing on raw bytes.
 *
 * A chunk that ends a line while nothing is held over (the usual case: a
 * response, a notification) holds whole lines only: it is decoded once and
 * split in the string. Any other chunk is split on the newline byte (0x0A)
 * without decoding it whole and without string concatenation: a line that lies
 * within one chunk is decoded straight from that chunk, and only a line
 * spanning chunks is assembled (once) from its pieces. Lines longer than
 * `maxLineBytes` are skipped without being buffered and reported once with
 * their size.
 * @module
 */
import { isRecord } from './json-rpc.js';
import type { MalformedInput } from './transport.js';

/** Default maximum line length: 64 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const PREVIEW_CHARS = 200;

/**
 * Incremental JSONL decoder: feed it chunks with {@link push}, call
 * {@link end} at end of input.
 */
export class JsonlDecoder {
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** Bytes of an over-long line skipped so far, or -1 when not skipping. */
  private skipped = -1;
  private skippedPreview = '';

  constructor(
    private readonly maxLineBytes: number,
    private readonly onMessage: (message: Record<string, unknown>) => void,
    private readonly onMalformed: (problem: MalformedInput) => void,
  ) {
    if (!(maxLineBytes > 0)) throw new RangeError(`maxLineBytes must be positive, got ${maxLineBytes}`);
  }

  /** Bytes of an incomplete line held right now (never more than `maxLineBytes`). */
  get bufferedBytes(): number {
    return this.partBytes;
  }

  /** Consumes one chunk (a `Buffer` or any `Uint8Array`). */
  push(input: Uint8Array): void {
    const size = input.length;
    if (this.partBytes === 0 && this.skipped < 0 && input[size - 1] === NEWLINE && size <= this.maxLineBytes) {
      // The usual chunk: nothing held over and it ends a line, so it holds whole lines, none too long. One
      // decode (a newline byte never sits inside a UTF-8 sequence), then the lines are found in the text.
      this.lines(
        Buffer.isBuffer(input) ? input.toString() : Buffer.from(input.buffer, input.byteOffset, size).toString(),
      );
      return;
    }
    this.pushBytes(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  }

  /** The general case: lines spanning chunks, over-long lines. */
  private pushBytes(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      if (this.skipped >= 0) {
        this.tooLong(this.skipped + (nl - start));
      } else if (this.partBytes > 0) {
        const total = this.partBytes + (nl - start);
        if (total > this.maxLineBytes) {
          this.skippedPreview = this.previewParts(chunk.subarray(start, nl));
          this.tooLong(total);
        } else {
          this.parts.push(chunk.subarray(start, nl));
          const line = Buffer.concat(this.parts, total).toString('utf8');
          this.parts = [];
          this.partBytes = 0;
          this.line(line);
        }
        this.parts = [];
        this.partBytes = 0;
      } else if (nl - start > this.maxLineBytes) {
        this.skippedPreview = chunk.toString('utf8', start, start + PREVIEW_CHARS);
        this.tooLong(nl - start);
      } else if (nl > start) {
        this.line(chunk.toString('utf8', start, nl));
      }
      start = nl + 1;
      // A chunk that ends with a newline (after a held-over part): no search past its end.
      nl = start < chunk.length ? chunk.indexOf(NEWLINE, start) : -1;
    }
    if (start >= chunk.length) return;
    const rest = chunk.length - start;
    if (this.skipped >= 0) {
      this.skipped += rest;
    } else if (this.partBytes + rest > this.maxLineBytes) {
      // Stop buffering: the line is already too long.
      this.skippedPreview = this.previewParts(chunk.subarray(start));
      this.skipped = this.partBytes + rest;
      this.parts = [];
      this.partBytes = 0;
    } else {
      // Copy: the stream may reuse the chunk's memory.
      this.parts.push(Buffer.from(chunk.subarray(start)));
      this.partBytes += rest;
    }
  }

  /** Flushes a final line that had no trailing newline. */
  end(): void {
    if (this.skipped >= 0) this.tooLong(this.skipped);
    else if (this.partBytes > 0) {
      const line = Buffer.concat(this.parts, this.partBytes).toString('utf8');
      this.parts = [];
      this.partBytes = 0;
      this.line(line);
    }
  }

  /** The first bytes of the buffered parts followed by `tail`, as text for error reports. */
  private previewParts(tail: Buffer): string {
    const pieces: Buffer[] = [];
    let n = 0;
    for (const part of [...this.parts, tail]) {
      if (n >= PREVIEW_CHARS) break;
      pieces.push(part.subarray(0, PREVIEW_CHARS - n));
      n += Math.min(part.length, PREVIEW_CHARS - n);
    }
    return Buffer.concat(pieces, n).toString('utf8');
  }

  private tooLong(bytes: number): void {
    this.skipped = -1;
    this.onMalformed({
      subject: 'line too long',
      message: `a line of ${bytes} bytes exceeds maxLineBytes (${this.maxLineBytes}); it was skipped`,
      raw: `${this.skippedPreview}…`,
    });
    this.skippedPreview = '';
  }

  /** Whole lines, each ending with a newline. */
  private lines(text: string): void {
    let nl = text.indexOf('\n');
    if (nl === text.length - 1) {
      // One line (a response, most notifications): JSON.parse ignores the newline at its end.
      this.line(text);
      return;
    }
    let start = 0;
    while (nl !== -1) {
      if (nl > start) this.line(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
  }

  private line(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      this.unparsable(text, err);
      return;
    }
    if (isRecord(parsed)) this.onMessage(parsed);
    else this.notObject(text, parsed);
  }

  private unparsable(text: string, err: unknown): void {
    if (text.trim() === '') return; // blank line (e.g. a lone CR): not an error
    this.onMalformed({
      subject: 'unparsable line',
      message: `not JSON: ${err instanceof Error ? err.message : String(err)}`,
      raw: preview(text),
    });
  }

  private notObject(text: string, parsed: unknown): void {
    this.onMalformed({
      subject: 'not a JSON object',
      message: `expected a JSON-RPC message object, got ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`,
      raw: preview(text),
    });
  }
}

/** A bad line as shown in a report: without the newline a one-line chunk still ends with, at most 800 characters. */
function preview(line: string): string {
  const text = line.endsWith('\n') ? line.slice(0, -1) : line;
  return text.length > 4 * PREVIEW_CHARS ? `${text.slice(0, 4 * PREVIEW_CHARS)}…` : text;
}
