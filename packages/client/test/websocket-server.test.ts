/**
 * `SpawnedWebSocketTransport` against the real `codex app-server --listen
 * ws://127.0.0.1:0`: spawns it, learns its address, connects, owns the
 * process, and reports a client-initiated close as clean.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { codexBinaryPath, createCodexHome } from '@cask/testkit';
import { AppServerClient, EXPECTED_CODEX_RELEASE, SpawnedWebSocketTransport, listeningAddress } from '../src/index.js';

let binary: string | undefined;
try {
  binary = codexBinaryPath();
} catch {
  binary = undefined;
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('listeningAddress', () => {
  it('finds the address in the line codex prints, with or without colour codes', () => {
    expect(listeningAddress('  listening on: ws://127.0.0.1:33831')).toBe('ws://127.0.0.1:33831');
    expect(listeningAddress('\u001b[1m  listening on:\u001b[0m ws://[::1]:4000')).toBe('ws://[::1]:4000');
    expect(listeningAddress('  readyz: http://127.0.0.1:33831/readyz')).toBeUndefined();
  });
});

describe.skipIf(binary === undefined && process.env['CI'] !== 'true')('SpawnedWebSocketTransport (real codex)', () => {
  it('spawns the server, connects to the address it reports, and stops it on shutdown with a clean close', async () => {
    const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
    cleanups.push(() => {
      rmSync(home.dir, { recursive: true, force: true });
    });
    const transport = new SpawnedWebSocketTransport({ codexPath: binary, env: home.env, cwd: home.workspace });
    const client = await AppServerClient.start({ transport, clientInfo: { name: 'ws-helper', version: '0' } });
    cleanups.push(() => client.shutdown());
    expect(transport.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(client.serverInfo.version).toBe(EXPECTED_CODEX_RELEASE);
    const { thread } = await client.startThread({ cwd: home.workspace });
    expect(typeof thread.id).toBe('string');
    const pid = transport.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    const exit = await client.shutdown();
    expect(exit.code).toBe(1000);
    expect(exit.reason).toMatch(/^closed by the client/);
    expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);

  it('ends the connection when the server process dies', async () => {
    const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
    cleanups.push(() => {
      rmSync(home.dir, { recursive: true, force: true });
    });
    const transport = new SpawnedWebSocketTransport({ codexPath: binary, env: home.env });
    const client = await AppServerClient.start({ transport, clientInfo: { name: 'ws-helper', version: '0' } });
    cleanups.push(() => client.shutdown());
    process.kill(transport.pid ?? 0, 'SIGKILL');
    const exit = await client.exited;
    expect(exit.signal).toBe('SIGKILL');
    await expect(client.requestRaw('thread/list', {})).rejects.toThrow(/connection ended \(signal SIGKILL\)/);
  }, 60_000);
});
