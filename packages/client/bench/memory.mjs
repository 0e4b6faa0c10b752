// Peak memory while N notifications flood a consumer that reads slowly.
// Run in a fresh process per configuration: `node memory.mjs N CAPACITY`.
// Prints one JSON line.
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppServerClient } from '../dist/index.js';

const n = Number(process.argv[2] ?? 1_000_000);
const capacity = Number(process.argv[3] ?? 10_000);
const EMITTER = fileURLToPath(new URL('./emitter.mjs', import.meta.url));

globalThis.gc?.();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}, 10);

const client = await AppServerClient.start({
  codexPath: process.execPath,
  args: [EMITTER, String(n)],
  clientInfo: { name: 'bench_memory', version: '0' },
  queueCapacity: capacity,
  shutdownGraceMs: 500,
});
const t0 = performance.now();
let read = 0;
let skipped = 0;
let laggedEvents = 0;
for await (const ev of client.notifications()) {
  if (ev.kind === 'lagged') {
    skipped += ev.skipped;
    laggedEvents++;
  } else read++;
  if (read % 500 === 0) await sleep(10); // the slow consumer: about 50 000 messages/s at best
  if (read + skipped + client.startupNotifications.length >= n) break;
}
const ms = performance.now() - t0;
clearInterval(sampler);
await client.shutdown();
console.log(
  JSON.stringify({
    n,
    capacity,
    read,
    skipped,
    laggedEvents,
    dropped: client.droppedEvents,
    ms: Math.round(ms),
    baseRssMiB: +(base.rss / 2 ** 20).toFixed(1),
    peakRssMiB: +(peakRss / 2 ** 20).toFixed(1),
    baseHeapMiB: +(base.heapUsed / 2 ** 20).toFixed(1),
    peakHeapMiB: +(peakHeap / 2 ** 20).toFixed(1),
  }),
);
