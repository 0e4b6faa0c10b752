/**
 * The entry points' import-time warm-up (not part of the public API).
 * @module
 */
import type { Validators } from './api.js';
import { KINDS, type Bundle } from './bundle.js';

/**
 * Runs the validators' own code once at import, so that no first validation pays for compiling it
 * (≈ 0.3 ms on the benchmark machine): builds the bundle's method tables and validates a client
 * notification without params both ways (`validateMessage`, what programs call, and
 * `validateClientNotification`, the path `@cask/client` takes) and a response without the method it
 * answers. That loads no validator module: a notification without params has nothing to check beyond
 * its method, a response without a method nothing beyond its envelope.
 */
export function warmUp(validators: Validators, bundle: Bundle): void {
  const opts = bundle.name === 'experimental' ? { experimental: true } : undefined;
  try {
    for (const kind of KINDS) bundle.entries(kind);
    // A response without the method it answers: only its envelope is checked.
    validators.validateMessage({ id: 0, result: null }, 's2c', opts);
    const method = bundle.lists.clientNotification[0];
    if (method === undefined) return;
    validators.validateMessage({ method }, 'c2s', opts);
    validators.validateClientNotification(method, undefined, opts);
  } catch {
    // Only a head start: whatever went wrong shows again, with its message, on the first real validation.
  }
}
