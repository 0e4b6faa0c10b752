/**
 * Which methods reach which definitions: the `$ref` graph of one side, walked from every method's params and result,
 * so that a change in a shared definition is reported once with the methods and directions that reach it.
 * @module
 */
import { isObject, type Json } from './json.js';
import { METHOD_KINDS, type LoadedSchema } from './load.js';
import type { Direction, MethodKind, Reach, Role } from './types.js';

/** Direction of a method's params and of its result. */
export const DIRECTIONS: Readonly<Record<MethodKind, { params: Direction; result: Direction }>> = {
  clientRequest: { params: 'clientToServer', result: 'serverToClient' },
  clientNotification: { params: 'clientToServer', result: 'clientToServer' },
  serverRequest: { params: 'serverToClient', result: 'clientToServer' },
  serverNotification: { params: 'serverToClient', result: 'serverToClient' },
};

/** Definition keys referenced anywhere inside `node`. */
export function refsIn(node: Json | undefined, schema: LoadedSchema, out = new Set<string>()): Set<string> {
  const stack: Json[] = node === undefined ? [] : [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) stack.push(...n);
    else if (isObject(n)) {
      for (const [k, v] of Object.entries(n)) {
        if (k === '$ref' && typeof v === 'string') {
          const key = schema.refKey(v);
          if (key !== undefined) out.add(key);
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    }
  }
  return out;
}

/**
 * For every definition key: the methods (params or result) whose schema reaches it through `$ref`s. The method
 * unions themselves are reached by all their methods (their non-variant members, e.g. `emittedAtMs`, apply to all).
 */
export function reachability(schema: LoadedSchema): Map<string, Reach[]> {
  const edges = new Map<string, Set<string>>();
  for (const [key, def] of schema.definitions) edges.set(key, refsIn(def, schema));
  const reach = new Map<string, Reach[]>();
  for (const kind of METHOD_KINDS) {
    for (const entry of schema.methods[kind].values()) {
      const roles: Array<[Role, Json | undefined]> = [['params', entry.params]];
      if (kind === 'clientRequest' || kind === 'serverRequest') roles.push(['result', entry.result]);
      for (const [role, node] of roles) {
        const r: Reach = { method: entry.name, kind, role, direction: DIRECTIONS[kind][role] };
        const seen = new Set<string>();
        const queue = [...refsIn(node, schema)];
        while (queue.length > 0) {
          const key = queue.pop();
          if (key === undefined || seen.has(key)) continue;
          seen.add(key);
          for (const next of edges.get(key) ?? []) if (!seen.has(next)) queue.push(next);
        }
        for (const key of seen) {
          const list = reach.get(key);
          if (list) list.push(r);
          else reach.set(key, [r]);
        }
      }
    }
  }
  return reach;
}

/** Namespace prefix of a method: `thread/start` → `thread`, `initialize` → `initialize`. */
export function areaOf(method: string): string {
  const i = method.indexOf('/');
  return i === -1 ? method : method.slice(0, i);
}
