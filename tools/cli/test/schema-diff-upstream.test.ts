/**
 * The real pair: upstream's own experimental schemas of codex 0.169.0 and 0.171.0, generated at test time by the two
 * released binaries (installed from the npm registry into the install cache when not installed here). The expected
 * facts below were read from the two generated bundles by hand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitResultHints, runSchemaDiff } from '../src/schema-diff/command.js';
import { parseJson } from '../src/schema-diff/json.js';
import { codexForVersion, generateSchema, type GeneratedSchema } from '../src/schema-diff/codex.js';
import { diffSchemas } from '../src/schema-diff/diff.js';
import { loadSchema } from '../src/schema-diff/load.js';
import { renderText } from '../src/schema-diff/render.js';
import type { SchemaChange, SchemaDiffReport } from '../src/schema-diff/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let before: GeneratedSchema;
let after: GeneratedSchema;
let report: SchemaDiffReport;
/** Tests that run codex themselves (schema generation spawns the binary): generous on a loaded machine. */
const SPAWNS = 120_000;

beforeAll(() => {
  before = generateSchema(codexForVersion('0.169.0'), true);
  after = generateSchema(codexForVersion('0.171.0'), true);
  report = diffSchemas(loadSchema(before.dir, 'codex 0.169.0'), loadSchema(after.dir, 'codex 0.171.0'), {
    resultHints: kitResultHints(),
  });
}, 600_000);

afterAll(() => {
  before.dispose();
  after.dispose();
});

const at = (location: string): SchemaChange[] => report.changes.filter((c) => c.location === location);

describe('cask schema diff on codex 0.169.0 → 0.171.0 (experimental)', () => {
  it('generated the two releases', () => {
    expect(before.version).toBe('0.169.0');
    expect(after.version).toBe('0.171.0');
    expect(report.old.methods).toEqual({
      clientRequest: 184,
      clientNotification: 1,
      serverRequest: 11,
      serverNotification: 86,
    });
    expect(report.new.methods).toEqual({
      clientRequest: 189,
      clientNotification: 1,
      serverRequest: 10,
      serverNotification: 87,
    });
  });

  it('finds the added methods and the removed server request', () => {
    const methods = report.changes
      .filter((c) => c.method)
      .map((c) => `${c.kind} ${c.method?.kind ?? ''} ${c.location}`)
      .sort();
    expect(methods).toEqual([
      'method-added clientRequest modelProvider/default/set',
      'method-added clientRequest thread/realtime/list',
      'method-added clientRequest thread/search/cancel',
      'method-added clientRequest thread/search/stream',
      'method-added clientRequest thread/search/stream/cancel',
      'method-added serverNotification thread/search/partial',
      'method-removed serverRequest currentTime/read',
    ]);
    const removed = at('currentTime/read')[0];
    expect(removed?.breaking).toBe(false);
    expect(removed?.impact.newClientOldServer?.breaking).toBe(true);
    expect(report.definitions.removed).toEqual(['CurrentTimeReadParams', 'CurrentTimeReadResponse']);
    expect(report.definitions.added).toHaveLength(19);
    expect(report.definitions.added).toEqual(expect.arrayContaining(['TrustedContacts', 'ThreadSearchCancelParams']));
  });

  it('AgentMessageDisplay is wider: one object became three variants told apart by `mode`', () => {
    const display = at('AgentMessageDisplay');
    expect(
      display
        .filter((c) => c.kind === 'variant-added')
        .map((c) => c.detail)
        .sort(),
    ).toEqual([
      'variant [{mode,reason,version}] added',
      'variant [{mode,replacement,version}] added',
      'variant [{mode,trustedContacts,version}] added',
    ]);
    expect(display.filter((c) => c.kind === 'variant-removed').map((c) => c.detail)).toEqual([
      'variant [{action}] removed',
    ]);
    for (const c of display) {
      expect(c.area).toBe('shared');
      expect(c.directions).toEqual(['serverToClient']);
      expect(c.reachedBy.map((r) => r.method)).toEqual(expect.arrayContaining(['item/completed', 'thread/read']));
    }
    expect(display.filter((c) => c.kind === 'variant-added').every((c) => c.breaking)).toBe(true);
    expect(report.descriptions.map((d) => d.location)).toContain('AgentMessageDisplay');
  });

  it('a required field is gone, variants and optional fields are new', () => {
    const position = at('Project.position');
    expect(position.map((c) => [c.kind, c.breaking])).toEqual([['field-removed', true]]);
    expect(position[0]?.impact.oldClientNewServer?.text).toContain('an old client requires field "position"');
    expect(
      at('ThreadRealtimeItem')
        .map((c) => c.detail)
        .sort(),
    ).toEqual([
      'variant [type=frame] added',
      'variant [type=sessionEndInputSaved] added',
      'variant [type=turnInputAccepted] added',
    ]);
    const filter = at('ThreadListParams.includedThreadIds');
    expect(filter.map((c) => [c.kind, c.directions, c.breaking])).toEqual([['field-added', ['clientToServer'], false]]);
    expect(at('ThreadItem[type=mcpToolCall].environmentId').map((c) => c.kind)).toEqual(['field-added']);
    const bio = at('CodexErrorInfo').find((c) => c.detail.startsWith('enum member "bioPolicy" added'));
    expect(bio?.breaking).toBe(false);
  });

  it(
    'the command takes both sides from --codex, in command-line order',
    () => {
      let stdout = '';
      const code = runSchemaDiff(
        ['--codex', '0.169.0', '--experimental', '--codex', '0.171.0', '--json', '--fail-on', 'breaking'],
        {
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: () => true },
        },
      );
      expect(code).toBe(1);
      expect(parseJson(stdout)).toMatchObject({
        old: { label: 'codex 0.169.0 (experimental)' },
        new: { label: 'codex 0.171.0 (experimental)' },
        summary: { changes: report.summary.changes, breaking: report.summary.breaking },
      });
    },
    SPAWNS,
  );

  it(
    '--codex also takes a path to a codex launcher or binary, and mixes with a folder',
    () => {
      const launcher = codexForVersion('0.169.0').args[0] ?? '';
      let stdout = '';
      const code = runSchemaDiff(['--codex', launcher, '--experimental', after.dir, '--json'], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      expect(parseJson(stdout)).toMatchObject({
        old: { label: 'codex 0.169.0 (experimental)' },
        new: { label: after.dir },
        summary: { changes: report.summary.changes, breaking: report.summary.breaking },
      });
    },
    SPAWNS,
  );

  it(
    "our committed schema against the pinned codex's own: no method differs and nothing breaks either way",
    () => {
      const pinned = createRequire(path.join(here, '../../../test-support/testkit/package.json')).resolve(
        '@openai/codex/package.json',
      );
      const launcher = path.join(path.dirname(pinned), 'bin/codex.js');
      // The testkit's own @openai/codex is the pin: a wrong path would silently resolve some other install.
      const release = (
        JSON.parse(readFileSync(path.join(here, '../../../codex-release.json'), 'utf8')) as { release: string }
      ).release;
      expect((JSON.parse(readFileSync(pinned, 'utf8')) as { version: string }).version).toBe(release);
      let stdout = '';
      const code = runSchemaDiff(
        [
          path.join(here, '../../../schema/json-experimental'),
          '--codex',
          launcher,
          '--experimental',
          '--json',
          '--fail-on',
          'breaking',
        ],
        { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } },
      );
      const ours = parseJson(stdout);
      expect(ours).toMatchObject({ summary: { breaking: 0, breakingForNewClients: 0 } });
      expect(code).toBe(0);
      expect(JSON.stringify(ours)).not.toContain('"method-added"');
      expect(JSON.stringify(ours)).not.toContain('"method-removed"');
    },
    SPAWNS,
  );

  it('counts, and a readable report', () => {
    expect(report.summary.changes).toBe(report.changes.length);
    expect(report.summary.breaking).toBe(report.changes.filter((c) => c.breaking).length);
    // Breaking for an old client on a new server: the three new AgentMessageDisplay shapes, the three new
    // ThreadRealtimeItem variants, and Project.position, which a 0.171 server no longer sends.
    expect(
      report.changes
        .filter((c) => c.breaking)
        .map((c) => c.location)
        .sort(),
    ).toEqual([
      'AgentMessageDisplay',
      'AgentMessageDisplay',
      'AgentMessageDisplay',
      'Project.position',
      'ThreadRealtimeItem',
      'ThreadRealtimeItem',
      'ThreadRealtimeItem',
    ]);
    const text = renderText(report);
    expect(text).toContain('schema diff: codex 0.169.0 → codex 0.171.0');
    expect(text).toContain('## thread:');
    expect(text).toContain('- server request currentTime/read');
  });
});

describe('pnpm upstream:bump (scripts/upstream-bump.mjs)', () => {
  const script = path.join(here, '../../../scripts/upstream-bump.mjs');
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: SPAWNS });

  it('usage errors exit 2 and name the problem', () => {
    expect(run(['--help']).status).toBe(0);
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('expected one <version>');
    const same = run(['0.171.0', '--from', '0.171.0']);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('already 0.171.0');
  });

  it(
    'writes the report a developer works from, with the generated-file header',
    () => {
      const result = run(['0.171.0', '--from', '0.169.0', '--stdout']);
      expect(result.status, result.stderr).toBe(0);
      const md = result.stdout;
      expect(md.split('\n')[0]).toMatch(/^<!-- Generated by scripts\/upstream-bump\.mjs .* do not edit by hand\.$/);
      expect(md).toContain('Regenerate with: pnpm upstream:bump 0.171.0 --from 0.169.0');
      expect(md).toContain('- [ ] remove server request `currentTime/read` (experimental)');
      expect(md).toContain('- [ ] add client request `modelProvider/default/set`\n');
      expect(md).toContain(
        '- [ ] `Project.position`: field "position" removed (was required) (breaking; serverToClient)',
      );
      expect(md).toContain('| breaking for old clients | 6 | 7 |');
      expect(md).toContain('## Our committed schema against 0.171.0');
    },
    SPAWNS,
  );
});
