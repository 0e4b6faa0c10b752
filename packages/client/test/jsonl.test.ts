/**
 * The byte-level JSONL framing: chunk boundaries anywhere (also inside a
 * multi-byte character), blank lines, CRLF, over-long lines, non-objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonlDecoder, type MalformedInput } from '../src/index.js';

function decode(chunks: Buffer[], maxLineBytes = 1 << 20) {
  const messages: unknown[] = [];
  const problems: MalformedInput[] = [];
  const d = new JsonlDecoder(
    maxLineBytes,
    (m) => messages.push(m),
    (p) => problems.push(p),
  );
  for (const c of chunks) d.push(c);
  d.end();
  return { messages, problems };
}

/** Cuts `buf` at the given (sorted, deduplicated) offsets. */
function cut(buf: Buffer, offsets: number[]): Buffer[] {
  const points = [...new Set(offsets.map((o) => o % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out.filter((b) => b.length > 0);
}

describe('JsonlDecoder', () => {
  it('yields the same messages however the byte stream is chunked', () => {
    const message = fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean()),
      {
        maxKeys: 4,
      },
    );
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (msgs, offsets, crlf) => {
          const text = msgs.map((m) => JSON.stringify(m) + (crlf ? '\r\n' : '\n')).join('');
          const { messages, problems } = decode(cut(Buffer.from(text, 'utf8'), offsets));
          expect(problems).toEqual([]);
          expect(messages).toEqual(msgs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes a multi-byte character split across chunks', () => {
    const buf = Buffer.from('{"text":"h€llo ✓ 😀"}\n', 'utf8');
    const euro = buf.indexOf(0xe2);
    expect(
      decode([buf.subarray(0, euro + 1), buf.subarray(euro + 1, euro + 2), buf.subarray(euro + 2)]).messages,
    ).toEqual([{ text: 'h€llo ✓ 😀' }]);
  });

  it('skips blank lines, accepts a final line without newline', () => {
    const { messages, problems } = decode([Buffer.from('\n\r\n  \n{"a":1}\n{"b":2}')]);
    expect(problems).toEqual([]);
    expect(messages).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reports non-JSON and non-object lines by name and keeps going', () => {
    const { messages, problems } = decode([Buffer.from('garbage here\n[1,2]\n42\nnull\n{"ok":true}\n')]);
    expect(messages).toEqual([{ ok: true }]);
    expect(problems.map((p) => `${p.subject}: ${p.message}`)).toEqual([
      expect.stringMatching(/^unparsable line: not JSON: /),
      'not a JSON object: expected a JSON-RPC message object, got an array',
      'not a JSON object: expected a JSON-RPC message object, got number',
      'not a JSON object: expected a JSON-RPC message object, got null',
    ]);
    expect(problems[0]?.raw).toBe('garbage here');
  });

  it('skips a line past maxLineBytes without buffering it, in one chunk or spread over many', () => {
    const long = `{"x":"${'y'.repeat(500)}"}`;
    const text = Buffer.from(`{"before":1}\n${long}\n{"after":2}\n`);
    for (const chunkSize of [1, 7, 64, text.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.subarray(i, i + chunkSize));
      const { messages, problems } = decode(chunks, 100);
      expect(messages).toEqual([{ before: 1 }, { after: 2 }]);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.subject).toBe('line too long');
      expect(problems[0]?.message).toBe(`a line of ${long.length} bytes exceeds maxLineBytes (100); it was skipped`);
      expect(String(problems[0]?.raw).startsWith('{"x":"yyy')).toBe(true);
    }
  });

  it('holds at most maxLineBytes of an over-long line at any moment, however it is chunked', () => {
    const messages: unknown[] = [];
    const problems: MalformedInput[] = [];
    const d = new JsonlDecoder(
      100,
      (m) => messages.push(m),
      (p) => problems.push(p),
    );
    let peak = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 160; i++) {
      d.push(chunk); // 10 MiB of one line, no newline yet
      peak = Math.max(peak, d.bufferedBytes);
    }
    expect(peak).toBeLessThanOrEqual(100);
    d.push(Buffer.from('\n{"after":1}\n'));
    expect(d.bufferedBytes).toBe(0);
    expect(messages).toEqual([{ after: 1 }]);
    expect(problems.map((p) => p.message)).toEqual([
      `a line of ${160 * 64 * 1024} bytes exceeds maxLineBytes (100); it was skipped`,
    ]);
  });

  it('accepts a line of exactly maxLineBytes', () => {
    const line = `{"x":"${'z'.repeat(20)}"}`;
    expect(decode([Buffer.from(line + '\n')], line.length).messages).toHaveLength(1);
    expect(decode([Buffer.from(line + '\n')], line.length - 1).problems).toHaveLength(1);
  });
});
