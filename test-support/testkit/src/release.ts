/**
 * The codex releases the kit speaks and is tested against, read from the repository's `codex-release.json` (the
 * single place they are written; `pnpm codex-release:sync` copies them everywhere else).
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `codex-release.json` at the repository root (from `src/` and from `dist/` alike). */
export const CODEX_RELEASE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'codex-release.json',
);

/** The contents of `codex-release.json`. */
export interface CodexReleaseSource {
  /** The pinned `@openai/codex` release: the protocol the kit's types, schema and validators are equivalent to. */
  release: string;
  /** Older releases the contract tests also run against, newest first. */
  compatibilityReleases: string[];
}

const VERSION = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

/**
 * Parses the text of `codex-release.json`.
 *
 * @throws Error naming the file and the field that is missing or malformed.
 */
export function parseCodexRelease(text: string, file = CODEX_RELEASE_FILE): CodexReleaseSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: not a JSON object`);
  const release = 'release' in parsed ? parsed.release : undefined;
  if (typeof release !== 'string' || !VERSION.test(release)) {
    throw new Error(`${file}: "release" must be a version like "0.1.0", got ${JSON.stringify(release)}`);
  }
  const compat = 'compatibilityReleases' in parsed ? parsed.compatibilityReleases : [];
  if (!Array.isArray(compat)) throw new Error(`${file}: "compatibilityReleases" must be an array of versions`);
  const compatibilityReleases: string[] = [];
  for (const [i, v] of compat.entries()) {
    if (typeof v !== 'string' || !VERSION.test(v)) {
      throw new Error(
        `${file}: "compatibilityReleases"[${i}] must be a version like "0.1.0", got ${JSON.stringify(v)}`,
      );
    }
    if (v === release || compatibilityReleases.includes(v)) {
      throw new Error(`${file}: "compatibilityReleases"[${i}] repeats ${v}`);
    }
    compatibilityReleases.push(v);
  }
  return { release, compatibilityReleases };
}

/** Reads and parses `codex-release.json`. */
export function readCodexRelease(file = CODEX_RELEASE_FILE): CodexReleaseSource {
  return parseCodexRelease(readFileSync(file, 'utf8'), file);
}

/** The pinned release (`codex-release.json` → `release`). */
export function pinnedRelease(): string {
  return readCodexRelease().release;
}

/** Every release the contract tests run against: the pinned one first, then the compatibility releases. */
export function testedReleases(): string[] {
  const { release, compatibilityReleases } = readCodexRelease();
  return [release, ...compatibilityReleases];
}
