/**
 * Runs the real `codex app-server --listen ws://127.0.0.1:0` and reports the
 * address it bound, for WebSocket transport tests.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { codexBinaryPath } from './binary.js';

/** Options for {@link startListeningAppServer}. */
export interface ListeningAppServerOptions {
  /** Environment added to `process.env` (e.g. `CodexHome.env`). */
  env?: Record<string, string>;
  /** Working directory. */
  cwd?: string;
  /** Extra arguments after `app-server --listen ws://127.0.0.1:0` (e.g. `--ws-auth`, `--ws-token-file`). */
  extraArgs?: string[];
  /** The executable. Default {@link codexBinaryPath}. */
  codexPath?: string;
  /** Give up waiting for the listening line after this many ms. Default 15 000. */
  timeoutMs?: number;
}

/** A running listening server. */
export interface ListeningAppServer {
  /** The WebSocket URL it listens on, e.g. `ws://127.0.0.1:41234`. */
  url: string;
  child: ChildProcess;
  /** Every stderr line so far (ANSI colour codes removed). */
  stderr: string[];
  /** Stops the server (SIGTERM, then SIGKILL after 2 s). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts `codex app-server --listen ws://127.0.0.1:0` and resolves once it
 * prints the address it listens on (every release we test writes
 * `listening on: ws://IP:PORT` to stderr). Rejects with the stderr seen so
 * far when the process exits first or the timeout passes.
 */
export function startListeningAppServer(options: ListeningAppServerOptions = {}): Promise<ListeningAppServer> {
  const child = spawn(
    options.codexPath ?? codexBinaryPath(),
    ['app-server', '--listen', 'ws://127.0.0.1:0', ...(options.extraArgs ?? [])],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const stderr: string[] = [];
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('close', () => {
      exited = true;
      resolve();
    }),
  );
  const close = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 2_000);
    await exitPromise;
    clearTimeout(t);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(
        new Error(
          `codex app-server did not report a listening address within ${options.timeoutMs ?? 15_000} ms; stderr:\n${stderr.join('\n')}`,
        ),
      );
    }, options.timeoutMs ?? 15_000);
    createInterface({ input: child.stderr }).on('line', (raw) => {
      const line = stripVTControlCharacters(raw);
      stderr.push(line);
      const url = /listening on:\s*(ws:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ url, child, stderr, close });
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`codex app-server exited (${signal ?? code}) before listening; stderr:\n${stderr.join('\n')}`));
    });
  });
}
