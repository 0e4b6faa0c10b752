/**
 * The byte-level JSONL framing: chunk boundaries anywhere (also inside a
 * multi-byte character), blank lines, CRLF, over-long lines, non-objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, JsonlDecoder, type MalformedInput } from '../src/index.js';

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

  it('defaults to 64 MiB lines and refuses a limit that is not positive', () => {
    expect(DEFAULT_MAX_LINE_BYTES).toBe(64 * 1024 * 1024);
    for (const bad of [0, -1, Number.NaN]) {
      expect(
        () =>
          new JsonlDecoder(
            bad,
            () => undefined,
            () => undefined,
          ),
      ).toThrow(new RangeError(`maxLineBytes must be positive, got ${bad}`));
    }
    expect(
      () =>
        new JsonlDecoder(
          1,
          () => undefined,
          () => undefined,
        ),
    ).not.toThrow();
  });

  it('an over-long last line without a newline is reported at end(), never delivered', () => {
    const long = `{"x":"${'q'.repeat(300)}"}`;
    for (const chunks of [[Buffer.from(long)], [Buffer.from(long.slice(0, 50)), Buffer.from(long.slice(50))]]) {
      const { messages, problems } = decode(chunks, 100);
      expect(messages).toEqual([]);
      expect(problems.map((p) => p.message)).toEqual([
        `a line of ${long.length} bytes exceeds maxLineBytes (100); it was skipped`,
      ]);
      expect(problems[0]?.raw).toBe(`${long.slice(0, 200)}…`);
    }
  });

  it('a line spread over chunks is judged on its total length, exactly at the bound', () => {
    const line = `{"x":"${'w'.repeat(40)}"}`; // 48 bytes
    const halves = [Buffer.from(line.slice(0, 20)), Buffer.from(`${line.slice(20)}\n`)];
    expect(decode(halves, line.length).messages).toEqual([{ x: 'w'.repeat(40) }]);
    const over = decode(halves, line.length - 1);
    expect(over.messages).toEqual([]);
    expect(over.problems.map((p) => [p.message, p.raw])).toEqual([
      [`a line of ${line.length} bytes exceeds maxLineBytes (${line.length - 1}); it was skipped`, `${line}…`],
    ]);
    // Three pieces, the last one pushing it over: the preview joins the pieces.
    const three = [Buffer.from(line.slice(0, 10)), Buffer.from(line.slice(10, 30)), Buffer.from(`${line.slice(30)}\n`)];
    expect(decode(three, 40).problems.map((p) => p.raw)).toEqual([`${line}…`]);
    // Then the decoder is clean again: the next line is delivered.
    expect(decode([...three, Buffer.from('{"n":1}\n')], 40).messages).toEqual([{ n: 1 }]);
  });

  it('previews: at most 200 characters of a skipped line, 800 of an unparsable one', () => {
    const long = 'a'.repeat(1_000);
    const skipped = decode([Buffer.from(`${long}\n`)], 500).problems;
    expect(skipped[0]?.raw).toBe(`${'a'.repeat(200)}…`);
    const spread = decode(
      [Buffer.from('b'.repeat(150)), Buffer.from('c'.repeat(150)), Buffer.from('\n')],
      250,
    ).problems;
    expect(spread[0]?.raw).toBe(`${'b'.repeat(150)}${'c'.repeat(50)}…`);
    const bad = decode([Buffer.from(`${'{'.repeat(900)}\n`)]).problems;
    expect(bad[0]?.raw).toBe(`${'{'.repeat(800)}…`);
    const bad800 = decode([Buffer.from(`${'{'.repeat(800)}\n`)]).problems;
    expect(bad800[0]?.raw).toBe('{'.repeat(800));
    expect(bad[0]?.message).toMatch(/^not JSON: /);
  });

  it('accepts any Uint8Array view, honouring its offset and length', () => {
    const backing = Buffer.from('XX{"v":1}\n{"v":2}\nYY');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.length - 4);
    expect(decode([Buffer.from(view)]).messages).toEqual([{ v: 1 }, { v: 2 }]);
    const messages: unknown[] = [];
    const d = new JsonlDecoder(
      100,
      (m) => messages.push(m),
      () => undefined,
    );
    d.push(view);
    d.end();
    expect(messages).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('a partial line is copied: reusing the chunk memory afterwards does not change it', () => {
    const messages: unknown[] = [];
    const d = new JsonlDecoder(
      100,
      (m) => messages.push(m),
      () => undefined,
    );
    const chunk = Buffer.from('{"k":"ab');
    d.push(chunk);
    expect(d.bufferedBytes).toBe(chunk.length);
    chunk.fill(0x20);
    d.push(Buffer.from('c"}\n'));
    expect(messages).toEqual([{ k: 'abc' }]);
    expect(d.bufferedBytes).toBe(0);
  });

  it('a blank line (spaces or a lone CR) between pieces is not an error; a whitespace-only last line neither', () => {
    const { messages, problems } = decode([Buffer.from('  '), Buffer.from(' \r\n{"a":1}\n \t')]);
    expect(problems).toEqual([]);
    expect(messages).toEqual([{ a: 1 }]);
  });

  describe('a chunk that ends a line with nothing held over (decoded in one go)', () => {
    it('delivers every line of it, skipping blank ones, with CRLF and multi-byte text', () => {
      const { messages, problems } = decode([Buffer.from('{"a":"€"}\r\n\n  \n{"b":"😀"}\n{"c":3}\n')]);
      expect(problems).toEqual([]);
      expect(messages).toEqual([{ a: '€' }, { b: '😀' }, { c: 3 }]);
    });

    it('reports a single bad line without its newline, and a blank one not at all', () => {
      const bad = decode([Buffer.from('oops\n')]).problems;
      expect(bad.map((p) => [p.subject, p.raw])).toEqual([['unparsable line', 'oops']]);
      const crlf = decode([Buffer.from('oops\r\n')]).problems;
      expect(crlf.map((p) => p.raw)).toEqual(['oops\r']);
      const notObject = decode([Buffer.from('[1,2]\n')]).problems;
      expect(notObject.map((p) => [p.subject, p.raw])).toEqual([['not a JSON object', '[1,2]']]);
      expect(decode([Buffer.from('\n')]).problems).toEqual([]);
      expect(decode([Buffer.from(' \r\n')]).problems).toEqual([]);
    });

    it('after a partial line, the next chunk completes it even when that chunk ends a line', () => {
      const { messages } = decode([Buffer.from('{"p":'), Buffer.from('1}\n{"q":2}\n')]);
      expect(messages).toEqual([{ p: 1 }, { q: 2 }]);
    });

    it('after an over-long line began, a chunk ending a line still ends the skipped line first', () => {
      const { messages, problems } = decode([Buffer.from('x'.repeat(30)), Buffer.from('yy\n{"r":3}\n')], 20);
      expect(messages).toEqual([{ r: 3 }]);
      expect(problems.map((p) => p.message)).toEqual(['a line of 32 bytes exceeds maxLineBytes (20); it was skipped']);
    });

    it('a chunk longer than maxLineBytes is split line by line, each line judged alone', () => {
      const text = '{"s":"abcdefgh"}\n{"t":"abcdefgh"}\n'; // two lines of 16 bytes
      const { messages, problems } = decode([Buffer.from(text)], 16);
      expect(problems).toEqual([]);
      expect(messages).toEqual([{ s: 'abcdefgh' }, { t: 'abcdefgh' }]);
      const tight = decode([Buffer.from(text)], 15);
      expect(tight.messages).toEqual([]);
      expect(tight.problems).toHaveLength(2);
    });

    it('takes a plain Uint8Array (not a Buffer) that ends a line', () => {
      const bytes = new TextEncoder().encode('{"u":"ü"}\n{"v":1}\n');
      const messages: unknown[] = [];
      const d = new JsonlDecoder(
        100,
        (m) => messages.push(m),
        () => undefined,
      );
      d.push(bytes.subarray(0, 13));
      d.push(bytes.subarray(13));
      d.push(new Uint8Array(new TextEncoder().encode('{"w":2}\n')));
      expect(messages).toEqual([{ u: 'ü' }, { v: 1 }, { w: 2 }]);
    });
  });
});
