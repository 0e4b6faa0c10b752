/**
 * The stdio transport: spawns `codex app-server` and speaks JSONL over its
 * stdin/stdout; stderr is kept (last lines) for error messages.
 * @module
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { JSONRPCMessage } from '@cask/protocol';
import { ServerExitedError } from './errors.js';
import { DEFAULT_MAX_LINE_BYTES, JsonlDecoder } from './jsonl.js';
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
 */
export class StdioTransport implements Transport {
  readonly kind = 'stdio';
  /** The executable that is (or will be) spawned and how it was found. */
  readonly binary: ResolvedCodexBinary;
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly stderrLines: string[] = [];
  private exit: ServerExit | undefined;
  private exitWaiters: Array<(exit: ServerExit) => void> = [];
  private closing: Promise<ServerExit> | undefined;
  private sink: TransportSink | undefined;

  constructor(private readonly options: StdioTransportOptions = {}) {
    this.binary = resolveCodexBinary(options.codexPath);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  stderrTail(): string[] {
    return [...this.stderrLines];
  }

  connect(sink: TransportSink): Promise<void> {
    if (this.child) return Promise.reject(new Error('StdioTransport.connect called twice'));
    this.sink = sink;
    const o = this.options;
    const env = { ...(o.inheritEnv === false ? {} : process.env), ...o.env };
    const child = spawn(this.binary.path, o.args ?? ['app-server'], {
      cwd: o.cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdin.on('error', () => {
      // EPIPE after the server died: the close handler reports it.
    });
    const decoder = new JsonlDecoder(
      o.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
      (m) => sink.message(m),
      (p) => sink.malformed(p),
    );
    child.stdout.on('data', (chunk: Buffer) => decoder.push(chunk));
    child.stdout.on('end', () => decoder.end());
    const keep = o.stderrTailLines ?? 50;
    createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
      this.stderrLines.push(line);
      if (this.stderrLines.length > keep) this.stderrLines.splice(0, this.stderrLines.length - keep);
      o.onStderr?.(line);
    });
    return new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.on('error', (err) => {
        // Spawn failures (ENOENT, EACCES) never produce an exit event.
        if (child.pid === undefined) {
          const how =
            this.binary.source === 'path'
              ? ` (looked up on PATH; pass codexPath, set CODEX_APP_SERVER_BIN or install @openai/codex)`
              : ` (from ${this.binary.source})`;
          const exit = this.finish(null, null, `failed to start ${this.binary.path}${how}: ${err.message}`);
          reject(new ServerExitedError('starting codex app-server', exit));
        }
      });
      child.on('close', (code, signal) => this.finish(code, signal));
    });
  }

  send(message: JSONRPCMessage): void {
    if (!this.child || this.exit) return;
    this.child.stdin.write(JSON.stringify(message) + '\n');
  }

  close({ timeoutMs }: { timeoutMs: number }): Promise<ServerExit> {
    this.closing ??= (async () => {
      const child = this.child;
      if (this.exit || !child) return this.exit ?? this.finish(null, null, 'never started');
      const step = Math.max(1, Math.floor(timeoutMs / 2));
      child.stdin.end();
      let exit = await this.waitExit(step);
      if (exit) return exit;
      child.kill('SIGTERM');
      exit = await this.waitExit(step);
      if (exit) return exit;
      child.kill('SIGKILL');
      // SIGKILL cannot be ignored, but a process stuck in the kernel may take a moment to be reaped.
      exit = await this.waitExit(1_000);
      return exit ?? this.finish(null, 'SIGKILL', 'did not exit after SIGKILL');
    })();
    return this.closing;
  }

  private waitExit(ms: number): Promise<ServerExit | undefined> {
    if (this.exit) return Promise.resolve(this.exit);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(undefined), ms);
      this.exitWaiters.push((exit) => {
        clearTimeout(t);
        resolve(exit);
      });
    });
  }

  private finish(code: number | null, signal: NodeJS.Signals | null, reason?: string): ServerExit {
    if (this.exit) return this.exit;
    if (reason) this.stderrLines.push(reason);
    else if (code !== 0 && code !== null) reason = errorLine(this.stderrLines);
    const exit: ServerExit = { code, signal, stderrTail: this.stderrTail(), ...(reason ? { reason } : {}) };
    this.exit = exit;
    for (const w of this.exitWaiters.splice(0)) w(exit);
    this.sink?.closed(exit);
    return exit;
  }
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** The server's own error message from its stderr (codex prints `Error: …` before exiting), if any. */
function errorLine(lines: string[]): string | undefined {
  for (const raw of lines) {
    const line = raw.replace(ANSI, '').trim();
    if (/^(error|fatal)\b[:\s]/i.test(line)) return line;
  }
  return undefined;
}
