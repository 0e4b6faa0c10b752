#!/usr/bin/env node
/**
 * The `cask` command: `cask validate <transcript.jsonl> [--experimental]`
 * and `cask demo [...]`.
 * @module
 */
import { readFileSync } from 'node:fs';

const USAGE = `usage: cask <command> [options]

commands:
  validate <transcript.jsonl> [--experimental]
      Check every message of a JSONL wire transcript ({"dir":"c2s"|"s2c","msg":...}
      per line) against the Codex app-server schema. Exit 0 when all are valid,
      1 when any is not, 2 on usage errors.
  demo [--help]
      Run one offline turn against the real codex app-server (see \`cask demo --help\`).
  schema diff <old> <new> [--codex <version|path>] [--json] [--fail-on breaking|any|none]
      Compare two app-server schemas: what changed, per direction, and what it breaks
      (see \`cask schema diff --help\`).
`;

/** Runs `cask validate`; returns the exit code. */
export async function runValidate(argv: string[]): Promise<number> {
  let file: string | undefined;
  let experimental = false;
  for (const a of argv) {
    if (a === '--experimental') experimental = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      process.stderr.write(`cask validate: unknown option ${JSON.stringify(a)}\n\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      process.stderr.write(
        `cask validate: expected one transcript file, got another: ${JSON.stringify(a)}\n\n${USAGE}`,
      );
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`cask validate: missing <transcript.jsonl>\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`cask validate: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const { validateTranscript, formatReport } = await import('./validate.js');
  const report = validateTranscript(text, { experimental });
  process.stdout.write(`${formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return runValidate(rest);
    case 'demo': {
      const { runDemo } = (await import('./demo.js')) as { runDemo(argv: string[]): Promise<number> };
      return runDemo(rest);
    }
    case 'schema': {
      const { runSchema } = await import('./schema-diff/command.js');
      return runSchema(rest);
    }
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(
        `${command === undefined ? 'cask: missing command' : `cask: unknown command ${JSON.stringify(command)}`}\n\n${USAGE}`,
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cask: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
