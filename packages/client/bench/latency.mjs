// Request round-trip latency against the real `codex app-server`: our client
// (requestRaw('fs/getMetadata')) vs a bare hand-written JSONL driver, each
// talking to its own server process. Requests alternate one by one (in a
// random order within each pair), so drift in machine load hits both alike.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { codexBinaryPath, createCodexHome } from '@cask/testkit';
import { AppServerClient } from '../dist/index.js';

/** The bare driver: spawn, handshake, one pending map, readline + JSON.parse. */
async function bareDriver(env, cwd) {
  const child = spawn(codexBinaryPath(), ['app-server'], { env: { ...process.env, ...env }, cwd, stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map();
  let nextId = 0;
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.method === undefined && msg.id !== undefined) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(msg.error.message));
      else w?.resolve(msg.result);
    }
  });
  const request = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.stdin.write(JSON.stringify({ id, method, params }) + '\n');
    });
  await request('initialize', { clientInfo: { name: 'bench_bare', version: '0' }, capabilities: null });
  child.stdin.write('{"method":"initialized"}\n');
  return {
    request,
    close: () => new Promise((r) => (child.once('close', r), child.stdin.end())),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function latency({ pairs = 6_000, warmup = 500 } = {}) {
  const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
  try {
    const params = { path: home.dir };
    const client = await AppServerClient.start({ codexPath: codexBinaryPath(), env: home.env, cwd: home.workspace, clientInfo: { name: 'bench_ours', version: '0' } });
    const bare = await bareDriver(home.env, home.workspace);
    const ours = (m, p) => client.requestRaw(m, p);
    for (let i = 0; i < warmup; i++) {
      await ours('fs/getMetadata', params);
      await bare.request('fs/getMetadata', params);
    }
    const samples = { ours: [], bare: [] };
    for (let i = 0; i < pairs; i++) {
      const order = Math.random() < 0.5 ? [['ours', ours], ['bare', bare.request]] : [['bare', bare.request], ['ours', ours]];
      for (const [name, send] of order) {
        const t0 = performance.now();
        await send('fs/getMetadata', params);
        samples[name].push(performance.now() - t0);
      }
    }
    await client.shutdown();
    await bare.close();
    const stats = {};
    for (const [name, xs] of Object.entries(samples)) {
      xs.sort((a, b) => a - b);
      stats[name] = { n: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99) };
    }
    return stats;
  } finally {
    home.cleanup();
  }
}
