// `pnpm bench` entry point: runs every measurement side by side in one go
// and prints a table with ratios. Needs `pnpm build` first (reads ../dist).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { latency } from './latency.mjs';
import { bare, ours, vscodeJsonrpc } from './throughput.mjs';

const N = Number(process.env.BENCH_N ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');

console.log(
  `@cask/client benchmarks: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`,
);

// BENCH_ONLY=throughput|latency|memory (comma-separated) runs a subset.
const ONLY = process.env.BENCH_ONLY?.split(',');
const only = (name) => !ONLY || ONLY.includes(name);

// 1. Throughput, consumers interleaved round by round so drift hits all alike.
if (only('throughput')) {
  const consumers = [
    ['bare readline + JSON.parse', () => bare(N)],
    ['vscode-jsonrpc (newline reader)', () => vscodeJsonrpc(N)],
    ["@cask/client validate:'off', on()", () => ours(N)],
    ["@cask/client validate:'off', notifications()", () => ours(N, { consumer: 'iterator' })],
    ["@cask/client validate:'strict', on()", () => ours(N, { validate: 'strict' })],
  ];
  const rates = new Map(consumers.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of consumers) {
      const res = await run();
      if (res.count !== N) throw new Error(`${name}: counted ${res.count} of ${N}`);
      if (res.dropped) throw new Error(`${name}: dropped ${res.dropped}`);
      rates.get(name).push((N / res.ms) * 1000);
    }
  }
  const bareRate = median(rates.get(consumers[0][0]));
  const vscodeRate = median(rates.get(consumers[1][0]));
  console.log(
    `\n1. Inbound notification throughput over a pipe (${fmt(N)} notifications, median of ${ROUNDS} rounds)\n`,
  );
  console.log('| consumer | messages/s | × bare | × vscode-jsonrpc |');
  console.log('|---|---:|---:|---:|');
  for (const [name] of consumers) {
    const m = median(rates.get(name));
    console.log(`| ${name} | ${fmt(m)} | ${(m / bareRate).toFixed(2)} | ${(m / vscodeRate).toFixed(2)} |`);
  }
  const offRate = median(rates.get(consumers[2][0]));
  console.log(
    `targets: ≥1.0× bare with validation off: ${offRate / bareRate >= 1.0 ? 'met' : 'MISSED'}; ≥3× vscode-jsonrpc: ${offRate / vscodeRate >= 3 ? 'met' : 'MISSED'}`,
  );
}

// 2. Latency against the real server: rounds with fresh server processes, swapped between the drivers,
// and a control (the bare driver against itself) run alongside.
if (only('latency')) {
  const LAT_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 8);
  const LAT_PAIRS = Number(process.env.BENCH_LATENCY_PAIRS ?? 4_000);
  const f3 = (x) => x.toFixed(3);
  const f2 = (x) => x.toFixed(2);
  const names = { main: 'ours / bare', control: 'control: bare / bare' };
  console.log(
    `\n2. Request round trip against the real codex app-server (fs/getMetadata; ${LAT_ROUNDS} rounds × ${fmt(LAT_PAIRS)} requests per driver, ` +
      `alternating request by request; each round and comparison gets two fresh server processes, A spawned first, ` +
      `swapped between the drivers every round; the control runs the bare driver against itself the same way)\n`,
  );
  console.log(
    '| round | comparison | subject on | baseline p50 ms | subject p50 ms | p50 ratio | baseline p99 ms | subject p99 ms | p99 ratio |',
  );
  console.log('|---:|---|:---:|---:|---:|---:|---:|---:|---:|');
  const lat = await latency({
    rounds: LAT_ROUNDS,
    pairs: LAT_PAIRS,
    onRound: (r) =>
      console.log(
        `| ${r.round} | ${names[r.label]} | ${r.subjectOn} | ${f3(r.baseline.p50)} | ${f3(r.subject.p50)} | ${f2(r.ratio.p50)} | ${f3(r.baseline.p99)} | ${f3(r.subject.p99)} | ${f2(r.ratio.p99)} |`,
      ),
  });
  const spread = (xs) => `${f2(median(xs))} (${f2(Math.min(...xs))}–${f2(Math.max(...xs))})`;
  console.log(
    '\n| comparison | p50 ratio: median of rounds (range) | p99 ratio: median of rounds (range) | pooled p50 ms (ratio) | pooled p99 ms (ratio) |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const label of ['main', 'control']) {
    const { rounds, pooled } = lat[label];
    const { subject: s, baseline: b } = pooled;
    console.log(
      `| ${names[label]} | ${spread(rounds.map((r) => r.ratio.p50))} | ${spread(rounds.map((r) => r.ratio.p99))} | ` +
        `${f3(s.total.p50)} vs ${f3(b.total.p50)} (${f2(s.total.p50 / b.total.p50)}) | ${f3(s.total.p99)} vs ${f3(b.total.p99)} (${f2(s.total.p99 / b.total.p99)}) |`,
    );
  }
  const main = lat.main.rounds;
  const met = median(main.map((r) => r.ratio.p50)) <= 1.05;
  console.log(
    `target: p50 within 5% (median of the per-round ours/bare p50 ratios ≤ 1.05; the p99 is the machine's, see the control): ${met ? 'met' : 'MISSED'}`,
  );
  console.log(
    '\nwhere the time goes, ours vs bare, all rounds pooled (the same probes on both drivers: send = call → bytes handed to stdin; ' +
      'receive = response chunk on stdout → the awaiting code resumes; wire = stdin write → response chunk: pipe, server and event-loop wake-up)\n',
  );
  console.log('| driver | send p50 / p99 µs | receive p50 / p99 µs | wire p50 / p99 ms | total p50 / p99 ms |');
  console.log('|---|---:|---:|---:|---:|');
  const us = (x) => (x * 1000).toFixed(1);
  for (const [name, s] of [
    ['bare JSONL driver', lat.main.pooled.baseline],
    ['@cask/client requestRaw', lat.main.pooled.subject],
  ]) {
    console.log(
      `| ${name} | ${us(s.send.p50)} / ${us(s.send.p99)} | ${us(s.receive.p50)} / ${us(s.receive.p99)} | ${f3(s.wire.p50)} / ${f3(s.wire.p99)} | ${f3(s.total.p50)} / ${f3(s.total.p99)} |`,
    );
  }
  const o = lat.main.pooled.subject;
  const b = lat.main.pooled.baseline;
  const sendDelta = (o.send.p50 - b.send.p50) * 1000;
  const receiveDelta = (o.receive.p50 - b.receive.p50) * 1000;
  const c = lat.control.pooled;
  const signed = (x) => {
    const r = Math.round(x * 10) / 10; // -0.04 prints as +0.0, not -0.0
    return `${r >= 0 ? '+' : ''}${r.toFixed(1)}`;
  };
  console.log(
    `control (the bare driver against itself, same probes): send ${signed((c.subject.send.p50 - c.baseline.send.p50) * 1000)} µs, ` +
      `receive ${signed((c.subject.receive.p50 - c.baseline.receive.p50) * 1000)} µs at p50`,
  );
  console.log(
    `target: the client's own send and receive cost within 1 µs of the bare driver's at p50 (send ${sendDelta >= 0 ? '+' : ''}${sendDelta.toFixed(1)} µs, receive ${receiveDelta >= 0 ? '+' : ''}${receiveDelta.toFixed(1)} µs): ${sendDelta <= 1 && receiveDelta <= 1 ? 'met' : 'MISSED'}`,
  );
}

// 3. Memory, one fresh process per queue capacity.
if (only('memory')) {
  const MEM_N = Number(process.env.BENCH_MEMORY_N ?? 1_000_000);
  console.log(`\n3. Peak memory, ${fmt(MEM_N)} notifications to a consumer reading ≤ 50 000/s (fresh process each)\n`);
  console.log('| queueCapacity | read | skipped (lagged) | peak RSS MiB (base) | peak heap MiB (base) | time s |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  const memScript = fileURLToPath(new URL('./memory.mjs', import.meta.url));
  for (const cap of [1_000, 10_000, 100_000, MEM_N]) {
    const out = execFileSync(process.execPath, ['--expose-gc', memScript, String(MEM_N), String(cap)], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out.trim().split('\n').at(-1));
    console.log(
      `| ${fmt(cap)}${cap === 10_000 ? ' (default)' : cap === MEM_N ? ' (= N: in effect unbounded)' : ''} | ${fmt(r.read)} | ${fmt(r.skipped)} (${r.laggedEvents} markers) | ${r.peakRssMiB} (${r.baseRssMiB}) | ${r.peakHeapMiB} (${r.baseHeapMiB}) | ${(r.ms / 1000).toFixed(1)} |`,
    );
  }
}
