import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Relative paths of all `.json` files under `dir` (recursive, `/`-separated, sorted). */
export function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.json')) out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Files (relative paths) present in `ours` but not in `upstream`: misnamed or invented schema files. */
export function unknownFiles(ours: string, upstream: string): string[] {
  const up = new Set(jsonFiles(upstream));
  return jsonFiles(ours).filter((f) => !up.has(f));
}
