/**
 * `SpawnedWebSocketTransport` against a stand-in for `codex app-server
 * --listen` (fixtures/fake-ws-server.mjs, run by node): the arguments it is
 * spawned with, the address learnt from stderr, the options passed to the
 * process, start-up failures, the server exiting or dropping the socket, and
 * shutdown of a server that ignores SIGTERM. The real server is tested in
 * websocket-server.test.ts.
 */
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppServerClient,
  ServerExitedError,
  SpawnedWebSocketTransport,
  type SpawnedWebSocketOptions,
} from '../src/index.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-ws-server.mjs', import.meta.url));

const clients: AppServerClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown({ timeoutMs: 1_000 })));
});

function transportFor(mode = '', extra: SpawnedWebSocketOptions = {}): SpawnedWebSocketTransport {
  return new SpawnedWebSocketTransport({
    codexPath: process.execPath,
    args: [FAKE],
    ...extra,
    env: { FAKE_WS_MODE: mode, ...extra.env },
  });
}

async function started(
  transport: SpawnedWebSocketTransport,
): Promise<{ client: AppServerClient; transport: SpawnedWebSocketTransport }> {
  const client = await AppServerClient.start({
    transport,
    clientInfo: { name: 'ws-spawned', version: '0' },
    onProtocolIssue: () => undefined,
  });
  clients.push(client);
  return { client, transport };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('SpawnedWebSocketTransport (stand-in server)', () => {
  it('spawns args + --listen ws://127.0.0.1:0, connects to the reported address, and stops the server on shutdown', async () => {
    const lines: string[] = [];
    process.env['CASK_WS_INHERITED'] = 'from-parent';
    const transport = transportFor('', {
      onStderr: (l) => lines.push(l),
      env: { FAKE_WS_ECHO_ENV: 'CASK_WS_INHERITED' },
      cwd: tmpdir(),
    });
    expect(transport.kind).toBe('websocket');
    expect(transport.binary).toEqual({ path: process.execPath, source: 'option' });
    expect(transport.pid).toBeUndefined();
    expect(transport.url).toBeUndefined();
    const { client } = await started(transport);
    delete process.env['CASK_WS_INHERITED'];
    expect(transport.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(client.serverInfo.userAgent).toBe('fake-ws/0');
    await expect(client.requestRaw('test/echo', {})).resolves.toEqual({ method: 'test/echo' });
    expect(lines[0]).toBe(`args: ${JSON.stringify(['--listen', 'ws://127.0.0.1:0'])}`);
    expect(lines).toContain('env: from-parent');
    expect(lines).toContain(`cwd: ${tmpdir()}`);
    // The address line came with colour codes; the readyz line after it did not change the address.
    expect(lines.some((l) => l.includes('readyz'))).toBe(true);
    expect(transport.stderrTail()).toEqual(lines);
    const pid = transport.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    const exit = await client.shutdown({ timeoutMs: 2_000 });
    expect(exit.code).toBe(1000);
    expect(exit.reason).toMatch(/^closed by the client/);
    expect(exit.stderrTail).toContain(`cwd: ${tmpdir()}`);
    expect(alive(pid)).toBe(false);
    // Idempotent: the same exit again.
    await expect(transport.close({ timeoutMs: 100 })).resolves.toBe(exit);
  });

  it('listens where `listen` says, and with inheritEnv: false starts from an empty environment', async () => {
    process.env['CASK_WS_INHERITED'] = 'from-parent';
    try {
      const lines: string[] = [];
      const transport = transportFor('', {
        listen: 'ws://127.0.0.1:0/custom',
        inheritEnv: false,
        env: { FAKE_WS_ECHO_ENV: 'CASK_WS_INHERITED' },
        onStderr: (l) => lines.push(l),
      });
      await started(transport);
      expect(lines[0]).toBe(`args: ${JSON.stringify(['--listen', 'ws://127.0.0.1:0/custom'])}`);
      expect(lines).toContain('env: (unset)');
    } finally {
      delete process.env['CASK_WS_INHERITED'];
    }
  });

  it('the default args are app-server (node, spawned with them, looks for a script of that name)', async () => {
    const transport = new SpawnedWebSocketTransport({ codexPath: process.execPath, cwd: tmpdir() });
    const err: unknown = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerExitedError);
    expect(transport.stderrTail().join('\n')).toContain(`Cannot find module '${tmpdir()}/app-server'`);
  });

  it('a server that exits before announcing an address fails start with its code and stderr', async () => {
    const transport = transportFor('exit-at-start');
    const err: unknown = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerExitedError);
    const exitErr = err as ServerExitedError;
    expect(exitErr.message).toMatch(/^starting codex app-server --listen: the app-server connection ended \(code 4\)/);
    expect(exitErr.exit.code).toBe(4);
    expect(exitErr.exit.stderrTail).toContain('fatal: cannot listen');
  });

  it('a server that never announces an address is killed after startTimeoutMs', async () => {
    const transport = transportFor('silent', { startTimeoutMs: 300 });
    const t0 = performance.now();
    const err: unknown = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } }).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).message).toContain('the server did not report a listening address within 300 ms');
    const pid = transport.pid ?? 0;
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
  });

  it('a binary that cannot be spawned fails start naming it', async () => {
    const transport = new SpawnedWebSocketTransport({ codexPath: '/nonexistent/codex-for-test' });
    const err: unknown = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).message).toContain('failed to start /nonexistent/codex-for-test: spawn');
  });

  it('connect() twice is refused', async () => {
    const { transport } = await started(transportFor());
    await expect(
      transport.connect({ message: () => undefined, malformed: () => undefined, closed: () => undefined }),
    ).rejects.toThrow('SpawnedWebSocketTransport.connect called twice');
  });

  it('the server process exiting ends pending work with its exit code and stderr, and no more is sent', async () => {
    const { client, transport } = await started(transportFor());
    const pending = client.requestRaw('test/exit', {});
    await expect(pending).rejects.toThrow(/the app-server connection ended \(code 5\): the app-server process exited/);
    const exit = await client.exited;
    expect(exit.code).toBe(5);
    expect(exit.reason).toBe('the app-server process exited');
    expect(exit.stderrTail).toContain('exiting on request');
    // Sending after the end is a no-op for the transport (the client refuses on its own).
    expect(() => {
      transport.send({ method: 'x', params: {} });
    }).not.toThrow();
    await expect(transport.close({ timeoutMs: 200 })).resolves.toBe(exit);
  });

  it('the socket dropping while the process lives ends the connection with the socket close', async () => {
    const { client, transport } = await started(transportFor());
    const pid = transport.pid ?? 0;
    await expect(client.requestRaw('test/dropSocket', {})).rejects.toThrow(ServerExitedError);
    const exit = await client.exited;
    expect(exit.code).toBe(1006);
    expect(exit.reason).not.toBe('the app-server process exited');
    expect(alive(pid)).toBe(true);
    await client.shutdown({ timeoutMs: 1_000 });
    expect(alive(pid)).toBe(false);
  });

  it('a server that ignores SIGTERM is killed within the shutdown time-out', async () => {
    const { client, transport } = await started(transportFor('stubborn'));
    const pid = transport.pid ?? 0;
    const t0 = performance.now();
    const exit = await client.shutdown({ timeoutMs: 400 });
    expect(performance.now() - t0).toBeLessThan(1_500);
    expect(exit.code).toBe(1000);
    expect(alive(pid)).toBe(false);
    expect(transport.stderrTail()).toContain('ignoring SIGTERM');
  });

  it('close() before connect() reports that it never connected', async () => {
    const transport = transportFor();
    const exit = await transport.close({ timeoutMs: 100 });
    expect(exit).toEqual({ code: null, signal: null, stderrTail: [], reason: 'never connected' });
  });
});
