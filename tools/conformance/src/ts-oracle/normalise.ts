/**
 * Copies a `generate-ts` output tree, applying the documented rewrites
 * (`exceptions.ts`), and records which files each rewrite changed.
 * @module
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REWRITES } from './exceptions.js';
import type { UpstreamTsTree } from './upstream-ts.js';

/** Rewrite id → files it changed (`v2/Turn`). */
export type RewriteLog = ReadonlyMap<string, readonly string[]>;

/** Copies `tree` to `outDir`, rewrites each file, and adds the `JsonValue` import where a rewrite introduced it. */
export function normaliseTree(tree: UpstreamTsTree, outDir: string): RewriteLog {
  cpSync(tree.root, outDir, { recursive: true });
  const log = new Map<string, string[]>(REWRITES.map((r) => [r.id, []]));
  for (const file of tree.types.keys()) {
    const path = join(outDir, `${file}.ts`);
    const original = readFileSync(path, 'utf8');
    let text = original;
    for (const rewrite of REWRITES) {
      const next = rewrite.apply(text);
      if (next !== text) log.get(rewrite.id)?.push(file);
      text = next;
    }
    if (text === original) continue;
    if (/\bJsonValue\b/.test(text) && !/import type \{ JsonValue \}/.test(text) && file !== 'serde_json/JsonValue') {
      let spec = relative(dirname(path), join(outDir, 'serde_json', 'JsonValue')).replace(/\\/g, '/');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      text = text.replace(/^(export type )/m, `import type { JsonValue } from "${spec}";\n\n$1`);
    }
    writeFileSync(path, text);
  }
  return log;
}
