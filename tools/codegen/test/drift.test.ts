import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchema, compareTrees, defaultSchemaDir, readSchemaDir, writeSchema } from '../src/index.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const schemaDir = defaultSchemaDir();
let fresh: string;

beforeAll(async () => {
  fresh = await mkdtemp(path.join(tmpdir(), 'cask-codegen-drift-'));
  await writeSchema(fresh);
}, 120_000);

afterAll(async () => {
  if (fresh) await rm(fresh, { recursive: true, force: true });
});

describe('drift check', () => {
  it('the committed schema/ equals a fresh regeneration', async () => {
    const report = compareTrees(await readSchemaDir(fresh), await readSchemaDir(schemaDir));
    // The message names every differing, missing and extra file with its first differing pointer.
    expect(report.message).toBe('');
    expect(report.ok).toBe(true);
  });

  it('reports a tampered file with its first differing JSON pointer, and missing and extra files', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'cask-codegen-tamper-'));
    try {
      await cp(fresh, copy, { recursive: true });
      const target = path.join(copy, 'json', 'v2', 'TurnInterruptParams.json');
      const doc = JSON.parse(await readFile(target, 'utf8')) as { required: string[] };
      doc.required = [...doc.required, 'tampered'];
      await writeFile(target, `${JSON.stringify(doc, null, 2)}\n`);
      await rm(path.join(copy, 'json-experimental', 'RequestId.json'));
      await writeFile(path.join(copy, 'json', 'Stray.json'), '{}\n');

      const report = await checkSchema(copy);
      expect(report.ok).toBe(false);
      const pointer = `/required/${doc.required.length - 1}`;
      expect(report.entries).toEqual([
        { file: 'json-experimental/RequestId.json', kind: 'missing' },
        { file: 'json/Stray.json', kind: 'extra' },
        { file: 'json/v2/TurnInterruptParams.json', kind: 'changed', pointer },
      ]);
      expect(report.message).toContain(`json/v2/TurnInterruptParams.json  first difference at ${pointer}`);
      expect(report.message).toContain('missing  json-experimental/RequestId.json');
      expect(report.message).toContain('extra    json/Stray.json');

      // The CLI (`pnpm --filter @cask/codegen check`) prints the same message and exits 1.
      const cli = path.join(here, '..', 'dist', 'cli.js');
      const failure = await run(process.execPath, [cli, 'check', copy]).then(
        () => undefined,
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(report.message);
      const ok = await run(process.execPath, [cli, 'check', fresh]);
      expect(ok.stdout).toContain('up to date');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
