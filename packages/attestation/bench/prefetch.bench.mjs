// Benchmark: answer times for attestation/generate with a slow (300 ms)
// token generator, through the raw provider vs PrefetchingAttestationProvider.
// Run with `pnpm bench` at the root (turbo builds first), or
// `pnpm --filter @cask/attestation build && pnpm --filter @cask/attestation bench`.
//
// Each "request" is what the client does for one attestation/generate: it calls
// the extension's handler and waits for { token } or an error. The handler's
// budget is set high (5 s) here so the raw provider's full latency is measured
// rather than cut off; with the real 80 ms budget every raw answer would time out.
let lib;
try {
  lib = await import('../dist/index.js');
} catch (error) {
  console.error('bench: could not load ../dist/index.js; build first with `pnpm --filter @cask/attestation build`');
  throw error;
}
const { attestation, PrefetchingAttestationProvider } = lib;

const GENERATOR_MS = Number(process.env.GENERATOR_MS ?? 300);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 20);
const BURSTS = Number(process.env.BURSTS ?? 5);
const BURST_SIZE = Number(process.env.BURST_SIZE ?? 4);
const GAP_MS = Number(process.env.GAP_MS ?? 350); // time between requests, like turns of a conversation

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function generator() {
  let n = 0;
  return {
    generate: ({ signal }) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => resolve(`bench-token-${++n}`), GENERATOR_MS);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          reject(new Error('aborted'));
        });
      }),
  };
}

function handlerFor(provider) {
  const h = attestation(provider, { budgetMs: 5_000 }).serverRequestHandlers['attestation/generate'];
  let id = 0;
  return async () => {
    const started = performance.now();
    await h({}, { id: id++, method: 'attestation/generate', signal: new AbortController().signal });
    return performance.now() - started;
  };
}

async function run(provider) {
  const ask = handlerFor(provider);
  const sequential = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    sequential.push(await ask());
    await sleep(GAP_MS);
  }
  const concurrent = [];
  for (let b = 0; b < BURSTS; b++) {
    concurrent.push(...(await Promise.all(Array.from({ length: BURST_SIZE }, () => ask()))));
    await sleep(GAP_MS);
  }
  return { sequential, concurrent };
}

function pct(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const raw = await run(generator());
const pre = new PrefetchingAttestationProvider(generator(), { maxAgeMs: 60_000 });
await sleep(GENERATOR_MS + 50); // let it fill once, as a long-lived client would have
const prefetched = await run(pre);
pre.close();
const wide = new PrefetchingAttestationProvider(generator(), { maxAgeMs: 60_000, readyCount: BURST_SIZE });
await sleep(GENERATOR_MS + 50);
const prefetchedWide = await run(wide);
wide.close();

const fmt = (ms) => `${ms.toFixed(1)} ms`.padStart(10);
console.log(
  `generator ${GENERATOR_MS} ms; ${SEQUENTIAL} sequential requests ${GAP_MS} ms apart; ${BURSTS} bursts of ${BURST_SIZE} concurrent`,
);
console.log(`node ${process.version}`);
console.log('');
console.log(
  `${'workload'.padEnd(12)}${'stat'.padEnd(6)}${'raw'.padStart(10)}${'prefetch'.padStart(10)}${'ratio'.padStart(10)}${`prefetch×${BURST_SIZE}`.padStart(12)}${'ratio'.padStart(10)}`,
);
for (const kind of ['sequential', 'concurrent']) {
  for (const p of [50, 99]) {
    const a = pct(raw[kind], p);
    const b = pct(prefetched[kind], p);
    const c = pct(prefetchedWide[kind], p);
    console.log(
      `${kind.padEnd(12)}${`p${p}`.padEnd(6)}${fmt(a)}${fmt(b)}${`${(a / b).toFixed(1)}x`.padStart(10)}${fmt(c).padStart(12)}${`${(a / c).toFixed(1)}x`.padStart(10)}`,
    );
  }
}
console.log('');
console.log('ratio = raw / prefetch answer time; prefetch = readyCount 1 (default), prefetch×N = readyCount N');
console.log(`prefetch stats (readyCount 1): ${JSON.stringify(pre.stats)}`);
console.log(`prefetch stats (readyCount ${BURST_SIZE}): ${JSON.stringify(wide.stats)}`);
