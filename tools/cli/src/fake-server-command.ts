/**
 * `cask fake-server`: runs the scripted fake app-server of `@cask/testing` on
 * stdin/stdout. `@cask/testing` is an optional peer dependency, imported only
 * when this command runs, so `cask validate` and `cask schema` never load it.
 * @module
 */
import type { CommandIO } from './io.js';

/** The package that implements the command. */
export const TESTING_PACKAGE = '@cask/testing';

/** What `cask fake-server` needs from `@cask/testing/cli`. */
export interface FakeServerCli {
  runFakeServerCli(argv: string[]): Promise<number>;
}

const HELP = `usage: cask fake-server --script <file.json> [--experimental]
       cask fake-server --replay <transcript.jsonl> [--match method|keys] [--experimental]

Runs the scriptable fake codex app-server of ${TESTING_PACKAGE} (the same process as its
\`cask-fake-server\` command) on stdin/stdout. Needs ${TESTING_PACKAGE} installed next to @cask/cli.
`;

const missing = (detail: string) =>
  `cask fake-server: ${TESTING_PACKAGE} is not installed; it is an optional peer dependency of @cask/cli.\n` +
  `Install it next to @cask/cli (for example \`npm install --save-dev ${TESTING_PACKAGE}\`) and run the command again.\n` +
  `(${detail})\n`;

/** True when `err` is Node's "cannot find package" error for `packageName` itself (not for one of its imports). */
export function isMissingPackage(err: unknown, packageName: string): err is Error {
  return (
    err instanceof Error &&
    'code' in err &&
    err.code === 'ERR_MODULE_NOT_FOUND' &&
    err.message.includes(`Cannot find package '${packageName}'`)
  );
}

/**
 * Runs `cask fake-server` with `argv` (the arguments after `fake-server`). `load` imports the command line of
 * `@cask/testing`; tests replace it. Resolves with the exit code: that of `runFakeServerCli`, or 1 when
 * `@cask/testing` is missing.
 */
export async function runFakeServer(
  argv: string[],
  io: CommandIO,
  load: () => Promise<FakeServerCli> = () => import('@cask/testing/cli'),
  packageName: string = TESTING_PACKAGE,
): Promise<number> {
  let cli: FakeServerCli;
  try {
    cli = await load();
  } catch (err) {
    if (!isMissingPackage(err, packageName)) throw err;
    if (argv.includes('--help') || argv.includes('-h')) io.stdout.write(HELP);
    io.stderr.write(missing(err.message.split('\n')[0] ?? err.message));
    return 1;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${HELP}\nIts options, from the \`cask-fake-server\` command of ${TESTING_PACKAGE}:\n\n`);
  }
  return cli.runFakeServerCli(argv);
}
