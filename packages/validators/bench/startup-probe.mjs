/**
 * Child process of the start-up benchmark: imports one module and reports
 * what that cost, then (for the validators) what the first validation of each
 * method of a typical session costs. Run with `--expose-gc`.
 *
 * argv: <module url or specifier> [corpus file] [index]
 *
 * Without an index, every method of the session is validated once, in wire order (a method finds the
 * modules it shares with earlier ones already loaded). With an index, only the index-th method of that
 * list is validated: its first use right after import, alone in its process.
 */
import { loadCorpus } from './corpus.mjs';

const [spec, corpusFile, onlyArg] = process.argv.slice(2);
const only = onlyArg === undefined ? undefined : Number(onlyArg);
// Warm the ESM loader with a module of our own, so only the import itself is measured.
await import('./corpus.mjs');
globalThis.gc();
const m0 = process.memoryUsage();
const c0 = process.cpuUsage();
const t0 = performance.now();
const mod = await import(spec);
const wall = performance.now() - t0;
const cpuUsed = process.cpuUsage(c0);
globalThis.gc();
const m1 = process.memoryUsage();
const report = {
  wall,
  cpu: (cpuUsed.user + cpuUsed.system) / 1000,
  heap: (m1.heapUsed + m1.external - m0.heapUsed - m0.external) / 2 ** 20,
  rss: (m1.rss - m0.rss) / 2 ** 20,
};
if (corpusFile && typeof mod.validateMessage === 'function') {
  // First validation of each distinct (direction, method, kind) of the session, in wire order.
  const seen = new Set();
  const firsts = [];
  for (const { text, dir, method } of loadCorpus(corpusFile)) {
    const msg = JSON.parse(text);
    const key = `${dir} ${msg.method ?? `response to ${method}`}`;
    if (seen.has(key) || (msg.method === undefined && method === undefined)) continue;
    seen.add(key);
    if (only !== undefined && seen.size - 1 !== only) continue;
    // Empty the young generation first: a scavenge the probe's own allocations (the corpus) made due
    // would otherwise land in whichever validation happens to allocate next.
    globalThis.gc({ type: 'minor' });
    const c = process.cpuUsage();
    const t = performance.now();
    const r = mod.validateMessage(msg, dir, method ? { method } : {});
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    firsts.push({ key, ms, cpu: (used.user + used.system) / 1000, ok: r.ok });
  }
  globalThis.gc();
  const m2 = process.memoryUsage();
  report.firsts = firsts;
  report.heapAfterSession = (m2.heapUsed + m2.external - m0.heapUsed - m0.external) / 2 ** 20;
}
process.stdout.write(JSON.stringify(report));
