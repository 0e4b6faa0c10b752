#!/usr/bin/env node
/**
 * Command line: `node dist/cli.js generate [dir]` writes the schema,
 * `node dist/cli.js check [dir]` exits 1 when the committed schema has drifted.
 * @module
 */
import { parseArgs } from 'node:util';
import { checkSchema } from './drift.js';
import { writeSchema } from './generate.js';
import { defaultSchemaDir } from './paths.js';

const USAGE = `usage: cask-codegen <generate|check> [schema-dir]

  generate   write the JSON Schema generated from @cask/protocol under schema-dir (default: schema/)
  check      exit 1, listing every drifted file, when schema-dir is not what the generator produces
  -h, --help show this help`;

async function main(argv: string[]): Promise<number> {
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    positionals = parsed.positionals;
    if (positionals.length > 2) throw new TypeError(`unexpected argument ${JSON.stringify(positionals[2])}`);
  } catch (err) {
    console.error(`cask-codegen: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const [command, dirArg] = positionals;
  const dir = dirArg ?? defaultSchemaDir();
  if (command === 'generate') {
    const files = await writeSchema(dir);
    console.log(`wrote ${files.length} files under ${dir}`);
    return 0;
  }
  if (command === 'check') {
    const report = await checkSchema(dir);
    if (report.ok) {
      console.log(`schema at ${dir} is up to date`);
      return 0;
    }
    console.error(report.message);
    return 1;
  }
  console.error(command === undefined ? USAGE : `unknown command \`${command}\`\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
