#!/usr/bin/env node
/**
 * Records the benchmark corpus: real wire traffic between a client and the real
 * `codex app-server` (the pinned `@openai/codex`), run offline against the
 * testkit's loopback model stand-in.
 *
 * The session: initialize, two threads, three turns (one asks to run shell
 * commands under the `untrusted` policy, so the server sends approval requests
 * the recorder answers; the others stream long assistant messages as many
 * deltas), then a round of read-only and harmless methods (lists, reads, fs,
 * config). Every message both ways is written as one JSONL line
 * `{"dir":"c2s"|"s2c","msg":...}`, the format `cask validate` reads.
 *
 * Usage: `node bench/record-corpus.mjs [--out bench/corpus.jsonl]`
 * (needs `pnpm --filter @cask/testkit build` first).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codexBinaryPath, createCodexHome, startModelStandIn } from '@cask/testkit';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(here, 'corpus.jsonl') } } });

const LONG = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a long streamed answer, with some words.`).join(
  ' ',
);
const standIn = await startModelStandIn((_req, i) => {
  const script = [
    { kind: 'shell', command: 'echo hello from the corpus', callId: 'call_corpus_1' },
    { kind: 'shell', command: 'ls -la', callId: 'call_corpus_2' },
    { kind: 'message', text: `Both commands ran. ${LONG}` },
    { kind: 'message', text: LONG },
    { kind: 'message', text: `A third answer. ${LONG}` },
  ];
  return script[i] ?? { kind: 'message', text: 'More.' };
});
const home = createCodexHome({ modelBaseUrl: standIn.url });
const ws = home.workspace;
writeFileSync(path.join(ws, 'notes.txt'), 'hello corpus\n');
mkdirSync(path.join(ws, 'src'));
writeFileSync(path.join(ws, 'src', 'main.ts'), 'export const answer = 42;\n');

const child = spawn(codexBinaryPath(), ['app-server'], {
  cwd: ws,
  env: { ...process.env, ...home.env },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = [];
const record = (dir, msg) => lines.push(JSON.stringify({ dir, msg }));
const pending = new Map();
const waiters = [];
let nextId = 0;

const send = (msg) => {
  record('c2s', msg);
  child.stdin.write(`${JSON.stringify(msg)}\n`);
};
const request = (method, params) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, method });
    send(params === undefined ? { id, method } : { id, method, params });
  });
/** Resolves with the first notification for which `pred` holds. */
const waitFor = (pred) => new Promise((resolve) => waiters.push({ pred, resolve }));

createInterface({ input: child.stdout }).on('line', (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  record('s2c', msg);
  if ('method' in msg && 'id' in msg) {
    // A server request (approvals): accept commands, decline anything else we do not know.
    const result = msg.method.endsWith('/requestApproval') ? { decision: 'accept' } : { decision: 'decline' };
    send({ id: msg.id, result });
  } else if ('method' in msg) {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].pred(msg)) waiters.splice(i, 1)[0].resolve(msg);
    }
  } else {
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (!p) return;
    if ('error' in msg) p.reject(new Error(`${p.method}: ${msg.error.message}`));
    else p.resolve(msg.result);
  }
});

const turn = async (threadId, text) => {
  const done = waitFor((m) => m.method === 'turn/completed' && m.params.threadId === threadId);
  await request('turn/start', { threadId, input: [{ type: 'text', text, text_elements: [] }] });
  const completed = await done;
  if (completed.params.turn.status !== 'completed') throw new Error(`turn ended ${completed.params.turn.status}`);
};

try {
  await request('initialize', { clientInfo: { name: 'cask_corpus', title: 'cask corpus', version: '0.1.0' } });
  send({ method: 'initialized' });
  const { thread } = await request('thread/start', { cwd: ws, approvalPolicy: 'untrusted' });
  await turn(thread.id, 'Please run two commands and tell me what they printed.');
  await turn(thread.id, 'Now tell me a long story.');
  const spare = (await request('thread/start', { cwd: ws })).thread.id;
  await turn(spare, 'And another one.');
  const calls = [
    ['thread/list', {}],
    ['thread/loaded/list', {}],
    ['thread/read', { threadId: thread.id, includeTurns: true }],
    ['thread/turns/list', { threadId: thread.id }],
    ['thread/items/list', { threadId: thread.id }],
    ['thread/name/set', { threadId: thread.id, name: 'corpus thread' }],
    ['thread/fork', { threadId: thread.id }],
    ['thread/resume', { threadId: spare }],
    ['thread/archive', { threadId: spare }],
    ['thread/unarchive', { threadId: spare }],
    ['skills/list', {}],
    ['hooks/list', {}],
    ['fs/readFile', { path: path.join(ws, 'notes.txt') }],
    ['fs/getMetadata', { path: path.join(ws, 'notes.txt') }],
    ['fs/readDirectory', { path: ws }],
    ['fuzzyFileSearch', { query: 'main', roots: [ws] }],
    ['command/exec', { command: ['echo', 'corpus'] }],
    ['model/list', {}],
    ['modelProvider/list', {}],
    ['experimentalFeature/list', {}],
    ['permissionProfile/list', {}],
    ['config/read', {}],
    ['configRequirements/read', undefined],
    ['mcpServerStatus/list', {}],
    ['account/read', {}],
  ];
  for (const [method, params] of calls) {
    try {
      await request(method, params);
    } catch (err) {
      console.warn(`record-corpus: ${err.message}`);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
} finally {
  child.stdin.end();
  child.kill();
  await standIn.close();
  home.cleanup();
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
console.log(`record-corpus: ${lines.length} messages, ${bytes} bytes -> ${path.relative(process.cwd(), values.out)}`);
