/**
 * The benchmark corpus: real traffic recorded from `codex app-server`
 * (see record-corpus.mjs), as wire texts with what is needed to validate them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_FILE = path.join(here, 'corpus.jsonl');

/**
 * Each message as the text that crossed the wire, its direction, and for a
 * response the method of the request it answers (matched by id and direction).
 * @returns {{ text: string, dir: 'c2s' | 's2c', method: string | undefined }[]}
 */
export function loadCorpus(file = CORPUS_FILE) {
  const pending = { c2s: new Map(), s2c: new Map() };
  const out = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { dir, msg } = JSON.parse(line);
    let method;
    if (typeof msg.method === 'string') {
      if ('id' in msg) pending[dir].set(msg.id, msg.method);
    } else if ('id' in msg) {
      const other = dir === 'c2s' ? 's2c' : 'c2s';
      method = pending[other].get(msg.id);
      pending[other].delete(msg.id);
    }
    out.push({ text: JSON.stringify(msg), dir, method });
  }
  return out;
}
