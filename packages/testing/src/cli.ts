/**
 * The `cask-fake-server` command line (also what `cask fake-server` runs): the
 * scripted fake app-server as a stdio process.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScript } from './check.js';
import { FakeScriptError } from './errors.js';
import { serveStdio } from './stdio.js';

const USAGE = `Usage: cask-fake-server --script <file.json> [--experimental]
       cask-fake-server --replay <transcript.jsonl> [--match method|keys] [--experimental]

A scriptable fake codex app-server speaking JSONL on stdin/stdout.
  --script <file>     a JSON script (type FakeScript of @cask/testing)
  --replay <file>     a transcript recorded from the real server ({"dir","msg"} per line)
  --match <how>       replay: how closely client messages must match (default keys)
  --experimental      validate against the experimental schema bundle
  -h, --help          show this help
  -v, --version       print the version

On end of input it prints every failure (invalid messages, unmet expectations)
to stderr and exits with 1 if there was any, else 0.`;

/**
 * Runs the command line with `argv` (without the node and script paths).
 * Resolves with 2 for usage errors and bad scripts, 0 for `--help`/`--version`;
 * while serving, the process exits by itself when the client goes away.
 */
export async function runFakeServerCli(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        script: { type: 'string' },
        replay: { type: 'string' },
        match: { type: 'string' },
        experimental: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`cask-fake-server: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(
      `${typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown'}\n`,
    );
    return 0;
  }
  if ((values.script === undefined) === (values.replay === undefined)) {
    process.stderr.write(`cask-fake-server: give exactly one of --script or --replay\n${USAGE}\n`);
    return 2;
  }
  if (values.match !== undefined && values.match !== 'method' && values.match !== 'keys') {
    process.stderr.write(`cask-fake-server: --match must be "method" or "keys" (got "${values.match}")\n`);
    return 2;
  }
  const experimental = values.experimental ?? false;
  try {
    if (values.script !== undefined) {
      const file = values.script;
      let script: unknown;
      try {
        script = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new FakeScriptError(file, `cannot read the script: ${e instanceof Error ? e.message : String(e)}`);
      }
      checkScript(script);
      await serveStdio({ script: experimental ? { ...script, experimental } : script });
    } else if (values.replay !== undefined) {
      const transcript = readFileSync(values.replay, 'utf8');
      await serveStdio({ transcript, replay: { experimental, ...(values.match ? { match: values.match } : {}) } });
    }
    return 0;
  } catch (e) {
    process.stderr.write(`cask-fake-server: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
