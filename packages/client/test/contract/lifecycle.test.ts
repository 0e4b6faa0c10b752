/**
 * Contract tests against the REAL `codex app-server`, once per tested release (the pin and every compatibility
 * release of `codex-release.json`): start-up failure, the server killed mid-request, shutdown, runTurn with
 * approvals and interrupt, and the WebSocket transport against `--listen`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  codexBinaryPath,
  createCodexHome,
  startListeningAppServer,
  startModelStandIn,
  testedReleases,
} from '@cask/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppServerClient,
  ClientClosedError,
  ServerExitedError,
  WebSocketTransport,
  isLagged,
  type NotificationEvent,
  type TurnStreamItem,
} from '../../src/index.js';
import { startHarness, type Harness } from './harness.js';

const TEST_TIMEOUT = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
let h: Harness | undefined;
afterEach(async () => {
  const current = h;
  h = undefined;
  await current?.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});

const clientInfo = { name: 'cask_contract_tests', version: '0.1.0' };

function methods(items: TurnStreamItem[]): string[] {
  return items.map((e) => (isLagged(e) ? 'lagged' : e.method));
}

describe.each(testedReleases())('codex %s', (release) => {
  describe('contract: start-up', () => {
    it(
      'rejects start() with the server message for a config.toml that --strict-config refuses',
      { timeout: TEST_TIMEOUT },
      async () => {
        const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9', topLevel: ['cask_unknown_field = 1'] });
        cleanups.push(() => home.cleanup());
        const t0 = Date.now();
        const err = await AppServerClient.start({
          codexPath: codexBinaryPath({ release }),
          args: ['app-server', '--strict-config'],
          env: home.env,
          cwd: home.workspace,
          clientInfo,
          initializeTimeoutMs: 60_000, // the rejection must come from the exit, not from this timeout
        }).catch((e: unknown) => e);
        expect(Date.now() - t0).toBeLessThan(20_000);
        expect(err).toBeInstanceOf(ServerExitedError);
        const exit = (err as ServerExitedError).exit;
        expect(exit.code).toBe(1);
        expect(exit.reason).toMatch(/unknown configuration field `cask_unknown_field`/);
        expect((err as Error).message).toContain('unknown configuration field `cask_unknown_field`');
        expect(exit.stderrTail.join('\n')).toContain(path.join(home.dir, 'config.toml'));
      },
    );

    it(
      'without --strict-config, an invalid config.toml is reported as a configWarning during the handshake (0.169 and 0.171)',
      { timeout: TEST_TIMEOUT },
      async () => {
        const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
        cleanups.push(() => home.cleanup());
        writeFileSync(home.configPath, 'model = [unterminated\n');
        const client = await AppServerClient.start({
          codexPath: codexBinaryPath({ release }),
          env: home.env,
          cwd: home.workspace,
          clientInfo,
        });
        cleanups.push(() => client.shutdown().then(() => undefined));
        // It may arrive with the initialize answer (startupNotifications) or just after.
        const later = client.notifications();
        const seen: NotificationEvent[] = [...client.startupNotifications];
        const deadline = Date.now() + 5_000;
        while (
          !seen.some((n) => n.method === 'configWarning' && JSON.stringify(n.params).includes('config.toml')) &&
          Date.now() < deadline
        ) {
          const r = await Promise.race([later.next(), new Promise<null>((res) => setTimeout(() => res(null), 200))]);
          if (r && !r.done && !isLagged(r.value)) seen.push(r.value);
        }
        const warning = seen.find(
          (n) => n.method === 'configWarning' && JSON.stringify(n.params).includes('config.toml'),
        );
        expect(warning, JSON.stringify(seen.map((n) => n.method))).toBeDefined();
        expect(JSON.stringify(warning!.params)).toMatch(/unclosed array|Invalid configuration/);
      },
    );
  });

  describe('contract: process death and shutdown', () => {
    it(
      'rejects every pending request at once when the server is SIGKILLed mid-request',
      { timeout: TEST_TIMEOUT },
      async () => {
        h = await startHarness([], {}, release);
        const { client } = h;
        const pending = [
          client.startThread({ cwd: h.home.workspace, approvalPolicy: 'never' }),
          client.startThread({ cwd: h.home.workspace, approvalPolicy: 'never' }),
        ].map((p) =>
          p.then(
            () => 'answered',
            (e: unknown) => e,
          ),
        );
        expect(client.pendingRequests).toBe(2);
        process.kill(client.pid!, 'SIGKILL');
        const t0 = Date.now();
        const results = await Promise.all(pending);
        expect(Date.now() - t0).toBeLessThan(5_000);
        for (const r of results) {
          expect(r).toBeInstanceOf(ServerExitedError);
          expect((r as ServerExitedError).exit.signal).toBe('SIGKILL');
        }
        expect((await client.exited).signal).toBe('SIGKILL');
        await expect(client.startThread()).rejects.toBeInstanceOf(ServerExitedError);
      },
    );

    it('shuts down gracefully (stdin close) and idempotently', { timeout: TEST_TIMEOUT }, async () => {
      h = await startHarness([], {}, release);
      const { client } = h;
      const t0 = Date.now();
      const s1 = client.shutdown({ timeoutMs: 5_000 });
      expect(client.shutdown({ timeoutMs: 1 })).toBe(s1);
      const exit = await s1;
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(exit.signal).toBeNull(); // exited on its own after stdin closed
      expect(exit.code).toBe(0);
      await expect(client.startThread()).rejects.toBeInstanceOf(ClientClosedError);
    });
  });

  describe('contract: runTurn', () => {
    for (const decision of ['accept', 'decline'] as const) {
      it(
        `streams a turn with a command approval answered ${decision} by a per-turn handler`,
        { timeout: TEST_TIMEOUT },
        async () => {
          h = await startHarness(
            [
              { kind: 'shell', command: `echo cask-run-${decision}`, callId: 'call_run' },
              { kind: 'message', text: 'All done.', chunks: ['All', ' done.'] },
            ],
            {},
            release,
          );
          const { client } = h;
          const { thread } = await client.startThread({ cwd: h.home.workspace, approvalPolicy: 'untrusted' });
          const asked: string[] = [];
          const run = client.runTurn(thread.id, 'Run the command', {
            handlers: {
              'item/commandExecution/requestApproval': (params) => {
                asked.push(String(params.command));
                return { decision };
              },
            },
          });
          const items: TurnStreamItem[] = [];
          for await (const e of run) items.push(e);
          const m = methods(items);
          expect(m[0]).toBe('turn/started');
          expect(m.at(-1)).toBe('turn/completed');
          expect(m).toContain('item/agentMessage/delta');
          expect(asked).toHaveLength(1);
          expect(asked[0]).toContain(`cask-run-${decision}`);
          const final = await run.completed;
          expect(final.status).toBe('completed');
          expect(final.id).toBe(run.turnId);
          const cmd = items.find(
            (e) =>
              !isLagged(e) &&
              e.method === 'item/completed' &&
              (e.params as { item: { type: string } }).item.type === 'commandExecution',
          ) as Extract<NotificationEvent, { method: 'item/completed' }> | undefined;
          expect((cmd!.params.item as { status: string }).status).toBe(
            decision === 'accept' ? 'completed' : 'declined',
          );
          // Every yielded event belongs to this turn.
          for (const e of items) {
            if (isLagged(e)) continue;
            const p = e.params as { turnId?: string; turn?: { id: string } };
            expect(p.turnId ?? p.turn?.id).toBe(run.turnId);
          }
        },
      );
    }

    it(
      'interrupts through the signal; the stream ends with status interrupted',
      { timeout: TEST_TIMEOUT },
      async () => {
        h = await startHarness([{ kind: 'stall', chunks: ['Thinking'] }], {}, release);
        const { client } = h;
        const { thread } = await client.startThread({ cwd: h.home.workspace, approvalPolicy: 'never' });
        const ac = new AbortController();
        const items: TurnStreamItem[] = [];
        for await (const e of client.runTurn(thread.id, 'Take forever', { signal: ac.signal })) {
          items.push(e);
          if (!isLagged(e) && e.method === 'item/agentMessage/delta') ac.abort();
        }
        const last = items.at(-1) as Extract<NotificationEvent, { method: 'turn/completed' }>;
        expect(last.method).toBe('turn/completed');
        expect(last.params.turn.status).toBe('interrupted');
      },
    );
  });

  describe('contract: WebSocket transport against codex app-server --listen', () => {
    it('handshakes and runs a turn over ws://127.0.0.1 (no auth)', { timeout: TEST_TIMEOUT }, async () => {
      const standIn = await startModelStandIn([
        { kind: 'message', text: 'Over the socket.', chunks: ['Over', ' the socket.'] },
      ]);
      cleanups.push(() => standIn.close());
      const home = createCodexHome({ modelBaseUrl: standIn.url });
      cleanups.push(() => home.cleanup());
      const server = await startListeningAppServer({
        env: home.env,
        cwd: home.workspace,
        codexPath: codexBinaryPath({ release }),
      });
      cleanups.push(() => server.close());
      expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      const client = await AppServerClient.start({
        transport: new WebSocketTransport({ url: server.url }),
        clientInfo,
      });
      cleanups.push(() => client.shutdown({ timeoutMs: 2_000 }).then(() => undefined));
      expect(client.initializeResponse.codexHome).toBe(home.dir);
      const { thread } = await client.startThread({ cwd: home.workspace, approvalPolicy: 'never' });
      const deltas: string[] = [];
      const run = client.runTurn(thread.id, 'Say something');
      for await (const e of run)
        if (!isLagged(e) && e.method === 'item/agentMessage/delta') deltas.push(e.params.delta);
      expect(deltas).toEqual(['Over', ' the socket.']);
      expect((await run.completed).status).toBe('completed');
    });

    it(
      'sends the bearer token the server requires (--ws-auth capability-token) and is refused without it',
      { timeout: TEST_TIMEOUT },
      async () => {
        const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
        cleanups.push(() => home.cleanup());
        const tokenFile = path.join(home.dir, 'ws-token');
        writeFileSync(tokenFile, 'cask-capability-token-0123456789abcdef\n', { mode: 0o600 });
        const server = await startListeningAppServer({
          env: home.env,
          cwd: home.workspace,
          codexPath: codexBinaryPath({ release }),
          extraArgs: ['--ws-auth', 'capability-token', '--ws-token-file', tokenFile],
        });
        cleanups.push(() => server.close());
        const refused = await AppServerClient.start({
          transport: new WebSocketTransport({ url: server.url }),
          clientInfo,
        }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(ServerExitedError);
        expect((refused as Error).message).toMatch(/HTTP 401|Unauthorized/i);
        const client = await AppServerClient.start({
          transport: new WebSocketTransport({ url: server.url, bearerToken: 'cask-capability-token-0123456789abcdef' }),
          clientInfo,
        });
        cleanups.push(() => client.shutdown({ timeoutMs: 2_000 }).then(() => undefined));
        expect(client.initializeResponse.codexHome).toBe(home.dir);
      },
    );
  });
});
