/**
 * The import-time warm-up: what it calls, with which options, and that it can never break an import.
 */
import { describe, expect, it } from 'vitest';
import type { Validators } from '../src/api.js';
import type { Bundle } from '../src/bundle.js';
import { warmUp } from '../src/warm-up.js';

function fakeBundle(name: 'stable' | 'experimental', notifications: string[], entries: (kind: string) => void): Bundle {
  // Only what warmUp reads of a bundle.
  return {
    name,
    lists: { clientRequest: [], clientNotification: notifications, serverRequest: [], serverNotification: [] },
    entries,
  } as unknown as Bundle;
}

/** Validators that only record what they are called with, into `calls`. */
function recording(calls: unknown[][]): Validators {
  return {
    validateMessage: (...args: unknown[]) => calls.push(['validateMessage', ...args]),
    validateClientNotification: (...args: unknown[]) => calls.push(['validateClientNotification', ...args]),
  } as unknown as Validators;
}

describe('warmUp', () => {
  it('builds the four method tables, validates a response without method and the first client notification both ways, with the bundle option', () => {
    for (const [name, opts] of [
      ['stable', undefined],
      ['experimental', { experimental: true }],
    ] as const) {
      const calls: unknown[][] = [];
      const kinds: string[] = [];
      warmUp(
        recording(calls),
        fakeBundle(name, ['initialized', 'other'], (k) => kinds.push(k)),
      );
      expect(kinds).toEqual(['clientRequest', 'clientNotification', 'serverRequest', 'serverNotification']);
      expect(calls).toStrictEqual([
        ['validateMessage', { id: 0, result: null }, 's2c', opts],
        ['validateMessage', { method: 'initialized' }, 'c2s', opts],
        ['validateClientNotification', 'initialized', undefined, opts],
      ]);
    }
  });

  it('without a client notification, validates only the response', () => {
    const calls: unknown[][] = [];
    warmUp(
      recording(calls),
      fakeBundle('stable', [], () => undefined),
    );
    expect(calls).toStrictEqual([['validateMessage', { id: 0, result: null }, 's2c', undefined]]);
  });

  it('never throws, whatever the validators or the bundle do', () => {
    const throwing = {
      validateMessage: () => {
        throw new Error('broken');
      },
      validateClientNotification: () => {
        throw new Error('broken');
      },
    } as unknown as Validators;
    expect(() => {
      warmUp(
        throwing,
        fakeBundle('stable', ['initialized'], () => undefined),
      );
    }).not.toThrow();
    expect(() => {
      warmUp(
        throwing,
        fakeBundle('stable', ['initialized'], () => {
          throw new Error('no table');
        }),
      );
    }).not.toThrow();
  });
});
