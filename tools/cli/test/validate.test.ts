import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, validateTranscript } from '../src/validate.js';

type Line = { dir: 'c2s' | 's2c'; msg: unknown; [k: string]: unknown };
const jsonl = (lines: Array<Line | string>) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

const usage = { cachedInputTokens: 0, inputTokens: 1, outputTokens: 1, reasoningOutputTokens: 0, totalTokens: 2 };
const turn = { id: 'turn_1', items: [], status: 'inProgress', error: null };

/** A small conversation: a client request and its answer, a server request (id 0, colliding with a client id) and its answer. */
const valid: Line[] = [
  {
    dir: 'c2s',
    msg: { id: 0, method: 'turn/start', params: { threadId: 'thr_1', input: [{ type: 'text', text: 'hi' }] } },
    ts: 1,
  },
  {
    dir: 's2c',
    msg: {
      method: 'thread/tokenUsage/updated',
      params: { threadId: 'thr_1', turnId: 'turn_1', tokenUsage: { total: usage, last: usage } },
    },
  },
  {
    dir: 's2c',
    msg: {
      id: 0,
      method: 'item/commandExecution/requestApproval',
      params: { threadId: 'thr_1', turnId: 'turn_1', itemId: 'item_1', startedAtMs: 1700000000000 },
    },
  },
  { dir: 'c2s', msg: { id: 0, result: { decision: 'accept' } } },
  { dir: 's2c', msg: { id: 0, result: { turn } } },
  { dir: 'c2s', msg: { id: 1, method: 'turn/interrupt', params: { threadId: 'thr_1', turnId: 'turn_1' } } },
  { dir: 's2c', msg: { id: 1, error: { code: -32600, message: 'no turn running' } } },
  { dir: 'c2s', msg: { method: 'initialized' } },
];

describe('validateTranscript', () => {
  it('accepts a valid transcript, matching responses by id and direction', () => {
    const text = jsonl(valid).replace('\n', '\n\n'); // a blank line is skipped
    const report = validateTranscript(text);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.messages).toBe(valid.length);
    expect(report.counts['c2s turn/start']).toEqual({ requests: 1, notifications: 0, responses: 1, errors: 0 });
    expect(report.counts['s2c item/commandExecution/requestApproval']).toEqual({
      requests: 1,
      notifications: 0,
      responses: 1,
      errors: 0,
    });
    expect(report.counts['c2s turn/interrupt']).toEqual({ requests: 1, notifications: 0, responses: 0, errors: 1 });
    expect(report.counts['s2c thread/tokenUsage/updated']).toEqual({
      requests: 0,
      notifications: 1,
      responses: 0,
      errors: 0,
    });
    expect(formatReport(report)).toMatch(/ok: 8 messages, all valid$/);
  });

  it('also takes an iterable of lines', () => {
    expect(validateTranscript(valid.map((l) => JSON.stringify(l))).ok).toBe(true);
  });

  it('checks a response against the method of the request it answers (not the other direction)', () => {
    // Swap the two answers to id 0: each now fails its own request's result schema.
    const [first, , third] = valid;
    if (!first || !third) throw new Error('fixture too short');
    const swapped = [
      first,
      third,
      { dir: 'c2s', msg: { id: 0, result: { turn } } } as Line,
      { dir: 's2c', msg: { id: 0, result: { decision: 'accept' } } } as Line,
    ];
    const report = validateTranscript(jsonl(swapped));
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.objectContaining({
        line: 3,
        method: 'item/commandExecution/requestApproval',
        kind: 'response',
        pointer: '/result/decision',
        reason: 'is required',
      }),
      expect.objectContaining({
        line: 4,
        method: 'turn/start',
        kind: 'response',
        pointer: '/result/turn',
        reason: 'is required',
      }),
    ]);
  });

  it('reports each failure kind with its line', () => {
    const lines: Array<Line | string> = [
      {
        dir: 'c2s',
        msg: { id: 5, method: 'turn/start', params: { threadId: 'thr_1', input: [{ type: 'txt', text: 'hi' }] } },
      }, // 1 invalid params
      '{"dir":"c2s","msg":', // 2 not JSON
      { dir: 'c2s', msg: { id: 6, method: 'foo/bar', params: {} } }, // 3 unknown method
      { dir: 's2c', msg: { id: 99, result: {} } }, // 4 unmatched response
      { dir: 's2c', msg: { id: 5 } }, // 5 bad envelope
      { dir: 'sideways', msg: { method: 'initialized' } } as unknown as Line, // 6 bad direction
      {
        dir: 's2c',
        msg: { method: 'turn/completed', params: { threadId: 'thr_1', turn: { ...turn, status: 'done' } } },
      }, // 7 invalid notification
      '[1,2]', // 8 not an object
      { dir: 'c2s', msg: { id: 0, result: { decision: 'accept' } } }, // 9 answers a server request that never came
    ];
    const report = validateTranscript(jsonl(lines));
    expect(report.ok).toBe(false);
    const text = formatReport(report);
    const byLine = (n: number) => report.failures.filter((f) => f.line === n);
    expect(byLine(1)).toHaveLength(1);
    expect(byLine(1)[0]).toMatchObject({ method: 'turn/start', kind: 'request', pointer: '/params/input/0/type' });
    expect(byLine(1)[0]?.reason).toMatch(/^must be one of "text", .*\(got "txt"\)$/);
    expect(text).toContain('line 1: turn/start request: /params/input/0/type must be one of "text", "image"');
    expect(byLine(2)[0]?.reason).toMatch(/^not JSON: /);
    expect(text).toContain('line 3: foo/bar request: unknown client request method "foo/bar"');
    expect(text).toContain('line 4: response: /id unmatched response: no pending c2s request with id 99');
    expect(byLine(5)[0]?.reason).toBe('bad envelope: a response needs "result" or "error"');
    expect(byLine(6)[0]).toMatchObject({ pointer: '/dir', reason: 'must be "c2s" or "s2c" (got "sideways")' });
    expect(byLine(7)).toEqual([
      expect.objectContaining({ method: 'turn/completed', kind: 'notification', pointer: '/params/turn/status' }),
    ]);
    expect(byLine(8)[0]?.reason).toMatch(/must be an object/);
    expect(text).toContain('line 9: response: /id unmatched response: no pending s2c request with id 0');
    expect(report.failures.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(text).toMatch(/FAILED: 9 failures in 9 messages$/);
    // The unknown method still counts; the unmatched response does not.
    expect(report.counts['c2s foo/bar']).toMatchObject({ requests: 1 });
  });

  it('experimental mode uses the experimental bundle', () => {
    const line: Line = {
      dir: 'c2s',
      msg: {
        id: 1,
        method: 'turn/start',
        params: { threadId: 't', input: [], multiAgentMode: { custom: 'x', extra: 1 } },
      },
    };
    expect(validateTranscript(jsonl([line])).ok).toBe(true);
    const report = validateTranscript(jsonl([line]), { experimental: true });
    expect(report.failures).toEqual([expect.objectContaining({ line: 1, pointer: '/params/multiAgentMode/extra' })]);
  });
});

describe('cask bin', { timeout: 60_000 }, () => {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'cask-validate-test-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('is built', () => {
    expect(existsSync(bin), 'run `pnpm --filter @cask/cli build` first').toBe(true);
  });

  it('exits 0 on a valid transcript and prints the counts', () => {
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(file, jsonl(valid));
    const r = run('validate', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/c2s turn\/start\s+1\s+0\s+1\s+0/);
    expect(r.stdout).toMatch(/ok: 8 messages, all valid/);
  });

  it('exits 1 and lists failures on an invalid transcript', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, jsonl([...valid.slice(0, 1), { dir: 's2c', msg: { id: 0, result: {} } }]));
    const r = run('validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('line 2: turn/start response: /result/turn is required');
  });

  it('reports lines nested 5 000 and 100 000 levels deep as failures, without a stack trace', () => {
    // Written as text: JSON.stringify itself cannot nest that deep.
    const arrays = (n: number) => `${'['.repeat(n)}"leaf"${']'.repeat(n)}`;
    const objects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const lines: string[] = [];
    for (const n of [5_000, 100_000]) {
      lines.push(
        `{"dir":"c2s","msg":{"id":1,"method":"turn/start","params":{"threadId":"t","input":${arrays(n)}}}}`,
        `{"dir":"c2s","msg":{"method":"initialized","params":${objects(n)}}}`,
        `{"dir":"s2c","msg":{"id":1,"result":${objects(n)}}}`,
        `{"dir":${objects(n)},"msg":{"method":"initialized"}}`,
        `{"dir":"c2s","msg":${arrays(n)}}`,
      );
    }
    const file = path.join(dir, 'deep.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = run('validate', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    expect(r.stdout).toContain('line 1: turn/start request: /params/input/0 must be an object (got [[[[');
    expect(r.stdout).toContain('line 2: initialized notification: /params must be absent');
    expect(r.stdout).toContain('line 3: turn/start response: /result/turn is required');
    expect(r.stdout).toContain('line 4: /dir must be "c2s" or "s2c" (got {"a":{"a":');
    expect(r.stdout).toContain('line 10: bad envelope: a message must be a JSON object (got an array)');
    expect(r.stdout).toMatch(/FAILED: 10 failures in 10 messages/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(300);
  });

  it('exits 2 on usage errors', () => {
    expect(run('validate').status).toBe(2);
    expect(run('validate', path.join(dir, 'missing.jsonl')).stderr).toMatch(/cannot read/);
    expect(run('validate', path.join(dir, 'missing.jsonl')).status).toBe(2);
    expect(run('validate', 'a', 'b').status).toBe(2);
    expect(run('validate', '--bogus', 'a').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
    expect(run().status).toBe(2);
  });
});
