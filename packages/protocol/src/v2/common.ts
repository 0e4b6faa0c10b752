/**
 * Small scalar types shared by several areas of the v2 protocol.
 * @module
 */

/**
 * A filesystem path that the server has already made absolute and normalized
 * (`.` and `..` resolved). It is not necessarily canonical: symlinks are not
 * followed and the path need not exist.
 */
export type AbsolutePathBuf = string;

/**
 * A filesystem path carried as a plain string, the way older parts of the API
 * carry paths. Unlike {@link AbsolutePathBuf}, nothing promises that it is
 * absolute or normalized.
 */
export type LegacyAppPathString = string;
