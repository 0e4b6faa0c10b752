import { isObject, type JsonValue } from './json.js';

/** An instance derived from a valid one by a single mutation. */
export interface Mutant {
  /** JSON pointer of the mutated location (`""` for the root). */
  readonly path: string;
  /** What was done, e.g. `drop property "threadId"`. */
  readonly mutation: string;
  /** The mutated instance. */
  readonly value: JsonValue;
}

/** Name of the property added by the extra-property mutation. */
export const EXTRA_PROPERTY = '__caskConformanceExtra';

/** Out-of-enum string used by the string mutation. */
export const OUT_OF_ENUM = '__cask_not_a_member__';

/**
 * Derives single-point mutants from an instance, without looking at any schema: for every location in the value,
 * objects lose each property in turn and gain an unknown property; strings become an out-of-enum string and a number;
 * integers become non-integers, negative, and values just outside the 16/32/64-bit ranges; booleans, arrays and
 * objects get a wrong type; every non-null value is replaced by `null`, and `null` by a string.
 * Both schemas must agree on every mutant, whatever the verdict.
 */
export function mutants(instance: JsonValue): Mutant[] {
  const out: Mutant[] = [];
  visit(instance, '', (path, value, replace) => {
    const push = (mutation: string, next: JsonValue) => out.push({ path, mutation, value: replace(next) });
    if (value !== null) push('null instead of value', null);
    if (value === null) {
      push('string instead of null', 'x');
      return;
    }
    switch (typeof value) {
      case 'string':
        push('out-of-enum string', OUT_OF_ENUM);
        push('number instead of string', 7);
        if (value.length > 0) push('empty string', '');
        break;
      case 'number':
        push('string instead of number', String(value));
        if (Number.isInteger(value)) {
          push('non-integer', value + 0.5);
          push('negative', value === 0 ? -1 : -Math.abs(value));
          push('above uint8', 2 ** 8);
          push('above uint16', 2 ** 16);
          push('above int32', 2 ** 31);
          push('above uint32', 2 ** 32);
          push('at 2^63', 2 ** 63);
          push('at 2^64', 2 ** 64);
        } else {
          push('integer', Math.trunc(value));
        }
        break;
      case 'boolean':
        push('string instead of boolean', String(value));
        break;
      default:
        if (Array.isArray(value)) {
          push('object instead of array', {});
          if (value.length > 0) push('empty array', []);
        } else if (isObject(value)) {
          push('array instead of object', []);
          for (const key of Object.keys(value)) {
            const { [key]: _dropped, ...rest } = value;
            push(`drop property "${key}"`, rest);
          }
          push(`extra property "${EXTRA_PROPERTY}"`, { ...value, [EXTRA_PROPERTY]: 1 });
        }
    }
  });
  return out;
}

type Visitor = (path: string, value: JsonValue, replace: (next: JsonValue) => JsonValue) => void;

function visit(root: JsonValue, path: string, fn: Visitor, rebuild: (next: JsonValue) => JsonValue = (n) => n): void {
  fn(path, root, rebuild);
  if (Array.isArray(root)) {
    root.forEach((item, i) => {
      visit(item, `${path}/${i}`, fn, (next) => rebuild(root.map((v, j) => (j === i ? next : v))));
    });
  } else if (isObject(root)) {
    for (const key of Object.keys(root)) {
      visit(root[key] as JsonValue, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, fn, (next) =>
        rebuild({ ...root, [key]: next }),
      );
    }
  }
}
