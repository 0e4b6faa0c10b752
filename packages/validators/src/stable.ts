/**
 * `@cask/validators/stable`: the validators of the stable API only. A bundled
 * app that imports this entry point carries none of the experimental bundle.
 * Same functions as `@cask/validators`; passing `{ experimental: true }` is a
 * programming error and throws.
 * @packageDocumentation
 */
import { loaders } from '../generated/stable/index.cjs';
import { table } from '../generated/stable/table.js';
import { createValidators } from './api.js';
import { Bundle, onlyBundle } from './bundle.js';
import { methodLists } from './entry.js';
import { warmUp } from './warm-up.js';

export * from './entry.js';

const STABLE = new Bundle('stable', table, loaders);

/** The validators of this entry point. */
export const validators = createValidators(onlyBundle(STABLE));

export const {
  validateClientRequest,
  validateServerResult,
  validateServerNotification,
  validateServerRequest,
  validateClientResult,
  validateClientNotification,
  validateMessage,
  listMethods,
  isKnownMethod,
  isClientRequestMethod,
  isClientNotificationMethod,
  isServerRequestMethod,
  isServerNotificationMethod,
  resultLinkSource,
} = validators;

warmUp(validators, STABLE);

/** Method lists of the stable API, in schema order. */
export const {
  CLIENT_REQUEST_METHODS,
  CLIENT_NOTIFICATION_METHODS,
  SERVER_REQUEST_METHODS,
  SERVER_NOTIFICATION_METHODS,
} = methodLists(STABLE);
