/**
 * What a change breaks. A change to a value the client sends (client→server) and one to a value the server sends
 * (server→client) break different peers: a narrowed request param breaks old clients, a widened notification payload
 * breaks old clients too, and the reverse cases break new clients talking to old servers.
 * The table is documented in tools/cli/README.md ("What counts as breaking").
 * @module
 */
import type { RawChange } from './compare.js';
import type { Direction, Impact, MethodKind } from './types.js';

/** Effect of a change on the two pairings of peers. */
export interface Impacts {
  readonly oldClientNewServer: Impact | null;
  readonly newClientOldServer: Impact | null;
}

const ok = null;
const brk = (text: string): Impact => ({ breaking: true, text });
const note = (text: string): Impact => ({ breaking: false, text });

function valueImpact(effect: RawChange['effect'], direction: Direction, what: string): Impacts {
  if (effect === 'listed') {
    const reader = direction === 'clientToServer' ? 'a server' : 'a client';
    return {
      oldClientNewServer: note(
        `${reader} of either protocol accepts ${what} (an open alternative covers it); code that switches on the known values may not handle it`,
      ),
      newClientOldServer: null,
    };
  }
  const widened = effect !== 'narrowed';
  const narrowed = effect !== 'widened';
  if (direction === 'clientToServer')
    return {
      oldClientNewServer: narrowed
        ? brk(`a server of the new protocol rejects ${what} that an old client may send`)
        : ok,
      newClientOldServer: widened ? brk(`a server of the old protocol rejects ${what} that a new client may send`) : ok,
    };
  return {
    oldClientNewServer: widened
      ? brk(`a client of the old protocol may now receive ${what} that it does not know`)
      : ok,
    newClientOldServer: narrowed ? brk(`a new client rejects ${what} that an old server may still send`) : ok,
  };
}

function unknownField(
  reader: 'an old client' | 'a new client' | 'an old server' | 'a new server',
  name: string,
  closed: boolean,
): Impact {
  return closed
    ? brk(`${reader} rejects field "${name}" it does not know (the object allows no unknown members)`)
    : note(`${reader} receives field "${name}" it does not know (ignored unless it validates strictly)`);
}

function fieldImpact(change: RawChange, direction: Direction): Impacts {
  const f = change.field;
  if (!f) return valueImpact(change.effect, direction, `the value at ${change.location}`);
  const n = f.name;
  const c2s = direction === 'clientToServer';
  switch (change.kind) {
    case 'field-added':
      if (c2s)
        return {
          oldClientNewServer: f.required
            ? brk(
                `a server of the new protocol rejects messages without required field "${n}", which old clients do not send`,
              )
            : ok,
          newClientOldServer: unknownField('an old server', n, f.closed),
        };
      return {
        oldClientNewServer: unknownField('an old client', n, f.closed),
        newClientOldServer: f.required
          ? brk(`a new client requires field "${n}", which an old server does not send`)
          : ok,
      };
    case 'field-removed':
      if (c2s)
        return {
          oldClientNewServer: unknownField('a new server', n, f.closed),
          newClientOldServer: f.required
            ? brk(`an old server requires field "${n}", which a new client no longer sends`)
            : ok,
        };
      return {
        oldClientNewServer: f.required
          ? brk(`an old client requires field "${n}", which a new server no longer sends`)
          : note(`an old client no longer receives optional field "${n}"`),
        newClientOldServer: unknownField('a new client', n, f.closed),
      };
    case 'field-required':
      return c2s
        ? {
            oldClientNewServer: brk(
              `a server of the new protocol rejects messages without field "${n}", which old clients may omit`,
            ),
            newClientOldServer: ok,
          }
        : {
            oldClientNewServer: ok,
            newClientOldServer: brk(`a new client requires field "${n}", which an old server may omit`),
          };
    case 'field-optional':
      return c2s
        ? {
            oldClientNewServer: ok,
            newClientOldServer: brk(`an old server requires field "${n}", which a new client may omit`),
          }
        : {
            oldClientNewServer: brk(`an old client requires field "${n}", which a new server may omit`),
            newClientOldServer: ok,
          };
    default:
      return valueImpact(change.effect, direction, `the value at ${change.location}`);
  }
}

/** What the value-level part of a change is, in words, for the impact sentence. */
function subject(change: RawChange): string {
  const detail = change.detail;
  switch (change.kind) {
    case 'enum-member-added':
    case 'enum-member-removed':
      return `${detail.replace(/^enum member (\S+) (added|removed).*$/, 'the value $1')} at ${change.location}`;
    case 'variant-added':
    case 'variant-removed':
      return `${detail.replace(/^variant (.*) (added|removed)$/, 'the variant $1')} at ${change.location}`;
    case 'nullable':
    case 'non-nullable':
      return `null at ${change.location}`;
    default:
      return `values at ${change.location} (${detail})`;
  }
}

function merge(a: Impact | null, b: Impact | null): Impact | null {
  if (!a) return b;
  if (!b || a.text === b.text) return a;
  return { breaking: a.breaking || b.breaking, text: `${a.text}; ${b.text}` };
}

/**
 * Impacts of a structural change on both pairings, given the directions its location travels in.
 *
 * @param directions - directions of the methods that reach the location (both when it is shared)
 */
export function changeImpact(change: RawChange, directions: readonly Direction[]): Impacts {
  let result: Impacts = { oldClientNewServer: null, newClientOldServer: null };
  for (const direction of directions) {
    const one = change.field ? fieldImpact(change, direction) : valueImpact(change.effect, direction, subject(change));
    result = {
      oldClientNewServer: merge(result.oldClientNewServer, one.oldClientNewServer),
      newClientOldServer: merge(result.newClientOldServer, one.newClientOldServer),
    };
  }
  return result;
}

/** Impacts of a method added to or removed from a union. */
export function methodImpact(kind: MethodKind, name: string, added: boolean): Impacts {
  const m = `"${name}"`;
  switch (kind) {
    case 'clientRequest':
      return added
        ? {
            oldClientNewServer: ok,
            newClientOldServer: brk(`an old server answers request ${m} with a method-not-found error`),
          }
        : {
            oldClientNewServer: brk(
              `a server of the new protocol answers request ${m}, which old clients may send, with a method-not-found error`,
            ),
            newClientOldServer: ok,
          };
    case 'clientNotification':
      return added
        ? {
            oldClientNewServer: ok,
            newClientOldServer: brk(`an old server ignores notification ${m} a new client sends`),
          }
        : {
            oldClientNewServer: brk(`a server of the new protocol ignores notification ${m}, which old clients send`),
            newClientOldServer: ok,
          };
    case 'serverRequest':
      return added
        ? {
            oldClientNewServer: brk(
              `a client of the old protocol receives server request ${m} it cannot answer (it must reply with an error)`,
            ),
            newClientOldServer: ok,
          }
        : {
            oldClientNewServer: note(`an old client's handler for server request ${m} is no longer called`),
            newClientOldServer: brk(
              `a new client receives server request ${m} from an old server and cannot answer it`,
            ),
          };
    case 'serverNotification':
      return added
        ? {
            oldClientNewServer: note(
              `a client of the old protocol receives notification ${m} it does not know (clients ignore unknown notifications)`,
            ),
            newClientOldServer: note(`an old server never sends notification ${m}`),
          }
        : {
            oldClientNewServer: note(`an old client no longer receives notification ${m}`),
            newClientOldServer: note(`a new client receives notification ${m} it does not know from an old server`),
          };
    default:
      return { oldClientNewServer: null, newClientOldServer: null };
  }
}
