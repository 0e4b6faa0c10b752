/**
 * The streams a command reads and writes, injectable for tests.
 * @module
 */
import { readFileSync } from 'node:fs';

/** Where a command reads its input and writes its output. */
export interface CommandIO {
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The process's own streams. */
export const processIO = (): CommandIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

/** The version of this package, from its package.json. */
export function cliVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
    return pkg.version;
  }
  throw new Error('@cask/cli: package.json has no version');
}
