// `pnpm bench` entry point: runs every measurement side by side in one go
// and prints a table with ratios. Needs `pnpm build` first (reads ../dist).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { latency } from './latency.mjs';
import { bare, ours, vscodeJsonrpc } from './throughput.mjs';

const N = Number(process.env.BENCH_N ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');

console.log(`@cask/client benchmarks: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`);

// 1. Throughput, consumers interleaved round by round so drift hits all alike.
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
console.log(`\n1. Inbound notification throughput over a pipe (${fmt(N)} notifications, median of ${ROUNDS} rounds)\n`);
console.log('| consumer | messages/s | × bare | × vscode-jsonrpc |');
console.log('|---|---:|---:|---:|');
for (const [name] of consumers) {
  const m = median(rates.get(name));
  console.log(`| ${name} | ${fmt(m)} | ${(m / bareRate).toFixed(2)} | ${(m / vscodeRate).toFixed(2)} |`);
}
const offRate = median(rates.get(consumers[2][0]));
console.log(`targets: ≥0.8× bare with validation off: ${offRate / bareRate >= 0.8 ? 'met' : 'MISSED'}; ≥1.5× vscode-jsonrpc: ${offRate / vscodeRate >= 1.5 ? 'met' : 'MISSED'}`);

// 2. Latency against the real server.
const lat = await latency();
console.log(`\n2. Request round trip against the real codex app-server (fs/getMetadata, ${lat.ours.n} requests each, alternating request by request)\n`);
console.log('| driver | p50 ms | p99 ms |');
console.log('|---|---:|---:|');
for (const [name, s] of [['bare JSONL driver', lat.bare], ['@cask/client requestRaw', lat.ours]]) {
  console.log(`| ${name} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} |`);
}
console.log(`ratio ours/bare: p50 ${(lat.ours.p50 / lat.bare.p50).toFixed(2)}, p99 ${(lat.ours.p99 / lat.bare.p99).toFixed(2)} (target: within 10%, i.e. ≤ 1.10)`);

// 3. Memory, one fresh process per queue capacity.
const MEM_N = Number(process.env.BENCH_MEMORY_N ?? 1_000_000);
console.log(`\n3. Peak memory, ${fmt(MEM_N)} notifications to a consumer reading ≤ 50 000/s (fresh process each)\n`);
console.log('| queueCapacity | read | skipped (lagged) | peak RSS MiB (base) | peak heap MiB (base) | time s |');
console.log('|---:|---:|---:|---:|---:|---:|');
const memScript = fileURLToPath(new URL('./memory.mjs', import.meta.url));
for (const cap of [1_000, 10_000, 100_000, MEM_N]) {
  const out = execFileSync(process.execPath, ['--expose-gc', memScript, String(MEM_N), String(cap)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').at(-1));
  console.log(
    `| ${fmt(cap)}${cap === 10_000 ? ' (default)' : cap === MEM_N ? ' (= N: in effect unbounded)' : ''} | ${fmt(r.read)} | ${fmt(r.skipped)} (${r.laggedEvents} markers) | ${r.peakRssMiB} (${r.baseRssMiB}) | ${r.peakHeapMiB} (${r.baseHeapMiB}) | ${(r.ms / 1000).toFixed(1)} |`,
  );
}
