// Peak memory of `cask validate` on transcripts of growing size: streaming keeps it flat.
// usage: node bench/memory.mjs [sizeMB ...]   (default: 100 1000)
// Generates each transcript in a temp dir (valid, realistic lines: a turn/start request, its
// notifications and its response, ids increasing), runs the built CLI on it in a child process
// and reads the child's peak RSS (/usr/bin/time -v when present, else the child's own report).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '../dist/bin.js');
if (!existsSync(bin)) throw new Error('build first: pnpm --filter "@cask/cli..." build');
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['100', '1000']).map(Number);

const usage = { cachedInputTokens: 0, inputTokens: 812, outputTokens: 64, reasoningOutputTokens: 0, totalTokens: 876 };
function block(id) {
  const thread = 'thr_0192b3c4d5e6f7a8';
  const turn = `turn_${id}`;
  return (
    [
      {
        dir: 'c2s',
        msg: {
          id,
          method: 'turn/start',
          params: {
            threadId: thread,
            input: [{ type: 'text', text: `Please summarise file number ${id} of the project and list its exports.` }],
          },
        },
      },
      { dir: 's2c', msg: { id, result: { turn: { id: turn, items: [], status: 'inProgress', error: null } } } },
      {
        dir: 's2c',
        msg: {
          method: 'item/agentMessage/delta',
          params: {
            threadId: thread,
            turnId: turn,
            itemId: `msg_${id}`,
            delta: 'The file defines a small parser and exports two functions. ',
          },
        },
      },
      {
        dir: 's2c',
        msg: {
          method: 'thread/tokenUsage/updated',
          params: { threadId: thread, turnId: turn, tokenUsage: { total: usage, last: usage } },
        },
      },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n') + '\n'
  );
}

async function generate(file, bytes) {
  const out = createWriteStream(file);
  let written = 0;
  let id = 0;
  let messages = 0;
  while (written < bytes) {
    const chunk = block(id++);
    written += Buffer.byteLength(chunk);
    messages += 4;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return messages;
}

function measure(file) {
  const started = process.hrtime.bigint();
  const timeV = existsSync('/usr/bin/time');
  const r = timeV
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'validate', '--json', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      })
    : spawnSync(
        process.execPath,
        [
          '-e',
          `process.on('exit',()=>console.error('Maximum resident set size (kbytes): '+process.resourceUsage().maxRSS));process.argv.splice(1,0,${JSON.stringify(bin)});import(${JSON.stringify(bin)})`,
          'validate',
          '--json',
          file,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  const report = JSON.parse(r.stdout);
  if (!report.ok) throw new Error(`unexpected failures: ${JSON.stringify(report.failures.slice(0, 3))}`);
  return { mb: kb / 1024, seconds, messages: report.messages };
}

const dir = mkdtempSync(path.join(tmpdir(), 'cask-bench-'));
console.log(
  `cask validate, peak RSS by transcript size (node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)`,
);
const rows = [];
try {
  for (const size of sizes) {
    const file = path.join(dir, `t-${size}.jsonl`);
    await generate(file, size * 1e6);
    const m = measure(file);
    rmSync(file);
    rows.push({ size, ...m });
    console.log(
      `${String(size).padStart(6)} MB file  ${String(m.messages).padStart(9)} messages  peak RSS ${m.mb.toFixed(0).padStart(5)} MB  ${m.seconds.toFixed(1).padStart(6)} s  ${(size / m.seconds).toFixed(1)} MB/s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (rows.length > 1) {
  const [a, b] = [rows[0], rows.at(-1)];
  console.log(`input ${(b.size / a.size).toFixed(0)}x larger -> peak RSS x${(b.mb / a.mb).toFixed(2)}`);
}
