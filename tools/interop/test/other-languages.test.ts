/**
 * A Python team's view of the schema: the example checker in
 * schema/examples/python (jsonschema + our format vocabulary) validates a
 * corpus recorded from the real codex app-server, and agrees with
 * @cask/validators on every message and on mutated copies, integer ranges
 * included. Needs `python3` with `jsonschema` (Debian: python3-jsonschema;
 * `.ci/run` installs it when missing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyMessage, NUMERIC_FORMAT_RANGES, validateMessage } from '@cask/validators';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTEGER_PROBES, mutate } from './mutate.js';
import { recordCorpus, type WireLine } from './record.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMA = path.join(ROOT, 'schema');
const PYTHON = process.env['PYTHON'] ?? 'python3';
const SCRIPT = path.join(SCHEMA, 'examples/python/validate_transcript.py');

/** A message to check on its own: a response names the method of its request. */
interface Item {
  dir: 'c2s' | 's2c';
  msg: unknown;
  method?: string;
  what: string;
}

function python(args: string[]) {
  return spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

/** Python's verdict per line of `items`. */
function pythonVerdicts(items: Item[], schemaDir: string): Array<{ ok: boolean; errors: string[] }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cask-python-')), 'items.jsonl');
  writeFileSync(file, items.map((i) => JSON.stringify({ dir: i.dir, msg: i.msg, method: i.method })).join('\n') + '\n');
  const r = python(['--each', '--json', '--schema-dir', schemaDir, file]);
  expect(r.stderr).toBe('');
  // Cast: the script prints one {"line","ok","errors"} per line.
  const verdicts = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line: number; ok: boolean; errors: string[] });
  expect(verdicts.map((v) => v.line)).toEqual(items.map((_, i) => i + 1));
  return verdicts;
}

/** Pairs each response with its request's method (requests are answered in the other direction). */
function withMethods(lines: WireLine[]): Item[] {
  const pending = { c2s: new Map<string, string>(), s2c: new Map<string, string>() };
  return lines.map(({ dir, msg }) => {
    const c = classifyMessage(msg);
    if (c.kind === 'request') pending[dir].set(JSON.stringify(c.id), c.method);
    if (c.kind === 'response' || c.kind === 'error') {
      const requests = pending[dir === 'c2s' ? 's2c' : 'c2s'];
      const method = requests.get(JSON.stringify(c.id));
      requests.delete(JSON.stringify(c.id));
      return { dir, msg, what: 'as recorded', ...(method !== undefined && { method }) };
    }
    return { dir, msg, what: 'as recorded' };
  });
}

let corpus: WireLine[];
let items: Item[];

beforeAll(async () => {
  const probe = spawnSync(PYTHON, ['-c', 'import jsonschema'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      `${PYTHON} with jsonschema is needed (Debian: apt-get install -y python3-jsonschema): ${probe.stderr || String(probe.error)}`,
    );
  }
  corpus = await recordCorpus();
  items = withMethods(corpus);
});

describe('schema/formats.json, the numeric format vocabulary', () => {
  // Cast: the committed vocabulary file.
  const vocabulary = JSON.parse(readFileSync(path.join(SCHEMA, 'formats.json'), 'utf8')) as {
    formats: Record<string, { type: string; minimum: number; maximum: number }>;
  };

  it('is what @cask/validators enforces', () => {
    const ours = Object.fromEntries(
      Object.entries(NUMERIC_FORMAT_RANGES).map(([name, r]) => [
        name,
        { type: r.integer ? 'integer' : 'number', minimum: r.min, maximum: r.max },
      ]),
    );
    const published = Object.fromEntries(
      Object.entries(vocabulary.formats).map(([name, f]) => [
        name,
        { type: f.type, minimum: f.minimum, maximum: f.maximum },
      ]),
    );
    expect(published).toEqual(ours);
  });

  it('covers every format the schema uses', () => {
    const used = new Set<string>();
    for (const flavour of ['json', 'json-experimental']) {
      const dir = path.join(SCHEMA, flavour);
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!f.endsWith('.json')) continue;
        for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/"format":\s*"([^"]+)"/g))
          used.add(m[1] ?? '');
      }
    }
    expect([...used].filter((f) => !(f in vocabulary.formats))).toEqual([]);
    expect(used.size).toBeGreaterThan(3);
  });
});

describe('Python (jsonschema) against a corpus recorded from the real codex app-server', () => {
  it('the corpus is real traffic of every kind', () => {
    const kinds = new Set(corpus.map(({ dir, msg }) => `${dir} ${classifyMessage(msg).kind}`));
    expect(corpus.length).toBeGreaterThan(80);
    for (const k of ['c2s request', 's2c response', 's2c notification', 's2c request', 'c2s response']) {
      expect(kinds, k).toContain(k);
    }
  });

  it('the example validates the recorded transcript (responses paired by id and direction), exit 0', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cask-python-')), 'transcript.jsonl');
    writeFileSync(file, corpus.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = python(['--schema-dir', path.join(SCHEMA, 'json-experimental'), file]);
    expect(r.stdout).toMatch(/ok: all messages valid/);
    expect(r.status).toBe(0);
  });

  it('agrees with @cask/validators on every recorded message: all valid', () => {
    const verdicts = pythonVerdicts(items, path.join(SCHEMA, 'json-experimental'));
    const ts = items.map((i) =>
      validateMessage(i.msg, i.dir, { experimental: true, ...(i.method !== undefined && { method: i.method }) }),
    );
    expect(ts.filter((r) => !r.ok)).toEqual([]);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
  });

  it('agrees with @cask/validators on mutated messages, integer ranges included', () => {
    const mutated: Item[] = [];
    for (const item of items) {
      for (const m of mutate(item.msg, 8, 8)) mutated.push({ ...item, msg: m.msg, what: m.what });
    }
    expect(mutated.length).toBeGreaterThan(1000);
    const verdicts = pythonVerdicts(mutated, path.join(SCHEMA, 'json-experimental'));
    const ts = mutated.map(
      (i) =>
        validateMessage(i.msg, i.dir, { experimental: true, ...(i.method !== undefined && { method: i.method }) }).ok,
    );
    const disagreements = mutated
      .map((item, i) => ({ item, ts: ts[i], python: verdicts[i] }))
      .filter((d) => d.ts !== d.python?.ok)
      .map((d) => ({ what: d.item.what, dir: d.item.dir, method: d.item.method ?? '', ts: d.ts, python: d.python }));
    expect(disagreements).toEqual([]);
    const rejected = ts.filter((ok) => !ok).length;
    console.info(
      `python cross-check: ${items.length} recorded messages, ${mutated.length} mutated (${rejected} invalid), 0 disagreements`,
    );
    expect(rejected).toBeGreaterThan(mutated.length / 3);
    expect(mutated.length - rejected).toBeGreaterThan(0);
    // Integer ranges: 2^40 is refused where the format is 32-bit and accepted where it is 64-bit.
    const big = mutated.map((m, i) => ({ m, ok: ts[i] })).filter(({ m }) => m.what.endsWith(`= ${INTEGER_PROBES[0]}`));
    expect(big.some((b) => b.ok)).toBe(true);
    expect(big.some((b) => !b.ok)).toBe(true);
  });
});

describe('Go (encoding/json + the format vocabulary) on the same corpus', () => {
  const GO_EXAMPLE = path.join(SCHEMA, 'examples/go');
  const goRun = (transcript: WireLine[]) =>
    spawnSync('go', ['run', '.', '-formats', path.join(SCHEMA, 'formats.json')], {
      cwd: GO_EXAMPLE,
      input: transcript.map((l) => JSON.stringify(l)).join('\n') + '\n',
      encoding: 'utf8',
      // No module downloads: the example uses the standard library only.
      env: { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod' },
    });

  beforeAll(() => {
    const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
    if (probe.status !== 0)
      throw new Error(`go is needed (Debian: apt-get install -y golang-go): ${String(probe.error)}`);
  });

  it('decodes the real messages: the streamed answer, the approved command, both turns completed', () => {
    const r = goRun(corpus);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('agent said: The command printed its line. Done.');
    expect(r.stdout).toContain('A second answer, streamed in pieces for the corpus.');
    expect(r.stdout).toMatch(/command ".*echo recorded by cask.*" completed, exit code 0/);
    expect(r.stdout.match(/^turn \S+: completed$/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/^ok$/m);
  });

  it('refuses integers outside their format, naming the line and field (an int32 exit code of 2^40, an int64 past 2^53)', () => {
    const mutated = corpus.map((l): WireLine => {
      const msg = structuredClone(l.msg);
      const params = 'params' in msg && typeof msg.params === 'object' && msg.params !== null ? msg.params : undefined;
      if (!params || !('method' in msg)) return l;
      if (msg.method === 'item/completed' && 'item' in params) {
        const item = params.item;
        if (typeof item === 'object' && item !== null && 'exitCode' in item && typeof item.exitCode === 'number') {
          Object.assign(item, { exitCode: 2 ** 40 });
        }
      }
      if (msg.method === 'thread/tokenUsage/updated' && 'tokenUsage' in params) {
        const usage = params.tokenUsage;
        if (typeof usage === 'object' && usage !== null && 'total' in usage && typeof usage.total === 'object') {
          Object.assign(usage.total ?? {}, { inputTokens: 2 ** 53 + 2 });
        }
      }
      return { dir: l.dir, msg };
    });
    const r = goRun(mutated);
    expect(r.status).toBe(1);
    const exitLine = mutated.findIndex((l) => JSON.stringify(l).includes(`"exitCode":${2 ** 40}`)) + 1;
    expect(exitLine).toBeGreaterThan(0);
    expect(r.stdout).toContain(`line ${exitLine}: /params/item/exitCode: ${2 ** 40} is outside int32`);
    expect(r.stdout).toMatch(/\/params\/tokenUsage\/total\/inputTokens: 9007199254740994 is outside int64/);
    // Our validators refuse the same values.
    for (const [i, l] of mutated.entries()) {
      if (JSON.stringify(l) !== JSON.stringify(corpus[i])) {
        expect(validateMessage(l.msg, l.dir, { experimental: true }).ok, `line ${i + 1}`).toBe(false);
      }
    }
  });
});
