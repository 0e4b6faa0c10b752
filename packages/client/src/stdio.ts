/**
 * The stdio transport: spawns `codex app-server` and speaks JSONL over its
 * stdin/stdout; stderr is kept (last lines) for error messages.
 * @module
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { JSONRPCMessage } from '@cask/protocol';
import { ServerExitedError } from './errors.js';
import { DEFAULT_MAX_LINE_BYTES, JsonlDecoder } from './jsonl.js';
import { ExitLatch, waitForWake } from './exit-latch.js';
import { DEFAULT_STDERR_LINE_BYTES, DEFAULT_STDERR_TAIL_BYTES, StderrTail } from './stderr-tail.js';
import type { ServerExit, Transport, TransportSink } from './transport.js';

/** Options of {@link StdioTransport}. */
export interface StdioTransportOptions {
  /** The `codex` executable. Default: see {@link resolveCodexBinary}. */
  codexPath?: string;
  /** Arguments. Default `['app-server']`. */
  args?: string[];
  /** Variables added to (or, with `inheritEnv: false`, replacing) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Start from `process.env`. Default `true`. */
  inheritEnv?: boolean;
  /** Working directory of the server process. */
  cwd?: string;
  /** Called with every line the server writes to stderr. */
  onStderr?: (line: string) => void;
  /** How many stderr lines to keep for error messages. Default 50. */
  stderrTailLines?: number;
  /** Cap on the bytes of the kept stderr lines together. Default 16 KiB. */
  stderrTailBytes?: number;
  /** Longest stderr line kept or passed to `onStderr`, in bytes (the rest is dropped and counted). Default 8 KiB. */
  maxStderrLineBytes?: number;
  /**
   * After the process exits, how long to keep reading stdout for its last
   * messages before the connection is declared ended, in ms: a grandchild
   * that inherited stdout can keep it open indefinitely. Default 200.
   */
  exitDrainMs?: number;
  /** Longest accepted stdout line, in bytes; longer lines are skipped and reported. Default 64 MiB. */
  maxLineBytes?: number;
}

/** Where {@link resolveCodexBinary} found the executable. */
export interface ResolvedCodexBinary {
  path: string;
  source: 'option' | 'env' | 'package' | 'path';
}

const TRIPLES: Record<string, string> = {
  'linux-x64': 'x86_64-unknown-linux-musl',
  'linux-arm64': 'aarch64-unknown-linux-musl',
  'darwin-x64': 'x86_64-apple-darwin',
  'darwin-arm64': 'aarch64-apple-darwin',
  'win32-x64': 'x86_64-pc-windows-msvc',
  'win32-arm64': 'aarch64-pc-windows-msvc',
};

/**
 * Picks the `codex` executable, first match wins:
 * 1. `explicit` (the `codexPath` option);
 * 2. the `CODEX_APP_SERVER_BIN` environment variable;
 * 3. the native binary of an installed `@openai/codex` package (an optional
 *    peer dependency of this package), resolved from this package and then
 *    from the current directory; spawned directly, skipping the package's JS
 *    launcher (one process less, signals reach the server itself);
 * 4. `codex` on `PATH`.
 */
export function resolveCodexBinary(explicit?: string): ResolvedCodexBinary {
  if (explicit) return { path: explicit, source: 'option' };
  const fromEnv = process.env['CODEX_APP_SERVER_BIN'];
  if (fromEnv) return { path: fromEnv, source: 'env' };
  const fromPackage = codexFromPackage();
  if (fromPackage) return { path: fromPackage, source: 'package' };
  return { path: process.platform === 'win32' ? 'codex.exe' : 'codex', source: 'path' };
}

function codexFromPackage(): string | undefined {
  const triple = TRIPLES[`${process.platform}-${process.arch}`];
  if (!triple) return undefined;
  const exe = process.platform === 'win32' ? 'codex.exe' : 'codex';
  for (const base of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    let root: string;
    try {
      root = path.dirname(createRequire(base).resolve('@openai/codex/package.json'));
    } catch {
      continue;
    }
    const candidates = [path.join(root, 'vendor', triple, 'bin', exe)];
    try {
      const pkg = `@openai/codex-${process.platform}-${process.arch}`;
      const platformRoot = path.dirname(createRequire(path.join(root, 'package.json')).resolve(`${pkg}/package.json`));
      candidates.unshift(path.join(platformRoot, 'vendor', triple, 'bin', exe));
    } catch {
      // the platform package is optional; some installs vendor the binary in place
    }
    const found = candidates.find((c) => existsSync(c));
    if (found) return found;
  }
  return undefined;
}

/**
 * Spawns `codex app-server` (or any command speaking the protocol on stdio)
 * and exchanges newline-delimited JSON with it.
 *
 * The connection ends when the process exits (its `exit` event; stdout is
 * read for a further `exitDrainMs` for the last messages, since a
 * grandchild may hold it open), or when stdout closes while the process
 * still runs (a dead connection: nothing more can arrive).
 */
export class StdioTransport implements Transport {
  readonly kind = 'stdio';
  /** The executable that is (or will be) spawned and how it was found. */
  readonly binary: ResolvedCodexBinary;
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly stderr: StderrTail;
  private readonly latch = new ExitLatch();
  /** How the process itself ended, once it has (may come after the latch, e.g. stdout closed early). */
  private processExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private processExitWaiters: Array<() => void> = [];
  private stdoutClosed = false;
  private stderrClosed = false;
  private closing: Promise<ServerExit> | undefined;

  constructor(private readonly options: StdioTransportOptions = {}) {
    this.binary = resolveCodexBinary(options.codexPath);
    this.stderr = new StderrTail(
      options.stderrTailLines ?? 50,
      options.stderrTailBytes ?? DEFAULT_STDERR_TAIL_BYTES,
      options.maxStderrLineBytes ?? DEFAULT_STDERR_LINE_BYTES,
      options.onStderr,
    );
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  stderrTail(): string[] {
    return this.stderr.tail();
  }

  connect(sink: TransportSink): Promise<void> {
    if (this.child) return Promise.reject(new Error('StdioTransport.connect called twice'));
    this.latch.attach(sink);
    const o = this.options;
    const env: NodeJS.ProcessEnv = { ...(o.inheritEnv === false ? {} : process.env), ...o.env };
    const child = spawn(this.binary.path, o.args ?? ['app-server'], {
      cwd: o.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdin.on('error', () => {
      // EPIPE after the server died: the exit handler reports it.
    });
    const decoder = new JsonlDecoder(
      o.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
      (m) => {
        if (!this.latch.exit) sink.message(m);
      },
      (p) => {
        if (!this.latch.exit) sink.malformed(p);
      },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      decoder.push(chunk);
    });
    child.stdout.on('end', () => {
      decoder.end();
    });
    child.stdout.on('close', () => {
      this.stdoutClosed = true;
      if (this.processExit) {
        this.maybeFinish();
        return;
      }
      // Usually the exit event follows at once; if the process lives on, nothing more can arrive from it.
      setTimeout(() => {
        if (this.processExit || this.latch.exit || child.pid === undefined) return;
        this.latch.set({
          code: null,
          signal: null,
          stderrTail: this.stderr.tail(),
          reason: `the server closed its stdout but is still running (pid ${child.pid}): no answer can arrive`,
        });
      }, o.exitDrainMs ?? 200).unref();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
    });
    child.stderr.on('end', () => {
      this.stderr.end();
    });
    child.stderr.on('close', () => {
      this.stderrClosed = true;
      this.maybeFinish();
    });
    return new Promise<void>((resolve, reject) => {
      child.once('spawn', () => {
        resolve();
      });
      child.on('error', (err) => {
        // Spawn failures (ENOENT, EACCES) never produce an exit event.
        if (child.pid === undefined) {
          const how =
            this.binary.source === 'path'
              ? ` (looked up on PATH; pass codexPath, set CODEX_APP_SERVER_BIN or install @openai/codex)`
              : ` (from ${this.binary.source})`;
          const reason = `failed to start ${this.binary.path}${how}: ${err.message}`;
          this.stderr.note(reason);
          this.processExit = { code: null, signal: null };
          const exit = this.latch.set({ code: null, signal: null, stderrTail: this.stderr.tail(), reason });
          reject(new ServerExitedError('starting codex app-server', exit));
        }
      });
      child.on('exit', (code, signal) => {
        this.processExit = { code, signal };
        for (const w of this.processExitWaiters.splice(0)) w();
        this.maybeFinish();
        if (this.latch.exit) return;
        // Read what the server wrote before exiting; a grandchild holding stdout or stderr must not keep us waiting.
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          this.finishFromProcess();
        }, o.exitDrainMs ?? 200).unref();
      });
    });
  }

  send(message: JSONRPCMessage, serialized?: string): void {
    if (!this.child || this.latch.exit) return;
    this.child.stdin.write((serialized ?? JSON.stringify(message)) + '\n');
  }

  close({ timeoutMs }: { timeoutMs: number }): Promise<ServerExit> {
    this.closing ??= (async () => {
      const child = this.child;
      if (!child || child.pid === undefined) {
        return this.latch.exit ?? this.latch.set({ code: null, signal: null, stderrTail: [], reason: 'never started' });
      }
      if (!this.processExit) {
        const step = Math.max(1, Math.floor(timeoutMs / 2));
        child.stdin.end();
        if (!(await this.waitProcessExit(step))) {
          child.kill('SIGTERM');
          if (!(await this.waitProcessExit(step))) {
            child.kill('SIGKILL');
            // SIGKILL cannot be ignored, but a process stuck in the kernel may take a moment to be reaped.
            await this.waitProcessExit(1_000);
          }
        }
      }
      if (!this.processExit) {
        return this.latch.set({
          code: null,
          signal: 'SIGKILL',
          stderrTail: this.stderr.tail(),
          reason: 'did not exit after SIGKILL',
        });
      }
      // The process has exited: stop reading pipes a grandchild may still hold.
      child.stdout.destroy();
      child.stderr.destroy();
      return this.finishFromProcess();
    })();
    return this.closing;
  }

  /** The process's own exit, whether or not the connection ended before (stdout closed early). */
  private exitFromProcess(): ServerExit {
    const { code, signal } = this.processExit ?? { code: null, signal: null };
    const stderrTail = this.stderr.tail();
    const reason = code !== 0 && code !== null ? errorLine(stderrTail) : undefined;
    return { code, signal, stderrTail, ...(reason ? { reason } : {}) };
  }

  /** Ends the connection once the process has exited and both of its output pipes are drained. */
  private maybeFinish(): void {
    if (this.processExit && this.stdoutClosed && this.stderrClosed) this.finishFromProcess();
  }

  private finishFromProcess(): ServerExit {
    const exit = this.exitFromProcess();
    const latched = this.latch.set(exit);
    // After an early stdout close, shutdown still reports how the process really ended.
    return latched === exit ? exit : { ...exit, reason: latched.reason ?? exit.reason };
  }

  private waitProcessExit(ms: number): Promise<boolean> {
    if (this.processExit) return Promise.resolve(true);
    return waitForWake(this.processExitWaiters, ms);
  }
}

/** The server's own error message from its stderr (codex prints `Error: …` before exiting), if any. */
function errorLine(lines: string[]): string | undefined {
  for (const raw of lines) {
    const line = stripVTControlCharacters(raw).trim();
    if (/^(error|fatal)\b[:\s]/i.test(line)) return line;
  }
  return undefined;
}
