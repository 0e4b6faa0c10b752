/**
 * `cask validate [options] <transcript.jsonl | ->`: argument handling and
 * output of the transcript check (the checking itself is ./validate.ts).
 * @module
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CommandIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, formatReport, validateTranscriptStream, type TranscriptReport } from './validate.js';

/** Failures listed by default; all are counted. */
export const DEFAULT_MAX_FAILURES = 1000;

/** Help text of `cask validate`. */
export const VALIDATE_USAGE = `usage: cask validate [options] <transcript.jsonl | ->

Checks every message of a JSONL wire transcript (one {"dir":"c2s"|"s2c","msg":...}
per line) against the Codex app-server schema. \`-\` reads the transcript from
stdin. The file is read as a stream: memory stays bounded whatever its size.

options:
  --experimental          use the experimental schema bundle
  --json                  print the report as one JSON object instead of text
  --allow-empty           exit 0 for an empty transcript (default: exit 1)
  --max-failures <n>      failures listed in the report (default ${DEFAULT_MAX_FAILURES}; all are counted)
  --max-line-bytes <n>    longest line read, in bytes (default ${DEFAULT_MAX_LINE_BYTES}); longer ones fail
  -h, --help              show this help

exit status: 0 all messages valid; 1 a failure, or an empty transcript
(unless --allow-empty); 2 usage error or unreadable input.
`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new TypeError(`${name} must be a whole number >= 0, got ${JSON.stringify(value)}`);
  return n;
}

/** The JSON report of `cask validate --json`. */
export interface ValidateJsonReport extends TranscriptReport {
  /** The file checked, `-` for stdin. */
  input: string;
  /** Whether the experimental bundle was used. */
  experimental: boolean;
}

/**
 * Runs `cask validate` with the arguments after `validate`.
 * @returns the exit code (see {@link VALIDATE_USAGE}).
 */
export async function runValidate(argv: string[], io: CommandIO): Promise<number> {
  let input: string;
  let values: {
    experimental?: boolean;
    json?: boolean;
    'allow-empty'?: boolean;
    'max-failures'?: string;
    'max-line-bytes'?: string;
    help?: boolean;
  };
  let maxFailures: number;
  let maxLineBytes: number;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        experimental: { type: 'boolean' },
        json: { type: 'boolean' },
        'allow-empty': { type: 'boolean' },
        'max-failures': { type: 'string' },
        'max-line-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    values = parsed.values;
    if (values.help) {
      io.stdout.write(VALIDATE_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) {
      throw new TypeError(
        parsed.positionals.length === 0
          ? 'missing <transcript.jsonl> (use - for stdin)'
          : `expected one transcript, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}`,
      );
    }
    input = parsed.positionals[0] ?? '-';
    maxFailures = positiveInt('--max-failures', values['max-failures'], DEFAULT_MAX_FAILURES);
    maxLineBytes = positiveInt('--max-line-bytes', values['max-line-bytes'], DEFAULT_MAX_LINE_BYTES);
    if (maxLineBytes === 0) throw new TypeError('--max-line-bytes must be at least 1');
  } catch (err) {
    io.stderr.write(`cask validate: ${err instanceof Error ? err.message : String(err)}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  const experimental = values.experimental ?? false;
  let report: TranscriptReport;
  try {
    const source = input === '-' ? io.stdin : createReadStream(input);
    report = await validateTranscriptStream(source, { experimental, maxFailures, maxLineBytes });
  } catch (err) {
    io.stderr.write(
      `cask validate: cannot read ${input === '-' ? 'stdin' : input}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 2;
  }
  if (values.json) {
    const json: ValidateJsonReport = { input, experimental, ...report };
    io.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    io.stdout.write(`${formatReport(report)}\n`);
  }
  if (report.empty) {
    if (!values.json) {
      io.stderr.write(
        `cask validate: ${input === '-' ? 'stdin' : input} is empty: no message to check${values['allow-empty'] ? '' : ' (exit 1; pass --allow-empty to accept)'}\n`,
      );
    }
    return values['allow-empty'] ? 0 : 1;
  }
  return report.ok ? 0 : 1;
}
