#!/usr/bin/env node
/**
 * `pnpm --filter @cask/validators bench`: every target of the package,
 * measured side by side in one run on the recorded corpus (real traffic of
 * `codex app-server`, bench/corpus.jsonl; responses are validated against
 * their request's result type).
 *
 *  1. Throughput, per bundle: JSON.parse alone vs JSON.parse + validateMessage
 *     vs the peer (ajv compiling the same schema at run time), interleaved rounds.
 *  2. Start-up, in fresh processes: import time and memory of each entry point,
 *     the first validation of each method of the session.
 *  3. Size: the installed package, and a bundled app (esbuild, minified, gzip).
 *
 * The machine is shared and noisy: figures are medians, and ratios are taken
 * within a round. Options: --rounds N (default 21), --procs N (default 9), --first-procs N (default 5:
 * fresh processes per method for its first validation alone).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { build } from 'esbuild';
import { loadCorpus, CORPUS_FILE } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '21' },
    procs: { type: 'string', default: '9' },
    'first-procs': { type: 'string', default: '5' },
    warmup: { type: 'string', default: '100' },
    only: { type: 'string', multiple: true, default: ['throughput', 'startup', 'size'] },
  },
});
const ROUNDS = Number(args.rounds);
const PROCS = Number(args.procs);
const FIRST_PROCS = Number(args['first-procs']);
const WARMUP = Number(args.warmup);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 2) => x.toFixed(d);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 2 ** 20).toFixed(2)} MB`;
const verdict = (ok) => (ok ? 'met' : 'NOT MET');

const corpus = loadCorpus();
const entry = (name) => pathToFileURL(path.join(pkgDir, 'dist', `${name}.js`)).href;
const validators = await import(entry('index'));
const { numericFormats } = validators;

console.log(
  `@cask/validators bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform} ${process.arch}`,
);
console.log(
  `corpus: ${path.relative(process.cwd(), CORPUS_FILE)}: ${corpus.length} messages, ${kb(corpus.reduce((n, m) => n + m.text.length, 0))}`,
);

// ---------------------------------------------------------------- 1. throughput

/**
 * The peers: ajv compiling the same schema at run time, with the integer
 * formats defined (as they must be), reporting all errors (for messages).
 *  - "union": what a team without us would write from the schema alone: each
 *    message is checked against its envelope and the method union it belongs
 *    to (`ServerNotification`, ...), a responses's result against its
 *    request's result type.
 *  - "table": a team that also builds our per-method table: one ajv validator
 *    per method's params and result.
 */
function peersFor(bundleName) {
  const folder = bundleName === 'stable' ? 'json' : 'json-experimental';
  const schemaPkg = path.dirname(require.resolve('@cask/schema/package.json'));
  const bundle = JSON.parse(
    readFileSync(path.join(schemaPkg, folder, 'codex_app_server_protocol.schemas.json'), 'utf8'),
  );
  const UNIONS = ['ClientRequest', 'ClientNotification', 'ServerRequest', 'ServerNotification'];
  const newAjv = () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    for (const [name, def] of Object.entries(numericFormats)) ajv.addFormat(name, def);
    ajv.addSchema(bundle, 'b');
    return ajv;
  };
  const envelopesOf = (ajv) =>
    Object.fromEntries(
      ['JSONRPCRequest', 'JSONRPCNotification', 'JSONRPCResponse', 'JSONRPCError'].map((e) => [
        e,
        ajv.getSchema(`b#/definitions/${e}`),
      ]),
    );
  const results = (ajv) => {
    const out = {};
    for (const union of ['ClientRequest', 'ServerRequest']) {
      out[union] = new Map(
        bundle.definitions[union].oneOf.map((entry, i) => [
          entry.properties.method.enum[0],
          entry['x-result'] ? ajv.getSchema(`b#/definitions/${union}/oneOf/${i}/x-result`) : undefined,
        ]),
      );
    }
    return out;
  };
  const unionOf = (msg, dir) =>
    'id' in msg
      ? dir === 'c2s'
        ? 'ClientRequest'
        : 'ServerRequest'
      : dir === 'c2s'
        ? 'ClientNotification'
        : 'ServerNotification';
  const checkResponse = (env, res, msg, dir, method) => {
    if ('error' in msg) return env.JSONRPCError(msg);
    if (!env.JSONRPCResponse(msg)) return false;
    if (!method) return true;
    const v = res[dir === 's2c' ? 'ClientRequest' : 'ServerRequest'].get(method);
    return v ? v(msg.result) : false;
  };

  let t0 = performance.now();
  const u = newAjv();
  const uEnv = envelopesOf(u);
  const unions = Object.fromEntries(UNIONS.map((n) => [n, u.getSchema(`b#/definitions/${n}`)]));
  const uRes = results(u);
  const union = {
    compileMs: performance.now() - t0,
    validate: (msg, dir, method) => {
      if (!('method' in msg)) return checkResponse(uEnv, uRes, msg, dir, method);
      if (!uEnv['id' in msg ? 'JSONRPCRequest' : 'JSONRPCNotification'](msg)) return false;
      // The union members are {method, params} (and id for requests).
      return unions[unionOf(msg, dir)](
        'id' in msg
          ? { id: msg.id, method: msg.method, params: msg.params }
          : { method: msg.method, params: msg.params },
      );
    },
  };

  t0 = performance.now();
  const t = newAjv();
  const tEnv = envelopesOf(t);
  const params = {};
  for (const n of UNIONS) {
    params[n] = new Map(
      bundle.definitions[n].oneOf.map((entry, i) => [
        entry.properties.method.enum[0],
        entry.properties.params ? t.getSchema(`b#/definitions/${n}/oneOf/${i}/properties/params`) : undefined,
      ]),
    );
  }
  const tRes = results(t);
  const table = {
    compileMs: performance.now() - t0,
    validate: (msg, dir, method) => {
      if (!('method' in msg)) return checkResponse(tEnv, tRes, msg, dir, method);
      if (!tEnv['id' in msg ? 'JSONRPCRequest' : 'JSONRPCNotification'](msg)) return false;
      const v = params[unionOf(msg, dir)].get(msg.method);
      return v ? v(msg.params) : msg.params === undefined;
    },
  };
  return { union, table };
}

function throughput(bundleName) {
  const experimental = bundleName === 'experimental';
  const peers = peersFor(bundleName);
  const texts = corpus.map((m) => m.text);
  const opts = corpus.map((m) => ({ experimental, ...(m.method ? { method: m.method } : {}) }));
  const dirs = corpus.map((m) => m.dir);
  const runs = {
    parse: () => {
      let n = 0;
      for (let i = 0; i < texts.length; i++) n += JSON.parse(texts[i]) ? 1 : 0;
      return n;
    },
    ours: () => {
      let n = 0;
      for (let i = 0; i < texts.length; i++)
        n += validators.validateMessage(JSON.parse(texts[i]), dirs[i], opts[i]).ok ? 1 : 0;
      return n;
    },
    payload: () => {
      // What @cask/client runs per message: it sorts messages itself, then checks the payload.
      let n = 0;
      for (let i = 0; i < texts.length; i++) {
        const m = JSON.parse(texts[i]);
        const o = opts[i];
        let r;
        if (typeof m.method === 'string') {
          if ('id' in m)
            r =
              dirs[i] === 'c2s'
                ? validators.validateClientRequest(m.method, m.params, o)
                : validators.validateServerRequest(m.method, m.params, o);
          else
            r =
              dirs[i] === 'c2s'
                ? validators.validateClientNotification(m.method, m.params, o)
                : validators.validateServerNotification(m.method, m.params, o);
        } else if (o.method !== undefined && 'result' in m)
          r =
            dirs[i] === 's2c'
              ? validators.validateServerResult(o.method, m.result, o)
              : validators.validateClientResult(o.method, m.result, o);
        n += r === undefined || r.ok ? 1 : 0;
      }
      return n;
    },
    union: () => {
      let n = 0;
      for (let i = 0; i < texts.length; i++)
        n += peers.union.validate(JSON.parse(texts[i]), dirs[i], corpus[i].method) ? 1 : 0;
      return n;
    },
    table: () => {
      let n = 0;
      for (let i = 0; i < texts.length; i++)
        n += peers.table.validate(JSON.parse(texts[i]), dirs[i], corpus[i].method) ? 1 : 0;
      return n;
    },
  };
  // The first pass of each, cold (every validator still interpreted), then warm-up passes: the
  // rounds measure the steady state of a long session, as JSON.parse (native code) always is.
  const cold = {};
  const valid = {};
  for (const [k, run] of Object.entries(runs)) {
    const c0 = process.cpuUsage();
    valid[k] = run();
    const c = process.cpuUsage(c0);
    cold[k] = (c.user + c.system) / 1000;
  }
  for (let w = 0; w < WARMUP; w++) {
    runs.parse();
    runs.ours();
    runs.payload();
    runs.table();
    if (w % 20 === 0) runs.union();
  }
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  const order = Object.keys(runs);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < order.length; k++) {
      const name = order[(k + r) % order.length];
      // Repeat each pass until it lasts long enough to time well; count CPU time, which other
      // processes of a busy machine do not inflate (wall time: see the start-up figures).
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let reps = 0;
      do {
        runs[name]();
        reps++;
      } while (performance.now() - t0 < 80);
      const c = process.cpuUsage(c0);
      times[name].push((c.user + c.system) / 1000 / reps);
    }
  }
  const ratioOurs = median(times.parse.map((p, i) => p / times.ours[i]));
  const ratioPayload = median(times.parse.map((p, i) => p / times.payload[i]));
  const lead = (peer) => ({
    total: median(times[peer].map((p, i) => p / times.ours[i])),
    validation: median(
      times[peer].map((p, i) => (p - times.parse[i]) / Math.max(1e-9, times.ours[i] - times.parse[i])),
    ),
  });
  return { peers, valid, times, cold, ratioOurs, ratioPayload, lead: { union: lead('union'), table: lead('table') } };
}

console.log(
  `\n1. Throughput (after ${WARMUP} warm-up passes, ${ROUNDS} interleaved rounds, medians of CPU time; whole corpus per pass)`,
);
const throughputResults = {};
for (const bundleName of args.only.includes('throughput') ? ['stable', 'experimental'] : []) {
  const r = throughput(bundleName);
  throughputResults[bundleName] = r;

  console.log(`  ${bundleName}:`);
  const line = (label, t, extra = '') =>
    console.log(
      `    ${label.padEnd(44)} ${fmt(median(t)).padStart(7)} ms/pass ${fmt((median(t) * 1000) / corpus.length).padStart(7)} µs/msg${extra}`,
    );
  line('JSON.parse alone', r.times.parse);
  line('JSON.parse + validateMessage (ours)', r.times.ours, `  valid ${r.valid.ours}/${corpus.length}`);
  line('JSON.parse + payload validators (ours)', r.times.payload, `  valid ${r.valid.payload}/${corpus.length}`);
  line(
    'JSON.parse + peer "union" (ajv at run time)',
    r.times.union,
    `  valid ${r.valid.union}/${corpus.length}, compiled in ${fmt(r.peers.union.compileMs, 0)} ms`,
  );
  line(
    'JSON.parse + peer "table" (ajv at run time)',
    r.times.table,
    `  valid ${r.valid.table}/${corpus.length}, compiled in ${fmt(r.peers.table.compileMs, 0)} ms`,
  );
  console.log(
    `    speed vs JSON.parse alone: validateMessage ${fmt(r.ratioOurs)}x (target >= 0.7x: ${verdict(r.ratioOurs >= 0.7)}), payload validators ${fmt(r.ratioPayload)}x (${verdict(r.ratioPayload >= 0.7)})`,
  );
  console.log(
    `    first pass, cold: JSON.parse ${fmt(r.cold.parse)} ms, ours ${fmt(r.cold.ours)} ms (${fmt(r.cold.parse / r.cold.ours)}x), peer "table" ${fmt(r.cold.table)} ms, peer "union" ${fmt(r.cold.union)} ms`,
  );
  console.log(
    `    lead over peer "union": ${fmt(r.lead.union.validation, 1)}x on validation time, ${fmt(r.lead.union.total, 1)}x with parsing`,
  );
  console.log(
    `    lead over peer "table": ${fmt(r.lead.table.validation, 1)}x on validation time, ${fmt(r.lead.table.total, 1)}x with parsing`,
  );
}

// ---------------------------------------------------------------- 2. start-up

function probe(spec, withCorpus, only) {
  const args = [
    '--expose-gc',
    path.join(here, 'startup-probe.mjs'),
    spec,
    ...(withCorpus ? [CORPUS_FILE] : []),
    ...(only === undefined ? [] : [String(only)]),
  ];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`startup probe ${spec} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

if (args.only.includes('startup')) {
  console.log(`\n2. Start-up (${PROCS} fresh processes each, interleaved, medians; module loaders warmed first)`);
  const specs = {
    'empty module (baseline)': pathToFileURL(path.join(here, 'empty.mjs')).href,
    '@cask/validators': entry('index'),
    '@cask/validators/stable': entry('stable'),
    '@cask/validators/experimental': entry('experimental'),
  };
  const startup = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
  for (let i = 0; i < PROCS; i++)
    for (const [name, spec] of Object.entries(specs)) startup[name].push(probe(spec, name === '@cask/validators'));
  const base = startup['empty module (baseline)'];
  for (const [name, runs] of Object.entries(startup)) {
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const heap = median(runs.map((r) => r.heap));
    const rss = median(runs.map((r) => r.rss));
    const extra =
      name === 'empty module (baseline)'
        ? ''
        : `  (minus baseline: ${fmt(wall - median(base.map((r) => r.wall)), 1)} ms wall, ${fmt(cpu - median(base.map((r) => r.cpu)), 1)} ms CPU)`;
    console.log(
      `  import ${name.padEnd(30)} ${fmt(wall, 1)} ms wall, ${fmt(cpu, 1)} ms CPU, +${fmt(heap)} MB heap, +${fmt(rss)} MB RSS${extra}`,
    );
  }
  const main = startup['@cask/validators'];
  const importWall = median(main.map((r) => r.wall));
  const importCpu = median(main.map((r) => r.cpu));
  const importMem = median(main.map((r) => r.heap));
  const importRss = median(main.map((r) => r.rss));
  console.log(
    `  import target < 20 ms: ${verdict(importWall < 20)} by wall time (${fmt(importWall, 1)} ms), ${verdict(importCpu < 20)} by CPU time (${fmt(importCpu, 1)} ms); < 5 MB: ${verdict(importMem < 5)} (heap +${fmt(importMem)} MB), ${verdict(importRss < 5)} (RSS +${fmt(importRss)} MB); load average ${os.loadavg()[0].toFixed(1)}`,
  );
  // First validations, two ways. (a) Alone: each method in its own fresh processes, validated right after
  // import and nothing else (what a program sees on its first use of that method, with no module shared
  // with an earlier one loaded yet): the target. (b) In session order: every method of the session in wire
  // order in one process (modules shared with earlier methods already loaded; one-off work of the engine
  // for Node's own module loader, e.g. optimising its path code after enough module loads, lands in
  // whichever validation is running then).
  const perMethod = (runs) => {
    const byKey = new Map();
    for (const f of runs) {
      const seen = byKey.get(f.key) ?? { wall: [], cpu: [] };
      seen.wall.push(f.ms);
      seen.cpu.push(f.cpu);
      byKey.set(f.key, seen);
    }
    return [...byKey].map(([key, t]) => ({ key, wall: median(t.wall), cpu: median(t.cpu) }));
  };
  const keys = main[0].firsts.map((f) => f.key);
  const aloneRuns = [];
  for (let i = 0; i < FIRST_PROCS; i++)
    for (let k = 0; k < keys.length; k++) {
      const { firsts: one } = probe(specs['@cask/validators'], true, k);
      if (one.length !== 1 || one[0].key !== keys[k])
        throw new Error(`startup probe measured ${one.map((f) => f.key)}, not ${keys[k]}`);
      aloneRuns.push(one[0]);
    }
  const describe = (firsts, label, procs) => {
    const byWall = [...firsts].sort((x, y) => y.wall - x.wall);
    const maxCpu = [...firsts].sort((x, y) => y.cpu - x.cpu)[0];
    const over = byWall.filter((f) => f.wall >= 2);
    console.log(
      `    ${label} (${firsts.length} methods/directions of the session, each the median of ${procs} processes): median ${fmt(median(firsts.map((f) => f.wall)))} ms wall, ${fmt(median(firsts.map((f) => f.cpu)))} ms CPU; max ${fmt(byWall[0].wall)} ms wall (${byWall[0].key}), ${fmt(maxCpu.cpu)} ms CPU (${maxCpu.key})`,
    );
    console.log(
      `      slowest by wall time: ${byWall
        .slice(0, 5)
        .map((f) => `${f.key} ${fmt(f.wall)} ms`)
        .join(
          ', ',
        )}; ${over.length} of ${firsts.length} at 2 ms or more${over.length ? `: ${over.map((f) => `${f.key} ${fmt(f.wall)} ms`).join(', ')}` : ''}`,
    );
    return over;
  };
  console.log(`  first validation of a method (the young generation emptied before each):`);
  const overAlone = describe(perMethod(aloneRuns), 'alone, right after import, one method per process', FIRST_PROCS);
  const overSession = describe(
    perMethod(main.flatMap((r) => r.firsts)),
    'in session order, one process for all',
    PROCS,
  );
  console.log(
    `    first-validation target < 2 ms for every method: ${verdict(overAlone.length === 0)} alone (${overAlone.length} at 2 ms or more), ${verdict(overSession.length === 0)} in session order (${overSession.length}); load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `  memory after validating the whole session once: +${fmt(median(main.map((r) => r.heapAfterSession)))} MB heap`,
  );
  if (Object.keys(throughputResults).length)
    console.log(
      `  the peers compile at start-up: "union" ${fmt(median(Object.values(throughputResults).map((r) => r.peers.union.compileMs)), 0)} ms, "table" ${fmt(median(Object.values(throughputResults).map((r) => r.peers.table.compileMs)), 0)} ms (median of both bundles)`,
    );
}

// ---------------------------------------------------------------- 3. size

if (args.only.includes('size')) {
  console.log('\n3. Size');
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' }),
  )[0];
  console.log(
    `  installed package (npm pack, unpacked): ${mb(pack.unpackedSize)} in ${pack.entryCount} files (target < 3 MB: ${verdict(pack.unpackedSize < 3 * 2 ** 20)}); runtime dependencies: ${Object.keys(JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).dependencies ?? {}).join(', ') || 'none'} (types only)`,
  );

  async function bundleSize(label, source) {
    const dir = mkdtempSync(path.join(tmpdir(), 'cask-bench-'));
    try {
      writeFileSync(path.join(dir, 'app.mjs'), source);
      const result = await build({
        entryPoints: [path.join(dir, 'app.mjs')],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        metafile: true,
        logLevel: 'warning',
        alias: Object.fromEntries(
          ['', '/stable', '/experimental'].map((s) => [
            `@cask/validators${s}`,
            path.join(pkgDir, 'dist', `${s ? s.slice(1) : 'index'}.js`),
          ]),
        ),
      });
      const code = result.outputFiles[0].contents;
      const gz = gzipSync(code, { level: 9 }).length;
      writeFileSync(path.join(dir, 'out.mjs'), code);
      const run = spawnSync(process.execPath, [path.join(dir, 'out.mjs')], { encoding: 'utf8' });
      console.log(
        `  bundled app, ${label}: ${kb(code.length)} minified, ${kb(gz)} gzipped; runs: ${run.status === 0 ? run.stdout.trim() : `FAILED ${run.stderr}`}`,
      );
      return gz;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const session = JSON.stringify(corpus.map((m) => [m.text, m.dir, m.method ?? null]));
  const app = (spec) => `import { validateMessage } from '${spec}';
const session = ${session};
let ok = 0;
for (const [text, dir, method] of session) if (validateMessage(JSON.parse(text), dir, method ? { method } : {}).ok) ok++;
console.log(ok + '/' + session.length + ' messages valid');
`;
  const gzStable = await bundleSize(
    'validating the recorded session with @cask/validators/stable',
    app('@cask/validators/stable'),
  );
  await bundleSize('same with @cask/validators/experimental', app('@cask/validators/experimental'));
  await bundleSize('same with @cask/validators (both bundles)', app('@cask/validators'));
  console.log(
    `  bundled session target < 150 KB gzipped: ${verdict(gzStable < 150 * 1024)} (the whole stable API is in it: an app cannot know which methods a server will send)`,
  );
}
