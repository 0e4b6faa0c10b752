#!/usr/bin/env node
/**
 * The `cask` command. Each sub-command parses its own arguments with
 * `node:util` `parseArgs` and answers `--help`; `cask --version` prints the
 * package version.
 * @module
 */
import { parseArgs } from 'node:util';
import { cliVersion, processIO, type CommandIO } from './io.js';

/** A sub-command: a one-line summary for `cask --help` and its entry point. */
interface Command {
  usage: string;
  summary: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    usage: 'validate [options] <transcript.jsonl | ->',
    summary: 'check a recorded JSONL wire transcript against the schema',
    run: async (argv, io) => (await import('./validate-command.js')).runValidate(argv, io),
  },
  schema: {
    usage: 'schema diff <old> <new> [--codex <version|path>] [--json] [--fail-on breaking|any|none]',
    summary: 'compare two app-server schemas: what changed, per direction, and what it breaks',
    run: async (argv, io) => (await import('./schema-diff/command.js')).runSchema(argv, io),
  },
  'fake-server': {
    usage: 'fake-server --script <file.json> | --replay <transcript.jsonl> [--match method|keys] [--experimental]',
    summary: 'serve a scripted fake app-server on stdin/stdout (needs the optional @cask/testing)',
    run: async (argv, io) => (await import('./fake-server-command.js')).runFakeServer(argv, io),
  },
};

const usage = () => `usage: cask <command> [options]
       cask --version | --help

commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}

Run \`cask <command> --help\` for a command's options.
`;

async function main(argv: string[], io: CommandIO): Promise<number> {
  const first = argv[0];
  const command = first !== undefined && Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command) return command.run(argv.slice(1), io);
  let values: { version?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { version: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    io.stderr.write(`cask: ${err instanceof Error ? err.message : String(err)}\n\n${usage()}`);
    return 2;
  }
  if (values.version) {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  if (values.help || positionals[0] === 'help') {
    const topic = positionals[0] === 'help' ? positionals[1] : undefined;
    const sub = topic !== undefined && Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
    if (sub) return sub.run(['--help'], io);
    io.stdout.write(usage());
    return 0;
  }
  io.stderr.write(
    `${first === undefined ? 'cask: missing command' : `cask: unknown command ${JSON.stringify(first)}`}\n\n${usage()}`,
  );
  return 2;
}

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cask: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
