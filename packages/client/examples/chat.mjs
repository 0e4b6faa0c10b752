#!/usr/bin/env node
// A small terminal chat on @cask/client: streamed answers, command approvals asked on the terminal,
// per-turn token usage, Ctrl-C interrupts the running turn (a second Ctrl-C while idle quits).
//
//   pnpm build                                        # once, at the repository root
//   node packages/client/examples/chat.mjs --offline  # scripted stand-in model, no account needed
//   node packages/client/examples/chat.mjs            # your `codex` and its configured model
//
// Options: --codex PATH (the codex binary), --cwd DIR (working directory of the agent),
// --offline (start the @cask/testkit model stand-in and a throw-away CODEX_HOME).
// Type a prompt and Enter; `/quit` (or end of input) leaves.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AppServerClient, isLagged } from '@cask/client';

const { values: opts } = parseArgs({
  options: {
    codex: { type: 'string' },
    cwd: { type: 'string' },
    offline: { type: 'boolean', default: false },
  },
});

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = rl[Symbol.asyncIterator]();
/** The next line of input, or undefined at end of input. */
async function nextLine(prompt) {
  process.stdout.write(prompt);
  const r = await lines.next();
  return r.done ? undefined : r.value;
}

// Offline mode: a scripted model (a reply, a command to approve, a reply after it, a stalled reply to interrupt).
let offline;
if (opts.offline) {
  const { startModelStandIn, createCodexHome, codexBinaryPath } = await import('@cask/testkit');
  const standIn = await startModelStandIn([
    { kind: 'message', text: 'Hello! I am the offline stand-in model.', delayMs: 5 },
    { kind: 'shell', command: 'echo chat-example', callId: 'call_chat' },
    { kind: 'message', text: 'The command ran.' },
    { kind: 'stall', chunks: ['Thinking about it'] },
    { kind: 'message', text: 'Back again.' },
  ]);
  const home = createCodexHome({ modelBaseUrl: standIn.url });
  offline = { standIn, home, codexPath: codexBinaryPath() };
}

const client = await AppServerClient.start({
  clientInfo: { name: 'cask_chat_example', title: 'cask chat example', version: '0.1.0' },
  codexPath: opts.codex ?? offline?.codexPath,
  env: offline?.home.env,
  cwd: opts.cwd ?? offline?.home.workspace,
});
const thread = await client.startThreadHandle({
  cwd: opts.cwd ?? offline?.home.workspace ?? process.cwd(),
  approvalPolicy: 'untrusted',
});
console.log(`thread ${thread.id} (server ${client.initializeResponse.userAgent.split(' ')[0]})`);

let current; // the running turn, if any
const onInterrupt = () => {
  if (current) {
    process.stdout.write('\n[interrupting]\n');
    void current.interrupt();
  } else void quit();
};
rl.on('SIGINT', onInterrupt);
process.on('SIGINT', onInterrupt);

const handlers = {
  'item/commandExecution/requestApproval': async (params) => {
    const answer = await nextLine(`\nrun \`${params.command}\`? [y/N] `);
    return { decision: answer?.trim().toLowerCase().startsWith('y') ? 'accept' : 'decline' };
  },
  'item/fileChange/requestApproval': async (params) => {
    const answer = await nextLine(`\napply the file changes (${params.reason ?? 'no reason given'})? [y/N] `);
    return { decision: answer?.trim().toLowerCase().startsWith('y') ? 'accept' : 'decline' };
  },
};

async function quit() {
  rl.close();
  thread.close();
  await client.shutdown();
  if (offline) {
    await offline.standIn.close();
    offline.home.cleanup();
  }
  process.exit(0);
}

for (;;) {
  const prompt = await nextLine('\nyou> ');
  if (prompt === undefined || prompt.trim() === '/quit') break;
  if (!prompt.trim()) continue;
  current = thread.run(prompt, { handlers });
  process.stdout.write('agent> ');
  for await (const ev of current) {
    if (isLagged(ev)) continue; // the state is marked stale; `result` re-reads the thread
    if (ev.method === 'item/agentMessage/delta') process.stdout.write(ev.params.delta);
    else if (ev.method === 'item/started' && ev.params.item.type === 'commandExecution') {
      process.stdout.write(`\n[running ${ev.params.item.command}]`);
    } else if (ev.method === 'item/commandExecution/outputDelta') process.stdout.write(ev.params.delta);
    else if (ev.method === 'item/completed' && ev.params.item.type === 'commandExecution') {
      process.stdout.write(`\n[command ${ev.params.item.status}]\nagent> `);
    }
  }
  const result = await current.result;
  current = undefined;
  const usage = result.usage
    ? `${result.usage.total.totalTokens} tokens this turn (${result.usage.lastCall ? 'last model call ' + result.usage.lastCall.totalTokens : 'no model call'}), thread total ${thread.state.tokenUsage?.total.totalTokens ?? 0}`
    : 'no token usage reported';
  process.stdout.write(`\n[${result.status}${result.error ? `: ${result.error.message}` : ''}; ${usage}]\n`);
}
await quit();
