/**
 * The `@cask/client` extension types this package plugs into, re-exported so
 * users of this package can name them without a second import.
 * @module
 */
export type { ClientExtension, ServerRequestHandler } from '@cask/client';
