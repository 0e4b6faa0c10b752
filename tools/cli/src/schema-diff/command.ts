/**
 * `cask schema diff <old> <new>`: argument parsing (`node:util` parseArgs), input resolution (folders, bundle files,
 * `--codex <version|path>`), output (text or `--json`) and the `--fail-on` exit code.
 * @module
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSchema, resolveCodex, type GeneratedSchema } from './codex.js';
import { diffSchemas } from './diff.js';
import { loadSchema, resultHints, SchemaInputError, type LoadedSchema } from './load.js';
import { renderText } from './render.js';
import type { SchemaDiffReport } from './types.js';

/** Usage text of `cask schema diff`. */
export const SCHEMA_DIFF_USAGE = `usage: cask schema diff <old> <new> [options]

Compares two Codex app-server JSON schemas and says what changed, per direction,
and what each change breaks. <old> and <new> are each a schema folder (upstream's
generate-json-schema output or ours) or a bundle file; either may instead be
given as --codex <version|path>: that release's own schema, generated into a
temporary folder. Sides are taken in command-line order.

options:
  --codex <version|path>   upstream's schema from a codex binary (a path), or
                           from @openai/codex@<version> (installed with npm into
                           $CASK_CODEX_CACHE or <tmp>/cask-codex when not already
                           installed here). May be given twice.
  --experimental           generate --codex schemas with --experimental
  --json                   print the report as JSON (shape: SchemaDiffReport)
  --fail-on <level>        exit 1 when there is a change of that level:
                           breaking | any | none (default: none)
  --descriptions           list every description-only change
  -h, --help               show this help

exit codes: 0 no change at the --fail-on level, 1 there is one, 2 bad usage or input.
`;

/** Levels of `--fail-on`. */
export type FailOn = 'breaking' | 'any' | 'none';

/** Exit code for a report under a `--fail-on` level. */
export function exitCodeFor(report: SchemaDiffReport, failOn: FailOn): number {
  switch (failOn) {
    case 'breaking':
      return report.summary.breaking > 0 ? 1 : 0;
    case 'any':
      return report.summary.changes > 0 ? 1 : 0;
    case 'none':
      return 0;
  }
}

/** Where the command writes (the process's streams by default; tests pass their own). Any `{ write }` will do. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** Result links from the kit's own schema (`@cask/schema`), used for requests upstream's bundle leaves unlinked. */
export function kitResultHints(): Map<string, string> {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@cask/schema/package.json'));
    return resultHints(loadSchema(path.join(dir, 'json-experimental'), '@cask/schema'));
  } catch {
    return new Map();
  }
}

type Side = { kind: 'path'; value: string } | { kind: 'codex'; value: string };

/**
 * Runs `cask schema <sub-command> ...`; returns the exit code.
 *
 * @param argv - arguments after `schema`
 */
export function runSchema(argv: string[], io: CommandIo = processIo): number {
  const [sub, ...rest] = argv;
  if (sub === 'diff') return runSchemaDiff(rest, io);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(SCHEMA_DIFF_USAGE);
    return 0;
  }
  if (sub === undefined) {
    io.stderr.write(`cask schema: missing sub-command (diff)\n\n${SCHEMA_DIFF_USAGE}`);
    return 2;
  }
  io.stderr.write(`cask schema: unknown sub-command ${JSON.stringify(sub)}\n\n${SCHEMA_DIFF_USAGE}`);
  return 2;
}

/** Runs `cask schema diff ...`; returns the exit code. */
export function runSchemaDiff(argv: string[], io: CommandIo = processIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      strict: true,
      options: {
        codex: { type: 'string', multiple: true },
        experimental: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'none' },
        descriptions: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`cask schema diff: ${err instanceof Error ? err.message : String(err)}\n\n${SCHEMA_DIFF_USAGE}`);
    return 2;
  }
  const { values, tokens } = parsed;
  if (values.help) {
    io.stdout.write(SCHEMA_DIFF_USAGE);
    return 0;
  }
  const failOn = values['fail-on'];
  if (failOn !== 'breaking' && failOn !== 'any' && failOn !== 'none') {
    io.stderr.write(`cask schema diff: --fail-on must be breaking, any or none (got ${JSON.stringify(failOn)})\n`);
    return 2;
  }
  const sides: Side[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') sides.push({ kind: 'path', value: t.value });
    else if (t.kind === 'option' && t.name === 'codex') sides.push({ kind: 'codex', value: t.value });
  }
  const [oldSide, newSide] = sides;
  if (oldSide === undefined || newSide === undefined || sides.length > 2) {
    io.stderr.write(
      `cask schema diff: expected two schemas (old and new), got ${sides.length}\n\n${SCHEMA_DIFF_USAGE}`,
    );
    return 2;
  }
  const generated: GeneratedSchema[] = [];
  try {
    const load = (side: Side): LoadedSchema => {
      if (side.kind === 'path') return loadSchema(side.value, side.value);
      const codex = resolveCodex(side.value, (line) => {
        io.stderr.write(`${line}\n`);
      });
      const out = generateSchema(codex, values.experimental);
      generated.push(out);
      return loadSchema(out.dir, `codex ${out.version}${values.experimental ? ' (experimental)' : ''}`);
    };
    const oldSchema = load(oldSide);
    const newSchema = load(newSide);
    const report = diffSchemas(oldSchema, newSchema, { resultHints: kitResultHints() });
    io.stdout.write(
      values.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : renderText(report, { descriptions: values.descriptions ? 'list' : 'inline' }),
    );
    return exitCodeFor(report, failOn);
  } catch (err) {
    if (err instanceof SchemaInputError) {
      io.stderr.write(`cask schema diff: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    for (const g of generated) g.dispose();
  }
}
