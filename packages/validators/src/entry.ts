/**
 * What the three entry points export besides the validators: the exports
 * shared by all of them, and the method-list constants of a bundle.
 * @module
 */
import type { Bundle } from './bundle.js';

export type { ValidationIssue } from './explain.js';
export { formatIssue, formatIssues, preview } from './explain.js';
export {
  NUMERIC_FORMAT_RANGES,
  numericFormats,
  describeFormat,
  type NumberFormat,
  type NumericFormatRange,
} from './formats.js';
export type * from './types.js';
export { classifyMessage, type ClassifiedMessage, type ValidateMessageOptions, type Validators } from './api.js';

/** The method lists of a bundle, as the entry points export them. */
export function methodLists(bundle: Bundle): {
  CLIENT_REQUEST_METHODS: readonly string[];
  CLIENT_NOTIFICATION_METHODS: readonly string[];
  SERVER_REQUEST_METHODS: readonly string[];
  SERVER_NOTIFICATION_METHODS: readonly string[];
} {
  return {
    CLIENT_REQUEST_METHODS: bundle.lists.clientRequest,
    CLIENT_NOTIFICATION_METHODS: bundle.lists.clientNotification,
    SERVER_REQUEST_METHODS: bundle.lists.serverRequest,
    SERVER_NOTIFICATION_METHODS: bundle.lists.serverNotification,
  };
}
