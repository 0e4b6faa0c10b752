/**
 * `@cask/validators`: runtime validation of Codex app-server messages against
 * the JSON Schema in `@cask/schema`, for both the stable and the experimental
 * API (pick with `{ experimental: true }`).
 *
 * The validators are compiled ahead of time (`generated/`, written by
 * `scripts/build-validators.mjs`): importing this module loads the method
 * names of both bundles; each validator's code loads the first time it is used.
 * `@cask/validators/stable` and `@cask/validators/experimental` carry one
 * bundle each, for bundled apps that need only one.
 * @packageDocumentation
 */
import { table as experimentalTable } from '../generated/experimental/table.js';
// One small CommonJS module loads either bundle's loaders (each CommonJS module an ES module imports costs time).
import { experimental as experimentalLoaders, stable as stableLoaders } from '../generated/index.cjs';
import { table as stableTable } from '../generated/stable/table.js';
import { createValidators } from './api.js';
import { Bundle } from './bundle.js';
import { methodLists } from './entry.js';
import { warmUp } from './warm-up.js';

export * from './entry.js';

const STABLE = new Bundle('stable', stableTable, stableLoaders);
const EXPERIMENTAL = new Bundle('experimental', experimentalTable, experimentalLoaders);

/** The validators of this entry point (both bundles). */
export const validators = createValidators((opts) => (opts?.experimental ? EXPERIMENTAL : STABLE), EXPERIMENTAL);

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

/** Method lists of the stable API, in schema order (read from the schema's unions, never hard-coded). */
export const {
  CLIENT_REQUEST_METHODS,
  CLIENT_NOTIFICATION_METHODS,
  SERVER_REQUEST_METHODS,
  SERVER_NOTIFICATION_METHODS,
} = methodLists(STABLE);
