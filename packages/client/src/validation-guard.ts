/**
 * The client's guard around validator calls: a validator that throws
 * (e.g. a RangeError on params nested thousands deep) becomes a failure
 * result, and whatever a validator returns is bounded before it is put in
 * an issue or an error message (a 50 MB string is never echoed whole).
 * The field a strict check refused as unknown is named.
 * @module
 */
import { describeThrown } from './json-rpc.js';
import type { ValidationOutcome } from './validation.js';

/** Longest validator message kept, in characters. */
export const MAX_VALIDATION_MESSAGE_CHARS = 2_000;
/** Most validator errors kept per issue. */
export const MAX_VALIDATION_ERRORS = 20;
/** Longest string kept inside a validator error, in characters. */
const MAX_ERROR_STRING_CHARS = 200;

/** Runs a validator; what it throws becomes a failure naming the throw. */
export function guardedValidate(run: () => ValidationOutcome): ValidationOutcome {
  try {
    const outcome = run();
    if (typeof Reflect.get(outcome, 'ok') !== 'boolean') {
      return { ok: false, message: 'validator returned no outcome' };
    }
    return outcome;
  } catch (err) {
    const what = err instanceof RangeError ? ' (the message is probably nested too deeply to check)' : '';
    return { ok: false, message: `validator threw: ${describeThrown(err)}${what}` };
  }
}

/** A failure outcome with a bounded message, bounded errors, and the unknown fields named. */
export function boundedOutcome(outcome: ValidationOutcome): ValidationOutcome {
  if (outcome.ok) return outcome;
  const errors = boundErrors(outcome.errors);
  const unknown = unknownFields(errors);
  let message = typeof outcome.message === 'string' ? outcome.message : 'invalid';
  if (message.length > MAX_VALIDATION_MESSAGE_CHARS) message = `${message.slice(0, MAX_VALIDATION_MESSAGE_CHARS)}…`;
  if (unknown.length > 0 && !unknown.every((f) => message.includes(f))) {
    message += ` (field${unknown.length > 1 ? 's' : ''} not in the protocol: ${unknown.join(', ')})`;
  }
  return errors === undefined ? { ok: false, message } : { ok: false, message, errors };
}

function boundErrors(errors: unknown): unknown {
  if (!Array.isArray(errors)) return errors === undefined ? undefined : boundValue(errors, 3);
  const kept: unknown[] = errors.slice(0, MAX_VALIDATION_ERRORS).map((e) => boundValue(e, 3));
  if (errors.length > MAX_VALIDATION_ERRORS)
    kept.push({ message: `${errors.length - MAX_VALIDATION_ERRORS} more errors left out` });
  return kept;
}

/** A copy of `value` with strings cut short and nesting cut at `depth`; never throws. */
function boundValue(value: unknown, depth: number): unknown {
  try {
    if (typeof value === 'string') {
      return value.length > MAX_ERROR_STRING_CHARS ? `${value.slice(0, MAX_ERROR_STRING_CHARS)}…` : value;
    }
    if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? String(value) : value;
    if (depth <= 0) return '…';
    if (Array.isArray(value)) return value.slice(0, MAX_VALIDATION_ERRORS).map((v) => boundValue(v, depth - 1));
    // fromEntries defines own properties, so a key named `__proto__` stays a plain key.
    return Object.fromEntries(
      Object.keys(value)
        .slice(0, MAX_VALIDATION_ERRORS)
        .map((key) => [key, boundValue(Reflect.get(value, key), depth - 1)]),
    );
  } catch {
    return '(unreadable)';
  }
}

/** `path/field` for each ajv-style `additionalProperties` error. */
function unknownFields(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  const out: string[] = [];
  for (const e of errors) {
    if (typeof e !== 'object' || e === null) continue;
    if (Reflect.get(e, 'keyword') !== 'additionalProperties') continue;
    const params: unknown = Reflect.get(e, 'params');
    const field: unknown =
      typeof params === 'object' && params !== null ? Reflect.get(params, 'additionalProperty') : undefined;
    if (typeof field !== 'string') continue;
    const at: unknown = Reflect.get(e, 'instancePath');
    out.push(typeof at === 'string' && at !== '' ? `${at}/${field}` : field);
  }
  return out;
}
