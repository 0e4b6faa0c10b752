// Benchmark peer: a minimal JSONL "server" on stdio. Answers `initialize`;
// on `initialized` (our client) or a `go` line (the baselines) it writes
// COUNT item/agentMessage/delta notifications as fast as the pipe takes
// them, honouring back-pressure, then waits for stdin to close. The lines
// are built once up front and the same buffer is written repeatedly, so the
// producer costs next to nothing and the consumer is what gets measured.
import { createInterface } from 'node:readline';

const count = Number(process.argv[2] ?? 100_000);
const threadId = '019a0d6f-8a41-7c32-9d0e-5a1f3c2b4e6d';
const turnId = '019a0d6f-8b02-7e11-a3c4-0f9e8d7c6b5a';
const BATCH = 512;

function batch(from, n) {
  let s = '';
  for (let i = from; i < from + n; i++) {
    s += `{"method":"item/agentMessage/delta","params":{"threadId":"${threadId}","turnId":"${turnId}","itemId":"msg_${i % 64}","delta":"token ${i} of the streamed answer"},"emittedAtMs":${1795588750888 + i}}\n`;
  }
  return s;
}

const full = Buffer.from(batch(0, BATCH));
const rest = Buffer.from(batch(0, count % BATCH));

function flood() {
  let sent = 0;
  const pump = () => {
    while (sent < count) {
      const n = Math.min(BATCH, count - sent);
      const ok = process.stdout.write(n === BATCH ? full : rest);
      sent += n;
      if (!ok) return void process.stdout.once('drain', pump);
    }
  };
  pump();
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line === 'go') return flood();
    const msg = JSON.parse(line);
    if (msg.method === 'initialize') {
      process.stdout.write(
        JSON.stringify({
          id: msg.id,
          result: { userAgent: 'bench-emitter/0', codexHome: '/tmp', platformFamily: 'unix', platformOs: 'linux' },
        }) + '\n',
      );
    } else if (msg.method === 'initialized') flood();
  })
  .on('close', () => process.exit(0));
