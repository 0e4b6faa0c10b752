// Request round-trip latency against the real `codex app-server`: our client
// (requestRaw('fs/getMetadata')) vs a bare hand-written JSONL driver.
//
// A stdio server serves one client, so each driver needs its own server
// process, and two processes never behave quite alike (on few cores the p99 is
// dominated by how the scheduler treats two multi-threaded servers). To keep
// that out of the ratio:
// - several rounds, each with two fresh server processes, A (spawned first)
//   and B; even rounds give A to our client and B to the bare driver, odd
//   rounds swap them;
// - within a round the requests alternate one by one (random order within
//   each pair), so load changes on the machine hit both drivers alike;
// - per-round ratios are reported with their median and range, plus the ratio
//   of the percentiles of all rounds pooled;
// - a control comparison (the bare driver against itself, same procedure,
//   interleaved with the real one round by round) shows how far the ratios
//   move when nothing but the server processes differ;
// - every request is split into where its time went, with the same probes on
//   both drivers' processes: "send" = call → the request handed to the
//   server's stdin.write, "receive" = the response's stdout chunk arriving →
//   the awaiting code resuming (together: the driver's own overhead), "wire" =
//   the rest (pipe, server, event-loop wake-up).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { codexBinaryPath, createCodexHome } from '@cask/testkit';
import { AppServerClient } from '../dist/index.js';

/**
 * Records, for one server process, when a request was last written to its
 * stdin and when the last chunk arrived on its stdout. Installed the same way
 * on both drivers' processes (the chunk listener runs before the driver's own).
 */
function probe(child) {
  const marks = { wrote: 0, chunk: 0 };
  const write = child.stdin.write;
  child.stdin.write = function (...args) {
    marks.wrote = performance.now();
    return write.apply(this, args);
  };
  child.stdout.prependListener('data', () => (marks.chunk = performance.now()));
  return marks;
}

/** The bare driver: spawn, handshake, one pending map, readline + JSON.parse. */
export async function bareDriver(env, cwd) {
  // stdio as our StdioTransport sets it up (stderr piped and drained), so both server processes are started alike.
  const child = spawn(codexBinaryPath(), ['app-server'], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const marks = probe(child);
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
    marks,
    close: () => new Promise((r) => (child.once('close', r), child.stdin.end())),
  };
}

export async function oursDriver(env, cwd) {
  const client = await AppServerClient.start({
    codexPath: codexBinaryPath(),
    env,
    cwd,
    clientInfo: { name: 'bench_ours', version: '0' },
  });
  // Bench-only reach into the transport's private child process, to install the same probe as on the bare driver's.
  const marks = probe(client.transport.child);
  return { request: (m, p) => client.requestRaw(m, p), marks, close: () => client.shutdown() };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99) };
}

const newSamples = () => ({ total: [], send: [], receive: [], wire: [] });

/** One round of one comparison: two fresh servers, A spawned first; `subjectOnA` says who gets A. */
async function round({ subject, baseline }, subjectOnA, { pairs, warmup, env, cwd, params }) {
  const drivers = {};
  for (const name of subjectOnA ? ['subject', 'baseline'] : ['baseline', 'subject']) {
    drivers[name] = await (name === 'subject' ? subject : baseline)(env, cwd);
  }
  try {
    for (let i = 0; i < warmup; i++) {
      await drivers.subject.request('fs/getMetadata', params);
      await drivers.baseline.request('fs/getMetadata', params);
    }
    const samples = { subject: newSamples(), baseline: newSamples() };
    for (let i = 0; i < pairs; i++) {
      const order = Math.random() < 0.5 ? ['subject', 'baseline'] : ['baseline', 'subject'];
      for (const name of order) {
        const d = drivers[name];
        const t0 = performance.now();
        await d.request('fs/getMetadata', params);
        const t1 = performance.now();
        const s = samples[name];
        s.total.push(t1 - t0);
        s.send.push(d.marks.wrote - t0);
        s.receive.push(t1 - d.marks.chunk);
        s.wire.push(d.marks.chunk - d.marks.wrote);
      }
    }
    return samples;
  } finally {
    await drivers.subject.close();
    await drivers.baseline.close();
  }
}

/**
 * Runs `rounds` rounds of every comparison (by default: our client vs the
 * bare driver, and as a control the bare driver vs itself, which shows how far
 * the ratios move when nothing but the server processes differ). In a round,
 * each comparison gets two fresh server processes and `pairs` request pairs
 * (after `warmup` pairs); the comparisons take turns within each round so
 * that load changes on the machine reach them alike.
 * @returns for each comparison: per-round ratios and pooled statistics.
 */
export async function latency({
  rounds = 8,
  pairs = 4_000,
  warmup = 300,
  comparisons = {
    main: { subject: oursDriver, baseline: bareDriver },
    control: { subject: bareDriver, baseline: bareDriver },
  },
  onRound,
} = {}) {
  const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
  const out = {};
  const pooled = {};
  for (const label of Object.keys(comparisons)) {
    out[label] = { rounds: [], pooled: {} };
    pooled[label] = { subject: newSamples(), baseline: newSamples() };
  }
  try {
    const ctx = { pairs, warmup, env: home.env, cwd: home.workspace, params: { path: home.dir } };
    const labels = Object.keys(comparisons);
    for (let r = 0; r < rounds; r++) {
      // Even rounds: the subject on server A (spawned first); odd rounds: on B.
      const subjectOnA = r % 2 === 0;
      for (const label of r % 2 === 0 ? labels : [...labels].reverse()) {
        const samples = await round(comparisons[label], subjectOnA, ctx);
        const res = {
          label,
          round: r + 1,
          subjectOn: subjectOnA ? 'A' : 'B',
          subject: summary(samples.subject.total),
          baseline: summary(samples.baseline.total),
        };
        res.ratio = { p50: res.subject.p50 / res.baseline.p50, p99: res.subject.p99 / res.baseline.p99 };
        out[label].rounds.push(res);
        onRound?.(res);
        for (const who of ['subject', 'baseline'])
          for (const k of Object.keys(samples[who])) pooled[label][who][k].push(...samples[who][k]);
      }
    }
    for (const label of labels) {
      for (const who of ['subject', 'baseline']) {
        out[label].pooled[who] = Object.fromEntries(
          Object.entries(pooled[label][who]).map(([k, xs]) => [k, summary(xs)]),
        );
      }
    }
    return out;
  } finally {
    home.cleanup();
  }
}
