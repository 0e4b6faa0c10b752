/**
 * Deterministic mutations of real messages, for cross-checking validators:
 * integers pushed out of every format's range, wrong types, unknown and
 * missing members.
 * @module
 */

/** A mutated copy of a message and what was done to it. */
export interface Mutation {
  msg: unknown;
  what: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Values an integer leaf is replaced with: each breaks at least one numeric format. */
export const INTEGER_PROBES = [2 ** 40, -1, 1.5, 2 ** 53 + 2, 2 ** 31, 2 ** 32, 70_000] as const;

function leaves(value: Json, pointer: string[], out: Array<{ pointer: string[]; value: Json }>) {
  out.push({ pointer, value });
  if (Array.isArray(value))
    value.forEach((v, i) => {
      leaves(v, [...pointer, String(i)], out);
    });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, [...pointer, k], out);
  }
}

function setAt(
  root: Json,
  pointer: string[],
  change: (parent: Json[] | Record<string, Json>, key: string) => void,
): Json {
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const key of pointer.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(key)] ?? null;
    else if (node !== null && typeof node === 'object') node = node[key] ?? null;
  }
  const last = pointer.at(-1);
  if (last !== undefined && node !== null && typeof node === 'object') change(node, last);
  return copy;
}

const assign = (parent: Json[] | Record<string, Json>, key: string, value: Json) => {
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
};

/**
 * Mutations of `msg` inside its `params` or `result`: every integer leaf
 * gets each {@link INTEGER_PROBES} value (up to `maxIntegerLeaves` leaves),
 * and up to `maxOther` other mutations (string → number, extra member,
 * removed member, array → string, null → 0) spread over the message.
 */
export function mutate(msg: unknown, maxIntegerLeaves = 4, maxOther = 4): Mutation[] {
  // Cast: msg came from JSON.parse, so it is JSON.
  const root = structuredClone(msg) as Json;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return [];
  const body = 'params' in root ? 'params' : 'result' in root ? 'result' : undefined;
  if (body === undefined) return [];
  const all: Array<{ pointer: string[]; value: Json }> = [];
  leaves(root[body] ?? null, [body], all);
  const out: Mutation[] = [];
  const ints = all.filter((l) => typeof l.value === 'number' && Number.isInteger(l.value));
  for (const leaf of ints.slice(0, maxIntegerLeaves)) {
    for (const probe of INTEGER_PROBES) {
      out.push({
        msg: setAt(root, leaf.pointer, (p, k) => {
          assign(p, k, probe);
        }),
        what: `/${leaf.pointer.join('/')} = ${probe}`,
      });
    }
  }
  const others: Mutation[] = [];
  for (const leaf of all) {
    const at = `/${leaf.pointer.join('/')}`;
    if (typeof leaf.value === 'string') {
      others.push({
        msg: setAt(root, leaf.pointer, (p, k) => {
          assign(p, k, 42);
        }),
        what: `${at} = 42`,
      });
    } else if (leaf.value === null) {
      others.push({
        msg: setAt(root, leaf.pointer, (p, k) => {
          assign(p, k, 0);
        }),
        what: `${at} = 0`,
      });
    } else if (Array.isArray(leaf.value)) {
      others.push({
        msg: setAt(root, leaf.pointer, (p, k) => {
          assign(p, k, 'not an array');
        }),
        what: `${at} = "not an array"`,
      });
    } else if (typeof leaf.value === 'object') {
      const obj = leaf.value;
      const first = Object.keys(obj)[0];
      const withExtra = (p: Json[] | Record<string, Json>, k: string) => {
        assign(p, k, { ...obj, zzUnexpected: true });
      };
      if (leaf.pointer.length === 1) {
        // The body itself.
        others.push({ msg: { ...root, [body]: { ...obj, zzUnexpected: true } }, what: `${at} + zzUnexpected` });
      } else {
        others.push({ msg: setAt(root, leaf.pointer, withExtra), what: `${at} + zzUnexpected` });
      }
      if (first !== undefined) {
        const { [first]: _removed, ...rest } = obj;
        others.push({
          msg:
            leaf.pointer.length === 1
              ? { ...root, [body]: rest }
              : setAt(root, leaf.pointer, (p, k) => {
                  assign(p, k, rest);
                }),
          what: `${at} - ${first}`,
        });
      }
    }
  }
  // Spread the other mutations over the message rather than taking the first few.
  const step = Math.max(1, Math.floor(others.length / maxOther));
  for (let i = 0, taken = 0; i < others.length && taken < maxOther; i += step, taken++) {
    const m = others[i];
    if (m) out.push(m);
  }
  return out;
}
