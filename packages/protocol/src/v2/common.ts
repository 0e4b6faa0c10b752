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
 * A filesystem path as older app-server releases sent it: a plain string that
 * may be relative and has not been normalized. Newer fields prefer
 * {@link AbsolutePathBuf}; this one stays for wire compatibility.
 */
export type LegacyAppPathString = string;
