/**
 * The fake app-server over stdio JSONL (one message per line), as
 * `cask-fake-server` runs it: point `AppServerClient.start({ codexPath })`
 * (or any client in any language) at it instead of `codex app-server`.
 * @module
 */
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { ReplayEngine, type ReplayOptions } from './replay.js';
import { ScriptedEngine } from './scripted.js';
import type { FakeScript } from './script.js';
import type { FakeEngine, FakeWire } from './wire.js';

/** What the stdio fake reads, writes and how it ends. */
export interface StdioFakeOptions {
  /** Default `process.stdin`. */
  input?: Readable;
  /** Default `process.stdout`. */
  output?: Writable;
  /** Where failures are reported (default `process.stderr`). */
  errors?: Writable;
  /** Called once output is flushed, with the exit code (default `process.exit`). */
  exit?: (code: number) => void;
}

/** What to serve: a script or a recorded transcript. */
export type StdioFakeSource = { script: FakeScript } | { transcript: string; replay?: ReplayOptions };

/**
 * Serves one client over stdio until the input ends or a scripted `exit`
 * step runs. When the input ends, the fake waits for running turns, prints
 * its failures (one per line, on `errors`) and exits with 1 if there were
 * any, else 0. A bad script throws {@link FakeScriptError} before anything is read.
 */
export function serveStdio(source: StdioFakeSource, options: StdioFakeOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errors = options.errors ?? process.stderr;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let ended = false;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));
  const finish = (code: number) => {
    if (ended) return;
    ended = true;
    output.write('', () => {
      exit(code);
      resolveDone(code);
    });
  };
  const wire: FakeWire = {
    send: (m) => {
      if (!ended) output.write(`${JSON.stringify(m)}\n`);
    },
    sendMalformed: (line) => {
      if (!ended) output.write(`${line}\n`);
    },
    exit: (code) => {
      finish(code);
    },
  };
  const engine: FakeEngine & { idle(): Promise<void> } =
    'script' in source
      ? new ScriptedEngine(source.script, wire)
      : new ReplayEngine(source.transcript, wire, source.replay);
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (ended || line.trim() === '') return;
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      errors.write(`cask-fake-server: the client sent a line that is not JSON: ${line.slice(0, 200)}\n`);
      return;
    }
    engine.receive(msg);
  });
  lines.on('close', () => {
    engine.closed();
    void engine.idle().then(() => {
      for (const f of engine.failures) errors.write(`cask-fake-server: ${f}\n`);
      finish(engine.failures.length ? 1 : 0);
    });
  });
  return done;
}

/**
 * How to start `cask-fake-server` with this Node, for `AppServerClient.start`
 * (spread it into the options) or `child_process.spawn(command.codexPath, command.args)`.
 *
 * @example
 * ```ts
 * const client = await AppServerClient.start({ ...fakeServerCommand(['--script', 'hello.json']), clientInfo });
 * ```
 */
export function fakeServerCommand(args: readonly string[]): { codexPath: string; args: string[] } {
  // Run from the TypeScript sources (this repository's tests), the bin is the built one in dist/.
  const bin = import.meta.url.endsWith('.ts') ? '../dist/bin.js' : './bin.js';
  return { codexPath: process.execPath, args: [fileURLToPath(new URL(bin, import.meta.url)), ...args] };
}
