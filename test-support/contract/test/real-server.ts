/**
 * One real `codex app-server` per test file, talking to the loopback model
 * stand-in: started in `beforeAll`, shut down and cleaned up in `afterAll`.
 * The returned object's getters throw when read before the server is up, so a
 * failed start shows as that error instead of as a `TypeError` in each test.
 */
import { afterAll, beforeAll } from 'vitest';
import { AppServerClient, type AppServerClientOptions } from '@cask/client';
import { codexBinaryPath, createCodexHome, startModelStandIn, type CodexHome, type ModelStandIn } from '@cask/testkit';

/** What a contract test file reads once the server is up. */
export interface RealServer {
  readonly client: AppServerClient;
  readonly home: CodexHome;
}

/** Options of `useRealServer`: the client name and, optionally, more client options. */
export interface RealServerOptions {
  /** `clientInfo.name` the server sees (one per test file, to tell transcripts apart). */
  readonly name: string;
  /** Which installed codex release to start (the pinned one when absent). */
  readonly release?: string;
  /** Client options beyond the ones every contract test sets. */
  readonly client?: Partial<Pick<AppServerClientOptions, 'capabilities' | 'onMessage'>>;
}

/** Registers the `beforeAll` / `afterAll` hooks of one real server for the calling test file. */
export function useRealServer(options: RealServerOptions): RealServer {
  let standIn: ModelStandIn | undefined;
  let home: CodexHome | undefined;
  let client: AppServerClient | undefined;

  beforeAll(async () => {
    standIn = await startModelStandIn([{ kind: 'message', text: 'Hello from the stand-in.' }]);
    home = createCodexHome({ modelBaseUrl: standIn.url });
    client = await AppServerClient.start({
      codexPath: codexBinaryPath(options.release === undefined ? {} : { release: options.release }),
      env: home.env,
      cwd: home.workspace,
      clientInfo: { name: options.name, version: '0.1.0' },
      requestTimeoutMs: 20_000,
      ...options.client,
    });
  });

  afterAll(async () => {
    await client?.shutdown();
    await standIn?.close();
    home?.cleanup();
  });

  return {
    get client(): AppServerClient {
      if (client === undefined) throw new Error(`contract test ${options.name}: the real server did not start`);
      return client;
    },
    get home(): CodexHome {
      if (home === undefined) throw new Error(`contract test ${options.name}: the codex home was not created`);
      return home;
    },
  };
}
