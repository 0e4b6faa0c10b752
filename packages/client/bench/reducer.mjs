// Conversation reducer benchmark (`pnpm bench`, or `node --expose-gc bench/reducer.mjs` after `pnpm build`).
//
// 1. Throughput: the same pre-built agent-message delta notifications are folded by `reduce` and, side by
//    side in the same rounds, joined by plain string concatenation (the floor: what any client must at
//    least do). Two shapes: one thread, and 8 threads interleaved round-robin.
// 2. Memory: heap retained by the final state after N deltas (after a full GC), per delta and per character
//    of text held, for N = 100k and 1M: retention must follow the text, not the number of events.
import os from 'node:os';
import { initialState, reduce } from '../dist/state/index.js';

const N = Number(process.env.BENCH_REDUCER_N ?? 1_000_000);
// The events of one pass are built once and applied PASSES times, each pass from the empty state, so the
// measurement is not dominated by the garbage collector walking a million live event objects (a real
// client holds one event at a time).
const PASS = Math.min(N, 100_000);
const PASSES = Math.ceil(N / PASS);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1_000_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const WORDS = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.\n'];

/**
 * A stream of `deltas` agent-message deltas over `threads` threads (round-robin); each message takes
 * `perMessage` deltas, then its item and turn complete and the thread's next turn starts.
 * Returns the events and, per item id, the expected text.
 */
function stream(threads, deltas, perMessage) {
  const events = [];
  const expected = new Map();
  const state = Array.from({ length: threads }, () => ({ turn: -1, count: perMessage, parts: [] }));
  const close = (t) => {
    const st = state[t];
    if (st.turn < 0) return;
    const threadId = `thread-${t}`;
    const turnId = `turn-${t}-${st.turn}`;
    const itemId = `msg-${t}-${st.turn}`;
    const text = st.parts.join('');
    expected.set(itemId, text);
    events.push({
      method: 'item/completed',
      params: { threadId, turnId, item: { type: 'agentMessage', id: itemId, text }, completedAtMs: 1 },
    });
    events.push({
      method: 'turn/completed',
      params: { threadId, turn: { id: turnId, items: [], status: 'completed' } },
    });
  };
  for (let i = 0; i < deltas; i++) {
    const t = i % threads;
    const st = state[t];
    const threadId = `thread-${t}`;
    if (st.count === perMessage) {
      close(t);
      st.turn++;
      st.count = 0;
      st.parts = [];
      const turnId = `turn-${t}-${st.turn}`;
      events.push({
        method: 'turn/started',
        params: { threadId, turn: { id: turnId, items: [], status: 'inProgress' } },
      });
      events.push({
        method: 'item/started',
        params: {
          threadId,
          turnId,
          item: { type: 'agentMessage', id: `msg-${t}-${st.turn}`, text: '' },
          startedAtMs: 0,
        },
      });
    }
    const delta = WORDS[i % WORDS.length];
    st.parts.push(delta);
    st.count++;
    events.push({
      method: 'item/agentMessage/delta',
      params: { threadId, turnId: `turn-${t}-${st.turn}`, itemId: `msg-${t}-${st.turn}`, delta },
    });
  }
  for (let t = 0; t < threads; t++) close(t);
  return { events, expected };
}

/** CPU time of the whole process (all threads, GC helpers included) in ms: on a shared machine, time spent
 * waiting for a core does not count, which wall-clock time would. */
function cpuMs(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

function runReducer({ events }) {
  let s = initialState;
  let ms = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    s = initialState;
    const c0 = process.cpuUsage();
    for (let i = 0; i < events.length; i++) s = reduce(s, events[i]);
    ms += cpuMs(c0);
  }
  return { ms, state: s };
}

/** The baseline: the same events, deltas appended to a per-item string in a Map, nothing else. */
function runConcat({ events }) {
  let acc = new Map();
  let ms = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    acc = new Map();
    const c0 = process.cpuUsage();
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.method !== 'item/agentMessage/delta') continue;
      const p = e.params;
      acc.set(p.itemId, (acc.get(p.itemId) ?? '') + p.delta);
    }
    ms += cpuMs(c0);
  }
  return { ms, acc };
}

function check(state, acc, expected) {
  for (const [itemId, text] of expected) {
    if (acc.get(itemId) !== text) throw new Error(`baseline lost text of ${itemId}`);
  }
  let n = 0;
  for (const t of Object.values(state.threads)) {
    for (const turn of t.turns) {
      for (const item of turn.items) {
        if (item.text !== expected.get(item.id)) throw new Error(`reducer lost text of ${item.id}`);
        n++;
      }
    }
  }
  if (n !== expected.size) throw new Error(`reducer has ${n} messages, expected ${expected.size}`);
}

/** Heap held by the state after folding `n` deltas (the events are garbage by then), measured after full GCs. */
function retained(n, perMessage) {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const state = fold(stream(1, n, perMessage).events);
  globalThis.gc();
  const used = process.memoryUsage().heapUsed - before;
  return { used, text: textLength(state) };
}

function fold(events) {
  let s = initialState;
  for (const e of events) s = reduce(s, e);
  return s;
}

function textLength(state) {
  let n = 0;
  for (const turn of state.threads['thread-0'].turns) for (const item of turn.items) n += item.text.length;
  return n;
}

const SHAPES = [
  // [label, threads, deltas per message]
  ['1 thread, messages of 2,000 deltas (≈9 KB)', 1, 2_000],
  ['8 threads interleaved, messages of 2,000 deltas', 8, 2_000],
  ['1 thread, one message per pass (100,000 deltas, 450 KB)', 1, Infinity],
];

console.log(
  `@cask/client reducer benchmark: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}, ${fmt(N)} deltas (${PASSES} passes of ${fmt(PASS)}), median of ${ROUNDS} rounds`,
);
console.log(
  '\n| stream | reduce, events per CPU-second | string concat, events per CPU-second | reduce ÷ concat | target ≥ 1,000,000/s |',
);
console.log('|---|---:|---:|---:|---|');
let allMet = true;
for (const [label, threads, perMessage] of SHAPES) {
  const data = stream(threads, PASS, perMessage);
  const r = [];
  const c = [];
  for (let round = 0; round < ROUNDS; round++) {
    const red = runReducer(data);
    const con = runConcat(data);
    check(red.state, con.acc, data.expected);
    // Rates count every event the reducer applied (deltas plus the few lifecycle events).
    r.push(((data.events.length * PASSES) / red.ms) * 1000);
    c.push(((data.events.length * PASSES) / con.ms) * 1000);
  }
  const mr = median(r);
  const mc = median(c);
  if (mr < TARGET) allMet = false;
  console.log(`| ${label} | ${fmt(mr)} | ${fmt(mc)} | ${(mr / mc).toFixed(3)} | ${mr >= TARGET ? 'met' : 'MISSED'} |`);
}

if (typeof globalThis.gc !== 'function') {
  console.log('\n(memory: run with node --expose-gc to measure)');
} else {
  console.log('\n| deltas | text held (chars) | heap retained by the state | bytes / char | bytes / delta |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const [n, perMessage] of [
    [100_000, 2_000],
    [1_000_000, 2_000],
    [1_000_000, Infinity],
  ]) {
    const { used, text } = retained(n, perMessage);
    console.log(
      `| ${fmt(n)} in ${perMessage === Infinity ? 'one message' : `messages of ${fmt(perMessage)}`} | ${fmt(text)} | ${(used / 2 ** 20).toFixed(1)} MiB | ${(used / text).toFixed(2)} | ${(used / n).toFixed(2)} |`,
    );
  }
}
console.log(`\ntarget: ≥ ${fmt(TARGET)} delta events/s: ${allMet ? 'met' : 'MISSED'}`);
