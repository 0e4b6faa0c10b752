/**
 * `pnpm start` (the demo): one complete, offline conversation with the real
 * `codex app-server`, printed readably, recorded and validated.
 *
 * It starts the testkit's model stand-in (scripted to ask for one shell
 * command and then answer), a throw-away `CODEX_HOME`, and the pinned codex
 * binary through `@cask/client`; it approves the command automatically,
 * writes the wire transcript as JSONL (`{"dir","msg"}` per line) and checks
 * it with `validateTranscript`.
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, validateTranscript } from '@cask/cli';
import { AppServerClient, type ClientEvent, type Direction } from '@cask/client';
import type { JSONRPCMessage } from '@cask/protocol';
import { codexBinaryPath, createCodexHome, startModelStandIn } from '@cask/testkit';

/** Where the demo writes its output; defaults to the process streams. */
export interface DemoIO {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const USAGE = `usage: pnpm start [-- options]   (or: node tools/demo/dist/main.js [options])

Runs one offline turn against the real codex app-server: a scripted model asks
to run a shell command, the demo approves it, and the conversation, the
command output and a validation summary of the recorded transcript are printed.

  --command <cmd>  command the model asks to run (default: echo hello from cask)
  --prompt <text>  the user message (default: a short request to run it)
  --keep           keep the temporary CODEX_HOME (its path is printed)
  -h, --help       show this help
`;

interface DemoArgs {
  command: string;
  prompt: string | undefined;
  keep: boolean;
}

function readArgs(argv: string[]): DemoArgs | { help: true } | { error: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        command: { type: 'string' },
        prompt: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { help: true };
    return { command: values.command ?? 'echo hello from cask', prompt: values.prompt, keep: values.keep ?? false };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Runs the demo with command-line arguments `argv`.
 * @returns the process exit code: 0 when the turn completed, the command ran
 * and the transcript validated; 1 otherwise; 2 for bad arguments.
 */
export async function runDemo(
  argv: string[],
  io: DemoIO = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const parsed = readArgs(argv);
  if ('help' in parsed) {
    io.out.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err.write(`demo: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { command, keep } = parsed;
  const prompt = parsed.prompt ?? `Please run \`${command}\` and tell me what it printed.`;
  const say = (s: string) => io.out.write(s);

  const standIn = await startModelStandIn([
    { kind: 'shell', command, callId: 'call_cask_demo' },
    { kind: 'message', text: `The command ran and printed its greeting. All done!`, delayMs: 15 },
  ]);
  const home = createCodexHome({ modelBaseUrl: standIn.url });
  const transcript: Array<{ dir: Direction; msg: JSONRPCMessage }> = [];
  let client: AppServerClient | undefined;
  let ok = true;
  try {
    say(`cask demo: real codex app-server, offline (model stand-in at ${standIn.url})\n`);
    client = await AppServerClient.start({
      codexPath: codexBinaryPath(),
      env: home.env,
      cwd: home.workspace,
      clientInfo: { name: 'cask_demo', title: 'cask demo', version: '0.1.0' },
      onMessage: (dir, msg) => transcript.push({ dir, msg }),
      requestTimeoutMs: 30_000,
    });
    say(`connected: ${client.initializeResponse.userAgent}\n\n`);

    let approvals = 0;
    // The handler decides; the request is printed in wire order from the event stream below.
    client.onServerRequest('item/commandExecution/requestApproval', () => {
      approvals++;
      return { decision: 'accept' };
    });

    const events = client.events();
    const { thread } = await client.request('thread/start', { cwd: home.workspace, approvalPolicy: 'untrusted' });
    say(`thread ${thread.id} (approval policy: untrusted)\n\n`);
    say(`user> ${prompt}\n`);
    const { turn } = await client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: prompt, text_elements: [] }],
    });

    let status = 'unknown';
    let commandRan = false;
    let streamingMessage = false;
    const deadline = setTimeout(() => void events.return?.(), 60_000);
    for await (const ev of events) {
      const line = describe(ev, { streamingMessage });
      if (line.text) say(line.text);
      streamingMessage = line.streamingMessage;
      if (ev.kind === 'notification' && ev.method === 'item/completed') {
        const item = ev.params.item as { type: string; status?: string; exitCode?: number | null };
        if (item.type === 'commandExecution' && item.status === 'completed' && item.exitCode === 0) commandRan = true;
      }
      if (ev.kind === 'notification' && ev.method === 'turn/completed' && ev.params.turn.id === turn.id) {
        status = ev.params.turn.status;
        break;
      }
    }
    clearTimeout(deadline);
    say(`\nturn ${status}${approvals ? `, ${approvals} approval(s) granted` : ''}\n`);
    if (status !== 'completed' || !commandRan) {
      ok = false;
      io.err.write(
        `cask demo: expected a completed turn with the command run (status: ${status}, command ran: ${commandRan})\n`,
      );
    }
  } catch (err) {
    ok = false;
    io.err.write(`cask demo failed: ${(err as Error).message}\n`);
  } finally {
    await client?.shutdown();
    await standIn.close();
    if (keep) say(`kept CODEX_HOME: ${home.dir}\n`);
    else home.cleanup();
  }

  const text = transcript.map((t) => JSON.stringify(t)).join('\n') + '\n';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cask-demo-')), 'transcript.jsonl');
  writeFileSync(file, text);
  say(`\ntranscript: ${transcript.length} messages written to ${file}\n`);

  // The same check `cask validate` runs on a transcript file.
  const report = validateTranscript(text, { experimental: false });
  say(`validation:\n${formatReport(report)}\n`);
  if (!report.ok) io.err.write('cask demo: the transcript did not validate\n');
  return ok && report.ok ? 0 : 1;
}

/** One line (or fragment) of readable output per event. */
function describe(ev: ClientEvent, state: { streamingMessage: boolean }): { text: string; streamingMessage: boolean } {
  const endStream = state.streamingMessage ? '\n' : '';
  if (ev.kind === 'lagged') return { text: `${endStream}[${ev.skipped} events skipped]\n`, streamingMessage: false };
  if (ev.kind === 'protocolIssue')
    return { text: `${endStream}[protocol issue] ${ev.subject}: ${ev.message}\n`, streamingMessage: false };
  if (ev.kind === 'serverRequest') {
    if (ev.method === 'item/commandExecution/requestApproval') {
      const cmd = ev.params.command ?? '(unknown command)';
      return {
        text: `${endStream}[approval] the agent asks to run: ${cmd}\n[approval] auto-approving (decision: accept)\n`,
        streamingMessage: false,
      };
    }
    return { text: `${endStream}[server request] ${ev.method}\n`, streamingMessage: false };
  }
  switch (ev.method) {
    case 'item/agentMessage/delta':
      return { text: (state.streamingMessage ? '' : 'assistant> ') + ev.params.delta, streamingMessage: true };
    case 'item/started': {
      const item = ev.params.item as { type: string; command?: string };
      if (item.type === 'commandExecution') return { text: `${endStream}$ ${item.command}\n`, streamingMessage: false };
      return { text: '', streamingMessage: state.streamingMessage };
    }
    case 'item/completed': {
      const item = ev.params.item as {
        type: string;
        status?: string;
        aggregatedOutput?: string | null;
        exitCode?: number | null;
      };
      if (item.type === 'commandExecution') {
        const out = (item.aggregatedOutput ?? '').trimEnd();
        const body = out ? out.replace(/^/gm, '  | ') + '\n' : '';
        return {
          text: `${endStream}${body}  (${item.status}, exit code ${item.exitCode ?? 'none'})\n`,
          streamingMessage: false,
        };
      }
      if (item.type === 'agentMessage') return { text: endStream, streamingMessage: false };
      return { text: '', streamingMessage: state.streamingMessage };
    }
    case 'error':
      return { text: `${endStream}[error] ${JSON.stringify(ev.params)}\n`, streamingMessage: false };
    default:
      return { text: '', streamingMessage: state.streamingMessage };
  }
}
