/**
 * Splits a byte stream into lines with a bound on line length, so that a
 * hostile or corrupt input (a gigabyte without a newline) cannot make the
 * reader buffer it all. `node:readline` has no such bound, hence this.
 * @module
 */

/** A line longer than the bound: its bytes were skipped, only their count is kept. */
export interface OverlongLine {
  tooLong: true;
  /** Length of the line in bytes (without its newline). */
  bytes: number;
}

const NEWLINE = 0x0a;

function toBytes(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Yields each line of `chunks` (UTF-8, without its `\n`; a final line without
 * a newline is yielded too) or, for a line over `maxLineBytes`, an
 * {@link OverlongLine}. Holds at most `maxLineBytes` plus one chunk in memory.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<string | OverlongLine> {
  if (!(maxLineBytes > 0)) throw new RangeError(`maxLineBytes must be positive, got ${maxLineBytes}`);
  let parts: Buffer[] = [];
  let held = 0;
  /** Bytes of the current line when it is over the bound (then `parts` is empty), else -1. */
  let skipping = -1;
  for await (const input of chunks) {
    const chunk = toBytes(input);
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      const piece = nl - start;
      if (skipping >= 0) {
        yield { tooLong: true, bytes: skipping + piece };
      } else if (held + piece > maxLineBytes) {
        yield { tooLong: true, bytes: held + piece };
      } else if (held > 0) {
        parts.push(chunk.subarray(start, nl));
        yield Buffer.concat(parts, held + piece).toString('utf8');
      } else {
        yield chunk.toString('utf8', start, nl);
      }
      parts = [];
      held = 0;
      skipping = -1;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    const rest = chunk.length - start;
    if (rest === 0) continue;
    if (skipping >= 0) skipping += rest;
    else if (held + rest > maxLineBytes) {
      skipping = held + rest;
      parts = [];
      held = 0;
    } else {
      // Copy: a stream may reuse the chunk's memory.
      parts.push(Buffer.from(chunk.subarray(start)));
      held += rest;
    }
  }
  if (skipping >= 0) yield { tooLong: true, bytes: skipping };
  else if (held > 0) yield Buffer.concat(parts, held).toString('utf8');
}
