import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitLines, type OverlongLine } from '../src/lines.js';
import { runValidate, type ValidateJsonReport } from '../src/validate-command.js';
import { validateTranscript, validateTranscriptStream } from '../src/validate.js';

const line = (dir: 'c2s' | 's2c', msg: unknown) => JSON.stringify({ dir, msg });
const turnStart = (id: number) =>
  line('c2s', { id, method: 'turn/start', params: { threadId: 't', input: [{ type: 'text', text: `hi ${id}` }] } });
const badTurnStart = (id: number) =>
  line('c2s', { id, method: 'turn/start', params: { threadId: 't', input: [{ type: 'txt', text: 'x' }] } });
const initialized = line('c2s', { method: 'initialized' });

async function collect(chunks: Array<string | Uint8Array>, max: number): Promise<Array<string | OverlongLine>> {
  const out: Array<string | OverlongLine> = [];
  for await (const l of splitLines(Readable.from(chunks, { objectMode: true }), max)) out.push(l);
  return out;
}

function captureIO(stdinText: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdin: Readable.from([Buffer.from(stdinText)]),
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('splitLines', () => {
  it('splits across chunk boundaries, keeps multi-byte characters whole, yields a last line without newline', async () => {
    const text = 'ab\ncé\n\nlast';
    const bytes = Buffer.from(text);
    // Every way of cutting the input in two (including inside the 2-byte é) gives the same lines.
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)], 100)).toEqual(['ab', 'cé', '', 'last']);
    }
    expect(await collect(['x\r\ny\n'], 100)).toEqual(['x\r', 'y']);
  });

  it('skips a line over the bound, reporting its size, and goes on', async () => {
    expect(await collect(['12345\nab', 'cdefg\nok\n', '123456789'], 4)).toEqual([
      { tooLong: true, bytes: 5 },
      { tooLong: true, bytes: 7 },
      'ok',
      { tooLong: true, bytes: 9 },
    ]);
  });
});

describe('validateTranscriptStream', () => {
  it('gives the same report as validateTranscript, whatever the chunking', async () => {
    const lines = [turnStart(1), badTurnStart(2), 'not json', initialized, line('s2c', { id: 1, result: {} })];
    const text = lines.join('\n') + '\n';
    const expected = validateTranscript(text);
    expect(expected.failureCount).toBe(3);
    for (const size of [1, 7, 64, text.length]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await validateTranscriptStream(Readable.from(chunks))).toEqual(expected);
    }
  });

  it('keeps at most maxFailures failures but counts them all', async () => {
    const text = Array.from({ length: 50 }, (_, i) => badTurnStart(i)).join('\n');
    const report = await validateTranscriptStream(Readable.from([text]), { maxFailures: 3 });
    expect(report.failureCount).toBe(50);
    expect(report.failures.map((f) => f.line)).toEqual([1, 2, 3]);
    expect(report.ok).toBe(false);
  });

  it('reports an overlong line and keeps checking the next ones', async () => {
    const text = [turnStart(1), 'x'.repeat(5000), badTurnStart(2)].join('\n');
    const report = await validateTranscriptStream(Readable.from([text]), { maxLineBytes: 1000 });
    expect(report.failures.map((f) => [f.line, f.reason.slice(0, 30)])).toEqual([
      [2, 'line too long: 5000 bytes (lim'],
      [3, 'must be one of "text", "image"'],
    ]);
  });

  it('forgets the oldest unanswered request beyond maxPendingRequests, saying so', async () => {
    const text = [turnStart(1), turnStart(2), turnStart(3), line('s2c', { id: 1, result: {} })].join('\n');
    const report = await validateTranscriptStream(Readable.from([text]), { maxPendingRequests: 2 });
    expect(report.failures.map((f) => f.line)).toEqual([3, 4]);
    expect(report.failures[0]?.reason).toMatch(/stopped tracking the oldest \(turn\/start on line 1\)/);
    expect(report.failures[1]?.reason).toMatch(/^unmatched response/);
  });

  it('still reports a reused request id', async () => {
    const report = await validateTranscriptStream(Readable.from([[turnStart(7), turnStart(7)].join('\n')]));
    expect(report.failures).toEqual([
      expect.objectContaining({ line: 2, pointer: '/id', reason: 'reuses id 7 of the unanswered request on line 1' }),
    ]);
  });
});

describe('runValidate', () => {
  it('reads stdin for -, and --json prints one JSON report', async () => {
    const c = captureIO([turnStart(1), badTurnStart(2)].join('\n'));
    expect(await runValidate(['--json', '-'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as ValidateJsonReport;
    expect(report).toMatchObject({ input: '-', ok: false, empty: false, messages: 2, failureCount: 1 });
    expect(report.failures[0]).toMatchObject({ line: 2, method: 'turn/start', pointer: '/params/input/0/type' });
    expect(c.err()).toBe('');
  });

  it('exits 1 on an empty transcript with a note, 0 with --allow-empty', async () => {
    const a = captureIO('\n\n');
    expect(await runValidate(['-'], a.io)).toBe(1);
    expect(a.out()).toContain('EMPTY: the transcript holds no message');
    expect(a.err()).toMatch(/stdin is empty: no message to check \(exit 1; pass --allow-empty to accept\)/);
    const b = captureIO('');
    expect(await runValidate(['--allow-empty', '--json', '-'], b.io)).toBe(0);
    expect(JSON.parse(b.out())).toMatchObject({ ok: true, empty: true, messages: 0 });
  });

  it('lists at most --max-failures failures and says how many more there are', async () => {
    const c = captureIO(Array.from({ length: 5 }, (_, i) => badTurnStart(i)).join('\n'));
    expect(await runValidate(['--max-failures', '2', '-'], c.io)).toBe(1);
    expect(c.out()).toContain('failures (5):');
    expect(c.out()).toContain('... and 3 more');
    expect(c.out()).toMatch(/FAILED: 5 failures in 5 messages/);
  });

  it('rejects bad options with exit 2 and the usage', async () => {
    for (const argv of [
      [],
      ['a', 'b'],
      ['--bogus', 'a'],
      ['--max-failures', 'x', 'a'],
      ['--max-line-bytes', '0', 'a'],
    ]) {
      const c = captureIO('');
      expect(await runValidate(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err()).toMatch(/^cask validate: .*\n\nusage: cask validate/);
    }
  });
});

describe('cask bin: --version and --help', { timeout: 60_000 }, () => {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');
  const pkgVersion = (
    JSON.parse(
      spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], {
        cwd: path.dirname(path.dirname(bin)),
        encoding: 'utf8',
      }).stdout,
    ) as { version: string }
  ).version;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', ...(input !== undefined && { input }) });

  it('prints the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkgVersion}\n`);
    }
  });

  it('has --help for itself and every sub-command', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z][a-z-]*)/gm)].flatMap((m) =>
      m[1] === undefined ? [] : [m[1]],
    );
    expect(commands).toContain('validate');
    for (const command of commands) {
      const r = run([command, '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: cask ${command}`));
      expect(run(['help', command]).stdout).toBe(r.stdout);
    }
  });

  it('validates a transcript from stdin', () => {
    const r = run(['validate', '-'], [turnStart(1), initialized].join('\n') + '\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ok: 2 messages, all valid/);
    expect(r.status).toBe(0);
  });

  it('streams a file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cask-stream-')), 't.jsonl');
    writeFileSync(file, Array.from({ length: 2000 }, (_, i) => turnStart(i)).join('\n'));
    const r = run(['validate', '--json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ messages: 2000, counts: { 'c2s turn/start': { requests: 2000 } } });
  });
});
