// Inbound notification throughput over a real pipe: the same child process
// (emitter.mjs) writes N notifications; each consumer counts them.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';
import { AppServerClient } from '../dist/index.js';

const EMITTER = fileURLToPath(new URL('./emitter.mjs', import.meta.url));
const spawnEmitter = (n) => spawn(process.execPath, [EMITTER, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });

/** The practical limit: readline + JSON.parse, nothing else. */
export function bare(n) {
  return new Promise((resolve) => {
    const child = spawnEmitter(n);
    let count = 0;
    let t0 = 0;
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const msg = JSON.parse(line);
      if (msg.method !== undefined) count++;
      if (count === n) {
        const ms = performance.now() - t0;
        child.stdin.end();
        resolve({ count, ms });
      }
    });
    t0 = performance.now();
    child.stdin.write('go\n');
  });
}

/**
 * vscode-jsonrpc has no newline framing; this reader supplies one the
 * idiomatic way (readline + JSON.parse) and hands messages to the library's
 * connection, which dispatches them to `onNotification`.
 */
class NewlineMessageReader extends rpc.AbstractMessageReader {
  constructor(readable) {
    super();
    this.readable = readable;
  }
  listen(callback) {
    const rl = createInterface({ input: this.readable, crlfDelay: Infinity });
    rl.on('line', (line) => {
      try {
        callback(JSON.parse(line));
      } catch (err) {
        this.fireError(err);
      }
    });
    rl.on('close', () => this.fireClose());
    return { dispose: () => rl.close() };
  }
}

export function vscodeJsonrpc(n) {
  return new Promise((resolve) => {
    const child = spawnEmitter(n);
    const connection = rpc.createMessageConnection(
      new NewlineMessageReader(child.stdout),
      new rpc.StreamMessageWriter(child.stdin),
    );
    let count = 0;
    let t0 = 0;
    connection.onNotification('item/agentMessage/delta', () => {
      count++;
      if (count === n) {
        const ms = performance.now() - t0;
        connection.dispose();
        child.stdin.end();
        resolve({ count, ms });
      }
    });
    connection.listen();
    t0 = performance.now();
    child.stdin.write('go\n');
  });
}

/** Our client over its stdio transport; consumer = `on()` listener or the `notifications()` iterator. */
export async function ours(n, { validate = 'off', consumer = 'on' } = {}) {
  let count = 0;
  let t0 = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  const client = await AppServerClient.start({
    codexPath: process.execPath,
    args: [EMITTER, String(n)],
    clientInfo: { name: 'bench', version: '0' },
    validate,
    onProtocolIssue: () => undefined,
    shutdownGraceMs: 500,
  });
  // start() sends `initialized`, which starts the flood: the clock starts now.
  t0 = performance.now();
  const notes = client.startupNotifications.length;
  count += notes;
  if (consumer === 'on') {
    client.on('item/agentMessage/delta', () => {
      if (++count === n) done(performance.now() - t0);
    });
  } else {
    void (async () => {
      for await (const ev of client.notifications()) {
        if (ev.kind === 'lagged') count += ev.skipped;
        else count++;
        if (count >= n) return done(performance.now() - t0);
      }
    })();
  }
  const ms = await finished;
  const dropped = client.droppedEvents;
  await client.shutdown();
  return { count, ms, dropped };
}
