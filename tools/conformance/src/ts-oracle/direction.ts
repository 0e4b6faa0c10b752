/**
 * Which way each upstream type travels, from reachability over the method maps:
 * server notifications, server request params and client request results are
 * sent by the server; client request params, client notifications and server
 * request results by the client. A type reached both ways is used in both.
 * @module
 */
import type { UpstreamTsTree } from './upstream-ts.js';

/** `server`: the server sends it (ours must be assignable to upstream's); `client`: the client sends it (upstream's must be assignable to ours); `both`: both; `none`: no method reaches it. */
export type Direction = 'server' | 'client' | 'both' | 'none';

/** The upstream union files and the direction of the params they list. */
export const UNION_FILES = {
  ClientRequest: 'client',
  ClientNotification: 'client',
  ServerRequest: 'server',
  ServerNotification: 'server',
} as const;

/** Result type names of the request maps (from ours: upstream's TypeScript does not tie a request to its result). */
export interface ResultRoots {
  /** Results of client requests: sent by the server. */
  readonly clientRequestResults: readonly string[];
  /** Results of server requests: sent by the client. */
  readonly serverRequestResults: readonly string[];
}

function filesNamed(tree: UpstreamTsTree): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tree.types.values()) out.set(t.name, [...(out.get(t.name) ?? []), t.file]);
  return out;
}

/**
 * Computes the direction of every upstream type file.
 * @throws Error when one of the four union files is missing
 */
export function directions(tree: UpstreamTsTree, results: ResultRoots): Map<string, Direction> {
  const byName = filesNamed(tree);
  const seen = { server: new Set<string>(), client: new Set<string>() };
  const walk = (start: string, side: 'server' | 'client'): void => {
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop() ?? '';
      if (seen[side].has(file) || !tree.types.has(file)) continue;
      seen[side].add(file);
      stack.push(...(tree.imports.get(file) ?? []));
    }
  };
  for (const [file, side] of Object.entries(UNION_FILES)) {
    if (!tree.types.has(file)) throw new Error(`upstream's generate-ts output has no ${file}.ts`);
    walk(file, side);
  }
  const fromNames = (names: readonly string[], side: 'server' | 'client'): void => {
    for (const name of names) {
      // A result of an experimental method is absent from the stable output: nothing to walk.
      for (const f of byName.get(name) ?? []) walk(f, side);
    }
  };
  fromNames(results.clientRequestResults, 'server');
  fromNames(results.serverRequestResults, 'client');
  const out = new Map<string, Direction>();
  for (const file of tree.types.keys()) {
    const s = seen.server.has(file);
    const c = seen.client.has(file);
    out.set(file, s && c ? 'both' : s ? 'server' : c ? 'client' : 'none');
  }
  return out;
}
