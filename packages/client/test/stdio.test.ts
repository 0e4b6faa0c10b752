/**
 * `StdioTransport` against small Node scripts (`node -e`) standing in for
 * the server: how the exit is reported (the server's own error line), the
 * environment and arguments the child gets, and the lifecycle edges.
 */
import { describe, expect, it } from 'vitest';
import { ServerExitedError } from '../src/errors.js';
import { resolveCodexBinary, StdioTransport } from '../src/stdio.js';
import type { ServerExit, TransportSink } from '../src/transport.js';

function sink() {
  const messages: Array<Record<string, unknown>> = [];
  let resolveExit!: (e: ServerExit) => void;
  const exited = new Promise<ServerExit>((r) => {
    resolveExit = r;
  });
  const s: TransportSink = {
    message: (m) => messages.push(m),
    malformed: () => undefined,
    closed: (e) => {
      resolveExit(e);
    },
  };
  return { sink: s, messages, exited };
}
const node = (script: string, extra: Partial<ConstructorParameters<typeof StdioTransport>[0]> = {}) =>
  new StdioTransport({ codexPath: process.execPath, args: ['-e', script], exitDrainMs: 50, ...extra });
/** Connects `t` and waits for its child to exit: the exit report. */
async function exitOf(t: StdioTransport): Promise<ServerExit> {
  const { sink: s, exited } = sink();
  await t.connect(s);
  return exited;
}

describe('StdioTransport exit report', () => {
  it('a failing server: the reason is its first error line (colours stripped), the tail keeps every line', async () => {
    const t = node(
      `process.stderr.write('info: starting\\nerrors are counted\\nxError: not this\\n\\u001b[31m  Error: bad config\\u001b[0m\\nfatal second\\n'); process.exit(3)`,
    );
    const { sink: s, exited } = sink();
    await t.connect(s);
    expect(t.pid).toBeGreaterThan(0);
    const exit = await exited;
    expect(exit.code).toBe(3);
    expect(exit.signal).toBeNull();
    expect(exit.reason).toBe('Error: bad config');
    expect(exit.stderrTail).toHaveLength(5);
    expect(exit.stderrTail[0]).toBe('info: starting');
    expect(t.stderrTail()).toEqual(exit.stderrTail);
  });

  it('"fatal" followed by a space counts; "error" without a separator does not', async () => {
    const t = node(`process.stderr.write('errorish: no\\nFATAL out of memory\\n'); process.exit(1)`);
    expect((await exitOf(t)).reason).toBe('FATAL out of memory');
  });

  it('no error line means no reason', async () => {
    const exit = await exitOf(node(`process.stderr.write('just talking\\n'); process.exit(2)`));
    expect(exit.code).toBe(2);
    expect(exit).not.toHaveProperty('reason');
  });

  it('a clean exit (code 0) reports no reason even with an error line on stderr', async () => {
    const exit = await exitOf(node(`process.stderr.write('Error: harmless\\n'); process.exit(0)`));
    expect(exit.code).toBe(0);
    expect(exit).not.toHaveProperty('reason');
    expect(exit.stderrTail).toEqual(['Error: harmless']);
  });

  it('a server killed by a signal (no code) reports the signal and no reason', async () => {
    const exit = await exitOf(
      node(`process.stderr.write('Error: dying\\n', () => process.kill(process.pid, 'SIGKILL'))`),
    );
    expect(exit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(exit).not.toHaveProperty('reason');
  });
});

describe('StdioTransport child process', () => {
  it('messages on stdout reach the sink; close() reports the real exit', async () => {
    const t = node(
      `process.stdout.write(JSON.stringify({ id: 1, result: { ok: true } }) + '\\n'); process.stdin.resume(); process.stdin.on('end', () => process.exit(0))`,
    );
    const { sink: s, messages } = sink();
    await t.connect(s);
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toEqual({ id: 1, result: { ok: true } });
    const exit = await t.close({ timeoutMs: 2_000 });
    expect(exit).toEqual({ code: 0, signal: null, stderrTail: [] });
  });

  it('inherits the environment by default and adds env; inheritEnv: false passes only env', async () => {
    const script = `process.stdout.write(JSON.stringify({ foo: process.env.CASK_FOO ?? null, path: process.env.PATH !== undefined }) + '\\n')`;
    for (const [inheritEnv, path] of [
      [undefined, true],
      [false, false],
      [true, true],
    ] as const) {
      const t = node(script, { env: { CASK_FOO: 'bar' }, ...(inheritEnv === undefined ? {} : { inheritEnv }) });
      const { sink: s, messages, exited } = sink();
      await t.connect(s);
      await exited;
      expect(messages, String(inheritEnv)).toEqual([{ foo: 'bar', path }]);
    }
  });

  it('runs `app-server` when no args are given', async () => {
    // node treats the default argument as a script path; its error names it.
    const exit = await exitOf(new StdioTransport({ codexPath: process.execPath, exitDrainMs: 50, cwd: '/' }));
    expect(exit.code).toBe(1);
    expect(exit.reason).toMatch(/^Error: Cannot find module '\/app-server'/);
  });

  it('connect twice is refused; pid is unknown before connect', async () => {
    const t = node(`process.stdin.resume(); process.stdin.on('end', () => process.exit(0))`);
    expect(t.pid).toBeUndefined();
    expect(t.kind).toBe('stdio');
    await t.connect(sink().sink);
    await expect(t.connect(sink().sink)).rejects.toThrow('StdioTransport.connect called twice');
    await t.close({ timeoutMs: 2_000 });
  });

  it('close() before connect reports "never started", the same for every call', async () => {
    const t = node('');
    const a = await t.close({ timeoutMs: 100 });
    expect(a).toEqual({ code: null, signal: null, stderrTail: [], reason: 'never started' });
    expect(await t.close({ timeoutMs: 100 })).toBe(a);
  });

  it('a binary that cannot be spawned rejects connect naming the path and where it came from', async () => {
    const t = new StdioTransport({ codexPath: '/nonexistent/cask-codex' });
    const { sink: s, exited } = sink();
    const err: unknown = await t.connect(s).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof ServerExitedError)) throw new Error('expected ServerExitedError');
    expect(err.exit.reason).toMatch(
      /^failed to start \/nonexistent\/cask-codex \(from option\): spawn \/nonexistent\/cask-codex ENOENT$/,
    );
    expect(err.message).toContain('starting codex app-server: the app-server connection ended (no exit code)');
    expect(await exited).toBe(err.exit);
    expect(await t.close({ timeoutMs: 100 })).toBe(err.exit);
  });

  it('a server that ignores stdin end and SIGTERM is killed and reported as such', async () => {
    const t = node(
      `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.stdout.write('{"ready":1}\\n')`,
    );
    const { sink: s, messages } = sink();
    await t.connect(s);
    await expect.poll(() => messages.length).toBe(1);
    const exit = await t.close({ timeoutMs: 300 });
    expect(exit).toMatchObject({ code: null, signal: 'SIGKILL' });
  });
});

describe('resolveCodexBinary', () => {
  it('an explicit path wins and is marked as the option', () => {
    expect(resolveCodexBinary('/x/codex')).toEqual({ path: '/x/codex', source: 'option' });
  });
});
