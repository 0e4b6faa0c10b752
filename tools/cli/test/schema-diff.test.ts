import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, runSchemaDiff } from '../src/schema-diff/command.js';
import { diffSchemas } from '../src/schema-diff/diff.js';
import { isObject, parseJson, type Json, type JsonObject } from '../src/schema-diff/json.js';
import { loadSchema, schemaFromDocument } from '../src/schema-diff/load.js';
import type { ChangeKind, SchemaChange, SchemaDiffReport } from '../src/schema-diff/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundleFile = path.join(here, '../../../schema/json-experimental/codex_app_server_protocol.schemas.json');
const ours: Json = parseJson(readFileSync(bundleFile, 'utf8'));

function obj(v: Json | undefined): JsonObject {
  if (!isObject(v)) throw new Error(`expected an object, got ${JSON.stringify(v).slice(0, 80)}`);
  return v;
}
function arr(v: Json | undefined): Json[] {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v).slice(0, 80)}`);
  return v;
}
const defs = (doc: Json) => obj(obj(doc)['definitions']);
const v2 = (doc: Json, name: string) => obj(obj(defs(doc)['v2'])[name]);
const props = (node: JsonObject) => obj(node['properties']);
const variantsOf = (doc: Json, union: string) => arr(obj(defs(doc)[union])['oneOf']);
const methodOf = (variant: Json) => arr(obj(props(obj(variant))['method'])['enum'])[0];

/** Diffs our committed schema against a copy changed by `edit`. */
function diffAfter(edit: (doc: Json) => void): SchemaDiffReport {
  const copy = structuredClone(ours);
  edit(copy);
  return diffSchemas(schemaFromDocument(ours, 'ours'), schemaFromDocument(copy, 'edited'));
}

function only(report: SchemaDiffReport, kind: ChangeKind): SchemaChange {
  const found = report.changes.filter((c) => c.kind === kind);
  expect(
    found.map((c) => `${c.kind} ${c.location}`),
    JSON.stringify(report.changes.map((c) => `${c.kind} ${c.location}`)),
  ).toHaveLength(1);
  expect(report.changes).toHaveLength(1);
  const [change] = found;
  if (!change) throw new Error('unreachable');
  return change;
}

describe('cask schema diff: hand-made changes of our own schema, one per class', () => {
  it('an unchanged schema has no change at all', () => {
    const report = diffAfter(() => undefined);
    expect(report.changes).toEqual([]);
    expect(report.descriptions).toEqual([]);
    expect(exitCodeFor(report, 'any')).toBe(0);
  });

  it('client request added: breaks only new clients on old servers', () => {
    const report = diffAfter((doc) => {
      const start = variantsOf(doc, 'ClientRequest').find((v) => methodOf(v) === 'turn/start');
      const copy = obj(structuredClone(start ?? null));
      props(copy)['method'] = { enum: ['turn/rewind'], type: 'string' };
      variantsOf(doc, 'ClientRequest').push(copy);
    });
    const c = only(report, 'method-added');
    expect(c.method).toEqual({ name: 'turn/rewind', kind: 'clientRequest' });
    expect(c.area).toBe('turn');
    expect(c.breaking).toBe(false);
    expect(c.impact.newClientOldServer?.breaking).toBe(true);
    expect(c.impact.newClientOldServer?.text).toContain('method-not-found');
  });

  it('client request removed: a new server rejects what an old client sends', () => {
    const report = diffAfter((doc) => {
      const list = variantsOf(doc, 'ClientRequest');
      list.splice(
        list.findIndex((v) => methodOf(v) === 'turn/interrupt'),
        1,
      );
    });
    const c = only(report, 'method-removed');
    expect(c.location).toBe('turn/interrupt');
    expect(c.breaking).toBe(true);
    expect(c.impact.oldClientNewServer?.text).toMatch(/server of the new protocol answers request "turn\/interrupt"/);
  });

  it('server request added is breaking (an old client cannot answer it); server notification added is not', () => {
    const req = diffAfter((doc) => {
      const copy = obj(structuredClone(variantsOf(doc, 'ServerRequest')[0] ?? null));
      props(copy)['method'] = { enum: ['item/newThing/requestApproval'], type: 'string' };
      variantsOf(doc, 'ServerRequest').push(copy);
    });
    const r = only(req, 'method-added');
    expect(r.method?.kind).toBe('serverRequest');
    expect(r.breaking).toBe(true);
    expect(r.impact.oldClientNewServer?.text).toContain('cannot answer');
    const note = diffAfter((doc) => {
      const copy = obj(structuredClone(variantsOf(doc, 'ServerNotification')[0] ?? null));
      props(copy)['method'] = { enum: ['thread/newThing'], type: 'string' };
      variantsOf(doc, 'ServerNotification').push(copy);
    });
    const n = only(note, 'method-added');
    expect(n.method?.kind).toBe('serverNotification');
    expect(n.breaking).toBe(false);
    expect(n.impact.oldClientNewServer?.text).toContain('does not know');
  });

  it('optional field added to client→server params: not breaking; an old server ignores it', () => {
    const c = only(
      diffAfter((doc) => {
        props(v2(doc, 'TurnStartParams'))['priority'] = { type: 'integer', format: 'int32' };
      }),
      'field-added',
    );
    expect(c.location).toBe('TurnStartParams.priority');
    expect(c.definition).toBe('TurnStartParams');
    expect(c.directions).toEqual(['clientToServer']);
    expect(c.reachedBy).toEqual([
      { method: 'turn/start', kind: 'clientRequest', role: 'params', direction: 'clientToServer' },
    ]);
    expect(c.breaking).toBe(false);
    expect(c.impact.oldClientNewServer).toBeNull();
    expect(c.impact.newClientOldServer?.breaking).toBe(false);
  });

  it('required field added to client→server params: a new server rejects old clients', () => {
    const c = only(
      diffAfter((doc) => {
        const node = v2(doc, 'TurnStartParams');
        props(node)['priority'] = { type: 'integer' };
        arr(node['required']).push('priority');
      }),
      'field-added',
    );
    expect(c.detail).toContain('(required)');
    expect(c.breaking).toBe(true);
    expect(c.impact.oldClientNewServer?.text).toContain('rejects messages without required field "priority"');
  });

  it('required field removed from a server→client type: old clients miss it', () => {
    const c = only(
      diffAfter((doc) => {
        const node = v2(doc, 'TurnCompletedNotification');
        delete props(node)['threadId'];
        node['required'] = arr(node['required']).filter((r) => r !== 'threadId');
      }),
      'field-removed',
    );
    expect(c.location).toBe('TurnCompletedNotification.threadId');
    expect(c.area).toBe('turn');
    expect(c.directions).toEqual(['serverToClient']);
    expect(c.breaking).toBe(true);
    expect(c.impact.oldClientNewServer?.text).toContain('an old client requires field "threadId"');
  });

  it('field made required (client→server) breaks old clients; made optional (server→client) breaks them too', () => {
    const req = only(
      diffAfter((doc) => {
        const node = v2(doc, 'TurnStartParams');
        const optional = Object.keys(props(node)).find((k) => !arr(node['required']).includes(k));
        if (optional === undefined) throw new Error('TurnStartParams has no optional field');
        arr(node['required']).push(optional);
      }),
      'field-required',
    );
    expect(req.breaking).toBe(true);
    expect(req.impact.newClientOldServer).toBeNull();
    const opt = only(
      diffAfter((doc) => {
        const node = v2(doc, 'TurnCompletedNotification');
        node['required'] = ['threadId'];
      }),
      'field-optional',
    );
    expect(opt.location).toBe('TurnCompletedNotification.turn');
    expect(opt.breaking).toBe(true);
    expect(opt.impact.oldClientNewServer?.text).toContain('which a new server may omit');
  });

  it('made nullable (client→server) breaks only new clients; made non-nullable (server→client) likewise', () => {
    const nullable = only(
      diffAfter((doc) => {
        props(v2(doc, 'TurnStartParams'))['threadId'] = { type: ['string', 'null'] };
      }),
      'nullable',
    );
    expect(nullable.location).toBe('TurnStartParams.threadId');
    expect(nullable.breaking).toBe(false);
    expect(nullable.impact.newClientOldServer?.text).toContain('a server of the old protocol rejects null');
    const nonNull = only(
      diffAfter((doc) => {
        const turn = props(v2(doc, 'Turn'));
        const completedAt = obj(turn['completedAt']);
        completedAt['type'] = 'integer';
      }),
      'non-nullable',
    );
    expect(nonNull.location).toBe('Turn.completedAt');
    expect(nonNull.directions).toContain('serverToClient');
    expect(nonNull.impact.newClientOldServer?.breaking).toBe(true);
  });

  it('enum member added to a server→client enum: old clients may receive a value they do not know', () => {
    const c = only(
      diffAfter((doc) => {
        arr(v2(doc, 'TurnStatus')['enum']).push('paused');
      }),
      'enum-member-added',
    );
    expect(c.location).toBe('TurnStatus');
    expect(c.detail).toBe('enum member "paused" added');
    expect(c.breaking).toBe(true);
    expect(c.impact.oldClientNewServer?.text).toContain('may now receive the value "paused"');
    // TurnStatus is reached from several namespaces: reported once, in `shared`, with every method that reaches it.
    expect(c.area).toBe('shared');
    expect(c.reachedBy.map((r) => r.method)).toEqual(expect.arrayContaining(['turn/completed', 'thread/read']));
  });

  it('enum member removed from a client→server enum: a new server rejects it', () => {
    const c = only(
      diffAfter((doc) => {
        const keys = v2(doc, 'ThreadSortKey');
        keys['enum'] = arr(keys['enum']).filter((v) => v !== 'recency_at');
      }),
      'enum-member-removed',
    );
    expect(c.detail).toBe('enum member "recency_at" removed');
    expect(c.directions).toContain('clientToServer');
    expect(c.breaking).toBe(true);
    expect(c.impact.oldClientNewServer?.text).toContain('a server of the new protocol rejects the value "recency_at"');
  });

  it('union variant added (server→client) and removed (client→server)', () => {
    const added = only(
      diffAfter((doc) => {
        const items = arr(v2(doc, 'ThreadItem')['anyOf']);
        const copy = obj(structuredClone(items[0] ?? null));
        props(copy)['type'] = { enum: ['hologram'], type: 'string' };
        items.push(copy);
      }),
      'variant-added',
    );
    expect(added.location).toBe('ThreadItem');
    expect(added.detail).toBe('variant [type=hologram] added');
    expect(added.breaking).toBe(true);
    const removed = only(
      diffAfter((doc) => {
        const input = arr(v2(doc, 'UserInput')['anyOf']);
        input.splice(
          input.findIndex((v) => JSON.stringify(v).includes('"localImage"')),
          1,
        );
      }),
      'variant-removed',
    );
    expect(removed.detail).toBe('variant [type=localImage] removed');
    expect(removed.breaking).toBe(true);
    expect(removed.impact.oldClientNewServer?.text).toContain('rejects the variant [type=localImage]');
  });

  it('type widened (integer format) and narrowed (string bounds)', () => {
    const widened = only(
      diffAfter((doc) => {
        obj(props(v2(doc, 'TurnStartParams'))['threadId'])['type'] = ['string', 'integer'];
      }),
      'type-widened',
    );
    expect(widened.detail).toBe('now also accepts numbers');
    expect(widened.breaking).toBe(false);
    expect(widened.impact.newClientOldServer?.breaking).toBe(true);
    const formats = only(
      diffAfter((doc) => {
        const total = obj(props(v2(doc, 'TokenUsageBreakdown'))['inputTokens']);
        total['format'] = 'int32';
      }),
      'type-narrowed',
    );
    expect(formats.detail).toBe('integer (int64) → integer (int32)');
    expect(formats.directions).toEqual(['serverToClient']);
    expect(formats.breaking).toBe(false);
    const bounds = only(
      diffAfter((doc) => {
        obj(props(v2(doc, 'TurnStartParams'))['threadId'])['minLength'] = 3;
      }),
      'type-narrowed',
    );
    expect(bounds.detail).toBe('length bounds […, …] → [3, …]');
    expect(bounds.breaking).toBe(true);
  });

  it('type changed: an integer format whose range neither contains nor is contained by the old one', () => {
    const c = only(
      diffAfter((doc) => {
        obj(props(v2(doc, 'TokenUsageBreakdown'))['inputTokens'])['format'] = 'uint64';
      }),
      'type-changed',
    );
    expect(c.location).toBe('TokenUsageBreakdown.inputTokens');
    expect(c.detail).toBe('integer (int64) → integer (uint64)');
    // Server→client and changed both ways: old clients may get values above int64, new clients reject negatives.
    expect(c.breaking).toBe(true);
    expect(c.impact.newClientOldServer?.breaking).toBe(true);
  });

  it('reads the v2 bundle too: client requests and server notifications, the other unions noted as absent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cask-schema-diff-v2-'));
    const v2File = path.join(path.dirname(bundleFile), 'codex_app_server_protocol.v2.schemas.json');
    writeFileSync(path.join(dir, 'codex_app_server_protocol.v2.schemas.json'), readFileSync(v2File));
    const schema = loadSchema(dir, 'v2');
    expect(schema.source.endsWith('codex_app_server_protocol.v2.schemas.json')).toBe(true);
    expect(schema.methods.clientRequest.size).toBeGreaterThan(100);
    expect(schema.methods.serverNotification.size).toBeGreaterThan(50);
    expect(schema.notes.join('\n')).toContain('has no ServerRequest definition');
    const report = diffSchemas(loadSchema(dir, 'v2'), loadSchema(dir, 'v2 again'));
    expect(report.changes).toEqual([]);
  });

  it('description-only changes are listed apart and never count', () => {
    const report = diffAfter((doc) => {
      v2(doc, 'TurnStartParams')['description'] = 'Reworded.';
      obj(props(v2(doc, 'Turn'))['id'])['description'] = 'Also reworded.';
    });
    expect(report.changes).toEqual([]);
    expect(report.descriptions).toEqual([
      { location: 'Turn.id', definition: 'Turn', keywords: ['description'] },
      { location: 'TurnStartParams', definition: 'TurnStartParams', keywords: ['description'] },
    ]);
    expect(exitCodeFor(report, 'any')).toBe(0);
    expect(exitCodeFor(report, 'breaking')).toBe(0);
  });

  it('a reference retargeted to another definition is compared inline', () => {
    const c = only(
      diffAfter((doc) => {
        const v2defs = obj(defs(doc)['v2']);
        const status = structuredClone(v2(doc, 'TurnStatus'));
        arr(status['enum']).push('queued');
        v2defs['TurnStatus2'] = status;
        props(v2(doc, 'Turn'))['status'] = { $ref: '#/definitions/v2/TurnStatus2' };
      }),
      'enum-member-added',
    );
    expect(c.location).toBe('Turn.status');
    expect(c.detail).toBe('enum member "queued" added');
  });
});

describe('cask schema diff: hostile bundles', () => {
  it('survives self-referring, dangling and malformed definitions and notes what it skipped', () => {
    const weird: Json = {
      definitions: {
        Loop: { allOf: [{ $ref: '#/definitions/Loop' }, { properties: { a: { type: 'string' } } }] },
        Dangling: { properties: { x: { $ref: '#/definitions/Nowhere' } }, type: 'object' },
        Number: 5,
        Deep: { anyOf: [{ anyOf: [{ anyOf: [{ type: 'string' }, { $ref: '#/definitions/Deep' }] }] }] },
        ClientRequest: { oneOf: [7, { properties: { method: { type: 'string' } } }, { properties: {} }] },
        ServerNotification: 'not a schema',
      },
    };
    const edited = structuredClone(weird);
    const d = obj(obj(edited)['definitions']);
    obj(obj(obj(d['Dangling'])['properties'])['x'])['$ref'] = '#/definitions/Elsewhere';
    d['Loop'] = { allOf: [{ $ref: '#/definitions/Loop' }, { properties: { a: { type: 'integer' } } }] };
    const a = schemaFromDocument(weird, 'weird');
    const b = schemaFromDocument(edited, 'weird edited');
    const report = diffSchemas(a, b);
    expect(report.notes.join('\n')).toMatch(/ClientRequest variant has no single method name/);
    expect(report.notes.join('\n')).toMatch(/ServerNotification is not a oneOf\/anyOf/);
    // A self-referring allOf is expanded a bounded number of times (then treated as unconstrained): no hang.
    expect(report.changes.map((c) => `${c.location}: ${c.detail}`)).toEqual([
      'Dangling.x: type changed from #/definitions/Nowhere to #/definitions/Elsewhere',
    ]);
    expect(report.changes.every((c) => c.area === 'unreached' && !c.breaking)).toBe(true);
    expect(() => schemaFromDocument([], 'array')).toThrow(/not a schema bundle/);
  });
});

describe('cask schema diff: the command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cask-schema-diff-test-'));
  const write = (name: string, doc: Json) => {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'codex_app_server_protocol.schemas.json'), JSON.stringify(doc));
    return path.join(dir, name);
  };
  const run = (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = runSchemaDiff(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    return { code, stdout, stderr };
  };
  const edited = structuredClone(ours);
  arr(v2(edited, 'TurnStatus')['enum']).push('paused');
  const oldDir = write('old', ours);
  const newDir = write('new', edited);

  it('prints text grouped by area and exits by --fail-on', () => {
    const text = run([oldDir, newDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('## shared');
    expect(text.stdout).toMatch(/BREAKING {2}TurnStatus: enum member "paused" added {2}\[s→c/);
    expect(run([oldDir, newDir, '--fail-on', 'breaking']).code).toBe(1);
    expect(run([oldDir, newDir, '--fail-on', 'any']).code).toBe(1);
    expect(run([oldDir, oldDir, '--fail-on', 'any']).code).toBe(0);
  });

  it('--json prints the documented report shape', () => {
    const { stdout, code } = run([oldDir, newDir, '--json']);
    expect(code).toBe(0);
    const report = parseJson(stdout);
    expect(report).toMatchObject({
      formatVersion: 1,
      summary: { changes: 1, breaking: 1, byKind: { 'enum-member-added': 1 } },
      changes: [{ kind: 'enum-member-added', location: 'TurnStatus', breaking: true }],
      definitions: { added: [], removed: [] },
    });
  });

  it('bad usage and bad input exit 2 with a message naming the problem', () => {
    expect(run([oldDir]).code).toBe(2);
    const bad = run([oldDir, newDir, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on must be breaking, any or none');
    const missing = run([oldDir, path.join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${path.join(dir, 'nope')}: no such file or folder`);
    writeFileSync(path.join(dir, 'broken.json'), '{"definitions": ');
    const broken = run([oldDir, path.join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: not JSON');
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on');
    const unknown = run([oldDir, newDir, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--frobnicate');
  });
});
