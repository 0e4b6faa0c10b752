/**
 * `@cask/validators/experimental`: the validators of the experimental API only. A bundled
 * app that imports this entry point carries none of the stable bundle.
 * Same functions as `@cask/validators`; passing `{ experimental: false }` is a
 * programming error and throws.
 * @packageDocumentation
 */
import { loaders } from '../generated/experimental/index.cjs';
import { table } from '../generated/experimental/table.js';
import { createValidators } from './api.js';
import { Bundle, onlyBundle } from './bundle.js';
import { methodLists } from './entry.js';
import { warmUp } from './warm-up.js';

export * from './entry.js';

const EXPERIMENTAL = new Bundle('experimental', table, loaders);

/** The validators of this entry point. */
export const validators = createValidators(onlyBundle(EXPERIMENTAL));

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

warmUp(validators, EXPERIMENTAL);

/** Method lists of the experimental API, in schema order. */
export const {
  CLIENT_REQUEST_METHODS,
  CLIENT_NOTIFICATION_METHODS,
  SERVER_REQUEST_METHODS,
  SERVER_NOTIFICATION_METHODS,
} = methodLists(EXPERIMENTAL);
