/**
 * What the server says about itself in its `initialize` answer, and the
 * codex release this client was written against.
 * @module
 */
import { CODEX_RELEASE, type InitializeResponse } from '@cask/protocol';

/**
 * The codex release whose protocol this client speaks: `@cask/protocol`'s
 * `CODEX_RELEASE`, the release the method maps were written against.
 */
export const EXPECTED_CODEX_RELEASE: string = CODEX_RELEASE;

/** The server as it described itself in `initialize`. */
export interface ServerInfo {
  /** The user-agent string the server reported, e.g. `my-client/0.169.0 (Debian 12; x86_64) xterm (my-client; 1.0.0)`. */
  userAgent: string;
  /** The codex version parsed out of `userAgent` (the token after the first `/`), or `undefined` if it has none. */
  version: string | undefined;
  /** The release this client was built for ({@link EXPECTED_CODEX_RELEASE}). */
  expectedRelease: string;
  /** Whether `version` is the expected release (`undefined` when the version is unknown). */
  matchesExpected: boolean | undefined;
  /** Platform family and operating system of the server build, and its Codex home directory. */
  platformFamily: string | undefined;
  platformOs: string | undefined;
  codexHome: string | undefined;
}

/** The codex version in an app-server user-agent string (`originator/VERSION (...)`), if any. */
export function parseServerVersion(userAgent: unknown): string | undefined {
  if (typeof userAgent !== 'string') return undefined;
  // `originator/X.Y.Z[-pre]` at the start, ended by the end of the text, whitespace, `(` or `;`.
  return /^[^\s/]+\/(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?=$|[\s(;])/.exec(userAgent.slice(0, 512))?.[1];
}

/** Builds {@link ServerInfo} from an `initialize` answer (tolerating a server that leaves fields out). */
export function serverInfoFrom(
  response: InitializeResponse | null | undefined,
  expected = EXPECTED_CODEX_RELEASE,
): ServerInfo {
  const r: Partial<Record<keyof InitializeResponse, unknown>> =
    typeof response === 'object' && response !== null ? response : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const userAgent = str(r.userAgent) ?? '';
  const version = parseServerVersion(userAgent);
  return {
    userAgent,
    version,
    expectedRelease: expected,
    matchesExpected: version === undefined ? undefined : version === expected,
    platformFamily: str(r.platformFamily),
    platformOs: str(r.platformOs),
    codexHome: str(r.codexHome),
  };
}
