#!/usr/bin/env node
/**
 * Command line: `node dist/cli.js generate [dir]` writes the schema,
 * `node dist/cli.js check [dir]` exits 1 when the committed schema has drifted.
 * @module
 */
import { checkSchema } from './drift.js';
import { writeSchema } from './generate.js';
import { defaultSchemaDir } from './paths.js';

const USAGE = 'usage: cask-codegen <generate|check> [schema-dir]';

async function main(argv: string[]): Promise<number> {
  const [command, dirArg] = argv;
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
