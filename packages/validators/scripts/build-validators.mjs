#!/usr/bin/env node
/**
 * Compiles the Codex app-server JSON Schema bundles of `@cask/schema` into
 * small ahead-of-time validator modules, so that importing `@cask/validators`
 * never compiles a schema at run time and loads only the code of what it validates.
 *
 * Layout written (see generated/README.md):
 *   - `shared/<Def>.cjs`    one module per schema definition identical in both bundles
 *                           (itself and everything it references)
 *   - `<bundle>/<Def>.cjs`  the definitions specific to one bundle, and inline roots
 *   - `<bundle>/table.js`   the method names (what an entry point needs at import)
 *   - `<bundle>/loaders.cjs` the method table and one loader per root (literal `require`s,
 *                           so bundlers follow them and Node loads each on first use)
 *   - `<bundle>/index.cjs`, `index.cjs`  tiny stubs the entry points import, loading the loaders
 *   - `<bundle>/schema.cjs` the bundle's definitions without docs, read only to explain a failure
 *
 * Each definition (a "unit") compiles to one function that answers valid or not (scripts/codegen.mjs;
 * a failure is explained by src/interpret.ts from the schema). Small definitions and those used by
 * one other are written into the modules of their users, as functions compiled on their first call;
 * any other `$ref` becomes a call into the referenced definition's module, loaded on its first call, so a
 * shared definition is compiled and loaded once (see `embedding`). Tagged unions (every branch pins the
 * same property to one value) dispatch on that property instead of trying each branch; the branches of
 * a large one are units of their own: the first ones travel with the union, the others share chunk modules.
 *
 * Safe: everything is written into a temporary sibling folder, swapped in
 * for `generated/` only when the whole build succeeded.
 *
 * Usage: `node scripts/build-validators.mjs [--schema-dir <dir>]`
 * (default: the installed `@cask/schema` package; `CASK_SCHEMA_DIR` works too).
 * Run through `pnpm --filter @cask/validators build`. Needs the dev
 * dependencies (ajv-formats, typescript, esbuild); it is not shipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ajvFormats from 'ajv-formats/dist/formats.js';
const { fastFormats } = ajvFormats;
import ts from 'typescript';
import { transformSync } from 'esbuild';
import { compileUnit as compactUnit, numericCondition } from './codegen.mjs';

/**
 * A module's code minified (whitespace, syntax, local names): the engine parses a module on its first
 * use in time proportional to its text. The bundled app this makes is checked by the benchmark (< 150 KB
 * gzipped for the stable session).
 */
function minify(code) {
  return transformSync(code, {
    loader: 'js',
    format: 'cjs',
    minify: true,
    target: 'es2020',
  }).code;
}

/**
 * The functions of a module the engine should compile as the module loads (`eager[i]` for the i-th
 * validate function, in the order `renderModule` wrote them) become parenthesised function expressions:
 * `function f(d){...}` -> `var f=(function(d){...});`. A parenthesised function is compiled while its
 * module loads, instead of pre-parsed at load and parsed again, in full, on its first call: worth it for
 * the functions every validation of the module runs (see renderModule), not for the others. Applied after
 * `minify`, which would drop the parentheses (and renames the functions, in order); the module exports
 * its functions after their code, so no binding is read before it is set.
 */
function eagerCompile(code, eager) {
  const declarations = [...code.matchAll(/function ([\w$]+)\(([\w$]+)\)\{/g)];
  if (declarations.length !== eager.length)
    throw new Error(`eagerCompile: ${declarations.length} functions found, ${eager.length} written`);
  for (const [i, m] of [...declarations.entries()].reverse()) {
    if (!eager[i]) continue;
    const end = closeBrace(code, m.index + m[0].length - 1);
    code = `${code.slice(0, m.index)}var ${m[1]}=(function(${m[2]})${code.slice(m.index + m[0].length - 1, end)});${code.slice(end)}`;
  }
  // A brace matched wrongly would break the module: parse it once more.
  transformSync(code, { loader: 'js', format: 'cjs' });
  return code;
}

/**
 * The units a prepared schema calls on every value it accepts: through required members, array items
 * and `allOf`; not through optional members, unions, `not` or other properties.
 */
function alwaysCalled(schema, out = new Set()) {
  if (!schema || typeof schema !== 'object') return out;
  if (Array.isArray(schema)) {
    for (const s of schema) alwaysCalled(s, out);
    return out;
  }
  if (typeof schema['x-ref'] === 'string') out.add(schema['x-ref']);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) if (required.has(name)) alwaysCalled(sub, out);
  alwaysCalled(schema.items, out);
  alwaysCalled(schema.allOf, out);
  return out;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const outDir = path.join(pkgDir, 'generated');
const require = createRequire(import.meta.url);

const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json';
const BUNDLES = [
  { name: 'stable', folder: 'json' },
  { name: 'experimental', folder: 'json-experimental' },
];
const UNIONS = ['ClientRequest', 'ClientNotification', 'ServerRequest', 'ServerNotification'];
const ENVELOPES = ['JSONRPCRequest', 'JSONRPCNotification', 'JSONRPCResponse', 'JSONRPCError'];
/** Members that only document a schema: dropped from the compiled and the shipped schema. */
const ANNOTATIONS = new Set(['description', 'title', '$schema', 'default', 'examples', '$comment', 'deprecated']);
/**
 * Keywords the validators (and the failure explainer in src/interpret.ts) implement.
 * A schema using any other keyword stops the build rather than being half-checked.
 */
const SUPPORTED = new Set([
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'format',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  '$ref',
  'definitions',
  'x-result',
]);

/*
 * The layout's limits, chosen by measuring the first validation of every method of the recorded session in
 * fresh processes (bench/run.mjs): each module a validation loads costs a fixed ~0.15 ms to find, read and
 * set up, and each KB of code ~0.03 ms to parse, whether it runs or not.
 */
/** Prepared size (JSON characters) up to which a definition that references nothing is inlined. */
const INLINE_LIMIT = 1500;
/**
 * Prepared size (JSON characters) above which the branches of a tagged union become units of their own
 * (functions compiled on first use; one large function costs milliseconds to compile, and an engine may
 * never optimise it).
 */
const SPLIT_LIMIT = 6000;
/**
 * Prepared size (JSON characters) of the first branches of a split union, in schema order, copied with
 * the union wherever it is copied (see embedding): a value usually carries several of them (a turn: a
 * user message, an agent message, reasoning, a command), and upstream lists the common ones first.
 */
const HEAD_LIMIT = 11000;
/** Characters of code up to which the other split branches of a union share a module (see emitBundle). */
const CHUNK_LIMIT = 12000;
/** Prepared size (JSON characters) up to which a unit, with all it embeds, is copied into every user (see embedding). */
const EMBED_LIMIT = 12000;

const HEADER = (what) =>
  `// GENERATED by packages/validators/scripts/build-validators.mjs (${what}). Do not edit.\n` +
  `// Regenerate with: pnpm --filter @cask/validators build\n`;

// ---------------------------------------------------------------- inputs

function schemaDir() {
  const { values } = parseArgs({ options: { 'schema-dir': { type: 'string' } }, strict: true });
  const dir = values['schema-dir'] ?? process.env.CASK_SCHEMA_DIR;
  if (dir !== undefined) {
    if (dir === '') throw new Error('--schema-dir needs a value');
    return path.resolve(dir);
  }
  return path.dirname(require.resolve('@cask/schema/package.json'));
}

/** Reads and checks both bundles before anything is written. */
function readBundles(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`schema dir ${dir} does not exist`);
  return BUNDLES.map(({ name, folder }) => {
    const file = path.join(dir, folder, BUNDLE_FILE);
    if (!existsSync(file)) throw new Error(`${file} not found (is ${dir} a schema dir with ${folder}/?)`);
    let bundle;
    try {
      bundle = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: not JSON: ${err.message}`, { cause: err });
    }
    if (!bundle || typeof bundle.definitions !== 'object') throw new Error(`${file}: no "definitions"`);
    bundle.definitions = wireNames(bundle.definitions);
    for (const union of UNIONS) {
      if (!Array.isArray(bundle.definitions[union]?.oneOf))
        throw new Error(`${file}: definitions.${union} is not a oneOf union`);
    }
    checkKeywords(bundle.definitions, '/definitions', file);
    return { name, file, definitions: bundle.definitions };
  });
}

/**
 * Where upstream's schema spells a member differently from the wire (it ignores serde's
 * `rename_all_fields`: `turn_id` where the server sends `turnId`), codegen keeps upstream's
 * name and annotates the property with the wire's (`"x-wire-name": "turnId"`). The validators
 * check what the server sends, so such a property is renamed back (in `required` too).
 */
function wireNames(node) {
  if (Array.isArray(node)) return node.map(wireNames);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = wireNames(v);
  const props = out.properties;
  if (!props || typeof props !== 'object' || Array.isArray(props)) return out;
  const renames = new Map();
  const renamed = {};
  for (const [name, schema] of Object.entries(props)) {
    const wire = schema && typeof schema === 'object' ? schema[WIRE_NAME] : undefined;
    if (wire === undefined) {
      renamed[name] = schema;
      continue;
    }
    if (typeof wire !== 'string') throw new Error(`"${WIRE_NAME}" of property "${name}" is not a string`);
    const { [WIRE_NAME]: _wire, ...rest } = schema;
    renamed[wire] = rest;
    renames.set(name, wire);
  }
  if (renames.size === 0) return out;
  out.properties = renamed;
  if (Array.isArray(out.required)) out.required = out.required.map((r) => renames.get(r) ?? r);
  return out;
}
const WIRE_NAME = 'x-wire-name';

/** Fails on a keyword the validators do not implement. */
function checkKeywords(node, pointer, file, isMap = true) {
  if (Array.isArray(node)) return node.forEach((c, i) => checkKeywords(c, `${pointer}/${i}`, file, false));
  if (!node || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node)) {
    const p = `${pointer}/${esc(key)}`;
    if (isMap) {
      // A map of schemas (definitions, properties); a `v2` namespace in definitions is a map too.
      checkKeywords(child, p, file, pointer === '/definitions' && isNamespace(key, child) && !child.type);
      continue;
    }
    if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key)) throw new Error(`${file}: unsupported keyword "${key}" at ${p}`);
    if (key === 'enum' || key === 'const' || ANNOTATIONS.has(key) || key === 'required') continue;
    checkKeywords(child, p, file, key === 'properties' || key === 'patternProperties' || key === 'definitions');
  }
}
/** `definitions.v2` groups definitions: an object of schemas, not a schema. */
const isNamespace = (key, value) => /^v\d+$/.test(key) && value && typeof value === 'object';

const esc = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Resolves a JSON pointer (`/definitions/v2/Foo`) inside a bundle. */
function lookup(definitions, pointer) {
  let node = { definitions };
  for (const seg of pointer.split('/').slice(1)) {
    if (node === undefined || node === null) return undefined;
    node = node[unesc(seg)];
  }
  return node;
}

/** Deep copy of a schema without annotations (a property named `title` stays: it is not an annotation). */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (ANNOTATIONS.has(k)) continue;
    if (k === 'enum' || k === 'const' || k === 'required') out[k] = v;
    else if ((k === 'properties' || k === 'patternProperties' || k === 'definitions') && v && typeof v === 'object')
      out[k] = Object.fromEntries(Object.entries(v).map(([name, schema]) => [name, strip(schema)]));
    else out[k] = strip(v);
  }
  return out;
}

// ---------------------------------------------------------------- results

/**
 * A request's result schema: the explicit `x-result` annotation when the schema
 * has one (our generated schema always does), otherwise, for schemas without it
 * such as upstream's own output, the `FooParams` -> `FooResponse` convention.
 */
function resultPointer(entry, entryPointer, definitions, method, warnings) {
  const explicit = entry['x-result'];
  if (explicit !== undefined) return { pointer: `${entryPointer}/x-result`, source: 'x-result' };
  const ref = paramsRef(entry.properties?.params);
  if (ref && ref.endsWith('Params')) {
    const candidate = ref.replace(/Params$/, 'Response');
    if (lookup(definitions, candidate) !== undefined) return { pointer: candidate, source: 'convention' };
  }
  warnings.push(`no result schema for request "${method}" (no x-result, and the naming convention found nothing)`);
  return undefined;
}

function paramsRef(params) {
  if (!params) return undefined;
  if (typeof params.$ref === 'string') return params.$ref.slice(1);
  const branch = params.anyOf?.find((s) => typeof s.$ref === 'string');
  return branch ? branch.$ref.slice(1) : undefined;
}

// ---------------------------------------------------------------- preparing schemas for the compiler

/** Follows a `$ref` chain to the schema it names. */
function deref(definitions, schema) {
  for (let i = 0; i < 32 && schema && typeof schema.$ref === 'string'; i++)
    schema = lookup(definitions, schema.$ref.slice(1));
  return schema;
}

/** The single value a property schema pins (`enum: [x]` or `const: x`), if any. */
function pinned(definitions, prop) {
  const s = deref(definitions, prop);
  if (!s || typeof s !== 'object') return undefined;
  if (Array.isArray(s.enum) && s.enum.length === 1 && typeof s.enum[0] !== 'object') return { value: s.enum[0] };
  if (Object.hasOwn(s, 'const') && typeof s.const !== 'object') return { value: s.const };
  return undefined;
}

/**
 * When every branch of a union requires the same property and pins it to one
 * value, only the branches with the value the data carries can match: returns
 * that property and each branch's value, else undefined.
 */
function tagOf(definitions, branches) {
  const resolved = branches.map((b) => deref(definitions, b));
  if (resolved.some((b) => !b || typeof b !== 'object' || !b.properties || !Array.isArray(b.required)))
    return undefined;
  for (const prop of Object.keys(resolved[0].properties)) {
    const values = [];
    for (const b of resolved) {
      const pin = b.required.includes(prop) && b.properties[prop] ? pinned(definitions, b.properties[prop]) : undefined;
      if (!pin) break;
      values.push(pin.value);
    }
    if (values.length === resolved.length && new Set(values).size > 1) return { prop, values };
  }
  return undefined;
}

/**
 * The schema handed to the code generator for one unit: annotations dropped, `$ref`s to other
 * units replaced by `x-ref` calls, numeric formats by inline `x-format`
 * checks, tagged unions by `x-tagged` dispatch. `deps` collects referenced units.
 * `at` is the JSON pointer of `node` in the bundle: the branches of a large
 * tagged union become units of their own (see {@link SPLIT_LIMIT}), named by it.
 */
function prepare(definitions, node, deps, ranges, inline = new Map(), at = '') {
  if (Array.isArray(node)) return node.map((c, i) => prepare(definitions, c, deps, ranges, inline, `${at}/${i}`));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  // `integer` with an integer format: the format's check (`Number.isSafeInteger`, ...) already
  // requires a whole number, so the type is checked as `number` (a separate integer test would cost a second check).
  const integerFormat = typeof node.format === 'string' && ranges[node.format]?.integer === true;
  const asNumber = (t) => (integerFormat && t === 'integer' ? 'number' : t);
  for (const [k, v] of Object.entries(node)) {
    const here = `${at}/${esc(k)}`;
    if (ANNOTATIONS.has(k) || k === 'x-result' || k === 'definitions') continue;
    if (k === '$ref') {
      const target = v.slice(1);
      if (!v.startsWith('#/') || lookup(definitions, target) === undefined) throw new Error(`unresolvable $ref ${v}`);
      const small = inline.get(target);
      if (small) out.allOf = [...(out.allOf ?? []), structuredClone(small)];
      else {
        deps.add(target);
        out['x-ref'] = target;
      }
    } else if (k === 'format') {
      out['x-format'] = v;
    } else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v) && !out['x-tagged']) {
      const tag = tagOf(definitions, v);
      if (tag) {
        out['x-tag'] = { kind: k, ...tag };
        const branchDeps = new Set();
        const branches = prepare(definitions, v, branchDeps, ranges, inline, here);
        if (at.startsWith('/definitions/') && JSON.stringify(branches).length > SPLIT_LIMIT) {
          // A large union: each branch that is not already a reference becomes a unit of its own,
          // so a message loads (and the engine compiles) only the branches it uses.
          out['x-tagged'] = v.map((b, i) => {
            if (b && typeof b === 'object' && typeof b.$ref === 'string' && Object.keys(strip(b)).length === 1)
              return prepare(definitions, b, deps, ranges, inline, `${here}/${i}`);
            deps.add(`${here}/${i}`);
            return { 'x-ref': `${here}/${i}` };
          });
        } else {
          for (const d of branchDeps) deps.add(d);
          out['x-tagged'] = branches;
        }
      } else {
        out[k] = prepare(definitions, v, deps, ranges, inline, here);
        // anyOf passes on its first passing branch: try the branches that call no other module first, so
        // that `null` (say) passes a nullable reference without loading the referenced definition's module.
        if (k === 'anyOf') {
          const local = (b) => !JSON.stringify(b).includes('"x-ref"');
          out[k] = [...out[k].filter(local), ...out[k].filter((b) => !local(b))];
        }
      }
    } else if (k === 'type') out[k] = Array.isArray(v) ? [...new Set(v.map(asNumber))] : asNumber(v);
    else if (k === 'enum' || k === 'const' || k === 'required') out[k] = v;
    else if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([p, s]) => [p, prepare(definitions, s, deps, ranges, inline, `${here}/${esc(p)}`)]),
      );
    } else out[k] = prepare(definitions, v, deps, ranges, inline, here);
  }
  // A lone inlined definition needs no allOf around it.
  if (out.allOf?.length === 1 && Object.keys(out).length === 1) return out.allOf[0];
  return out;
}

// ---------------------------------------------------------------- the compiler

/** Numeric format ranges, read from src/formats.ts (transpiled: one definition for build and runtime). */
async function numericRanges(tmp) {
  const source = readFileSync(path.join(pkgDir, 'src', 'formats.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: 'formats.ts',
  });
  const file = path.join(tmp, 'formats.build.mjs');
  writeFileSync(file, outputText);
  const mod = await import(pathToFileURL(file).href);
  rmSync(file);
  return mod.NUMERIC_FORMAT_RANGES;
}

/** String formats: ajv-formats' fast regular expressions, inlined (so nothing is imported at run time). */
function stringFormat(name) {
  const f = fastFormats[name];
  const re = f instanceof RegExp ? f : f && f.validate instanceof RegExp ? f.validate : undefined;
  return re;
}

/** File name of a definition unit: its pointer segments after `definitions`, dotted. */
function unitName(pointer) {
  return pointer
    .split('/')
    .slice(2)
    .map(unesc)
    .join('.')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Index just past the `}` closing the `{` at `start` (JSON-like text: double-quoted strings only). */
function closeBrace(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unbalanced generated code');
}

/**
 * Which units are written inside the modules of the units that use them, so that a first validation
 * finds and loads fewer modules. An embedded unit is a function of the module compiled on its first call
 * (see `renderModule`): until then the engine only skims its code, so a copy a value does not reach costs
 * little.
 *  - A unit referenced by exactly one other unit (the same one in every bundle) that is not a method
 *    root and not a branch split out of a large union: written there only.
 *  - A unit whose code, with everything it embeds in turn, is at most {@link EMBED_LIMIT} (prepared
 *    JSON characters), that is not on a cycle of references, and, for a split branch, among the first
 *    {@link HEAD_LIMIT} of its union: copied into every unit that uses it. It keeps a module of its own
 *    only if it is a root.
 * The choice depends only on the unit and what it reaches, so a module of `shared/` (the same in every
 * bundle, with everything it reaches) is written the same way by every bundle.
 * Returns `embeds(bundle, host, target)` and `hasModule(bundle, pointer)`.
 */
function embedding(plans) {
  const referrers = new Map();
  const roots = new Set(plans.flatMap((p) => p.roots.map((r) => r.unit)));
  for (const plan of plans)
    for (const [pointer, u] of plan.units)
      for (const dep of u.deps) {
        if (dep === pointer) continue;
        (referrers.get(dep) ?? referrers.set(dep, new Set()).get(dep)).add(pointer);
      }
  const only = new Map(); // target -> its one referrer, in every bundle
  for (const [target, from] of referrers) {
    if (roots.has(target) || SPLIT_BRANCH.test(target)) continue;
    if (from.size === 1) only.set(target, [...from][0]);
  }
  const copied = new Map(); // bundle -> set of units copied into their users
  for (const plan of plans) {
    const reaches = (from, to) => {
      const seen = new Set();
      const stack = [...plan.units.get(from).deps];
      while (stack.length) {
        const p = stack.pop();
        if (p === to) return true;
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(...plan.units.get(p).deps);
      }
      return false;
    };
    const size = new Map();
    const closure = (p) => {
      if (!size.has(p)) {
        const u = plan.units.get(p);
        let n = u.json.length;
        // The head branches of a union (see head) do not count against the union's own limit.
        for (const d of u.deps) if (d !== p && !SPLIT_BRANCH.test(d) && copies(d)) n += closure(d);
        size.set(p, n);
      }
      return size.get(p);
    };
    const verdict = new Map();
    // The branches of a split union up to HEAD_LIMIT (in schema order, with what they embed).
    const head = (p) => {
      const union = p.slice(0, p.lastIndexOf('/'));
      let n = 0;
      for (let j = 0; j <= Number(p.slice(p.lastIndexOf('/') + 1)); j++)
        if (plan.units.has(`${union}/${j}`)) n += closure(`${union}/${j}`);
      return n <= HEAD_LIMIT;
    };
    const copies = (p) => {
      if (!verdict.has(p)) {
        verdict.set(p, false); // while deciding (a cycle is never copied)
        verdict.set(p, !reaches(p, p) && closure(p) <= EMBED_LIMIT && (!SPLIT_BRANCH.test(p) || head(p)));
      }
      return verdict.get(p);
    };
    copied.set(plan.name, new Set([...plan.units.keys()].filter(copies)));
  }
  const embeds = (bundle, host, target) => only.get(target) === host || copied.get(bundle).has(target);
  const hasModule = (bundle, pointer) =>
    roots.has(pointer) || (only.get(pointer) === undefined && !copied.get(bundle).has(pointer));
  return {
    embeds,
    hasModule,
    embedded: (pointer) => only.has(pointer) || plans.some((p) => copied.get(p.name).has(pointer)),
  };
}

/** Whether a unit's module lives in `shared/` (a definition, or a split branch, equal in every bundle). */
function isSharedUnit(pointer, shared) {
  const isDefinition =
    pointer.startsWith('/definitions/') &&
    (SPLIT_BRANCH.test(pointer) || !/\/(oneOf|anyOf|properties|x-result)(\/|$)/.test(pointer));
  return isDefinition && shared.has(pointer);
}

/**
 * Result validators written in the module of their request's params (result unit -> params unit): a
 * program validates a request's params before its result, so the result's first validation loads no
 * module of its own. Only when, in every bundle, both units serve that one root each, nothing else
 * references either and neither is copied into other modules (see embedding; none today). When only one of the two is equal in every bundle, both become modules of each
 * bundle (shared/ holds a module only when it is the same for every bundle).
 */
function resultPartners(plans, shared, embedHost) {
  const candidates = new Map(); // result -> params, or null when some bundle disagrees
  for (const plan of plans) {
    const rootUses = new Map();
    for (const r of plan.roots) rootUses.set(r.unit, (rootUses.get(r.unit) ?? 0) + 1);
    const referenced = new Set([...plan.units.values()].flatMap((u) => [...u.deps]));
    const alone = (p) => rootUses.get(p) === 1 && !referenced.has(p) && !embedHost.embedded(p);
    const paired = new Set();
    for (const rows of Object.values(plan.methods))
      for (const row of rows) {
        if (row.params === null || row.result === null || row.result === undefined) continue;
        const params = plan.roots[row.params].unit;
        const result = plan.roots[row.result].unit;
        const ok = params !== result && alone(params) && alone(result);
        const before = candidates.get(result);
        candidates.set(result, ok && (before === undefined || before === params) ? params : null);
        paired.add(result);
      }
    // A result unit of another bundle that is not a paired result here: not paired anywhere.
    for (const [result] of candidates) if (plan.units.has(result) && !paired.has(result)) candidates.set(result, null);
  }
  const partners = new Map([...candidates].filter(([, params]) => params !== null));
  for (const [result, params] of partners)
    if (isSharedUnit(result, shared) !== isSharedUnit(params, shared)) {
      shared.delete(result);
      shared.delete(params);
    }
  return partners;
}

/** A branch split out of a large tagged union (see {@link SPLIT_LIMIT}): a unit of its own (see HEAD_LIMIT, CHUNK_LIMIT). */
const SPLIT_BRANCH = /^\/definitions\/(?!(Client|Server)(Request|Notification)\/).*\/(oneOf|anyOf)\/\d+$/;

// ---------------------------------------------------------------- per bundle

/** Method table, roots and units of one bundle. */
function planBundle(bundle, warnings, ranges) {
  const { definitions } = bundle;
  const roots = []; // { pointer }
  const rootIndex = new Map();
  const addRoot = (pointer) => {
    const schema = lookup(definitions, pointer);
    // A root that is only a $ref is the referenced definition's unit.
    const target =
      schema && typeof schema.$ref === 'string' && Object.keys(strip(schema)).length === 1
        ? schema.$ref.slice(1)
        : pointer;
    if (!rootIndex.has(pointer)) {
      rootIndex.set(pointer, roots.length);
      roots.push({ pointer, unit: target });
    }
    return rootIndex.get(pointer);
  };
  const methods = {};
  for (const union of UNIONS) {
    methods[union] = definitions[union].oneOf.map((entry, i) => {
      const method = entry.properties?.method?.enum?.[0];
      if (typeof method !== 'string')
        throw new Error(`${bundle.file}: ${union}.oneOf[${i}] has no properties.method.enum[0]`);
      const entryPointer = `/definitions/${union}/oneOf/${i}`;
      const row = { method, params: null, paramsRequired: false };
      if (entry.properties.params !== undefined) {
        row.params = addRoot(`${entryPointer}/properties/params`);
        row.paramsRequired = Array.isArray(entry.required) && entry.required.includes('params');
      }
      if (union.endsWith('Request')) {
        const result = resultPointer(entry, entryPointer, definitions, method, warnings);
        row.result = result ? addRoot(result.pointer) : null;
        row.resultSource = result?.source ?? null;
      }
      return row;
    });
  }
  const envelopes = {};
  for (const env of ENVELOPES) if (definitions[env]) envelopes[env] = addRoot(`/definitions/${env}`);
  const quickEnvelope = quickEnvelopes(definitions, ranges);

  // Every unit reachable from the roots, with its prepared schema. Small definitions that reference
  // nothing (enums, little objects) are inlined where they are used instead of being modules of their
  // own: fewer modules to load and fewer calls, for a few repeated bytes.
  const reachable = (inline) => {
    const units = new Map(); // pointer -> { schema, deps, json }
    const queue = roots.map((r) => r.unit);
    while (queue.length) {
      const pointer = queue.pop();
      if (units.has(pointer)) continue;
      const deps = new Set();
      const schema = prepare(definitions, lookup(definitions, pointer), deps, ranges, inline, pointer);
      units.set(pointer, { schema, deps, json: JSON.stringify(schema) });
      queue.push(...deps);
    }
    return units;
  };
  // One pass only: inlining what becomes small once its own references are inlined, repeatedly, saves a
  // few module loads but copies those definitions into every user (+9 KB gzipped for a bundled app).
  const leaves = new Map(
    [...reachable(new Map())]
      .filter(([, u]) => u.deps.size === 0 && u.json.length <= INLINE_LIMIT)
      .map(([p, u]) => [p, u.schema]),
  );
  const units = reachable(leaves);
  return { ...bundle, methods, envelopes, quickEnvelope, roots, units };
}

/**
 * The quick envelope test of src/api.ts (an object with a string `method`, an `id` that is a string
 * or a safe integer, a `result` that is present) is exact only for envelopes of the usual shape. This
 * checks that shape: the required members and the types of `id` and `method` exactly as expected,
 * `params`/`result` unconstrained, anything else merely optional. Returns, per envelope, those other
 * members (the quick test hands a message carrying one of them to the envelope validator), or null
 * when an envelope differs in any way (then the envelope validators decide every message).
 */
function quickEnvelopes(definitions, ranges) {
  const expected = {
    request: { name: 'JSONRPCRequest', required: ['id', 'method'] },
    notification: { name: 'JSONRPCNotification', required: ['method'] },
    response: { name: 'JSONRPCResponse', required: ['id', 'result'] },
  };
  const sorted = (v) =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted(v[k])]),
          )
        : v;
  const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
  const int64 = ranges.int64;
  const isRequestId = (schema) =>
    int64?.integer === true &&
    int64.min === Number.MIN_SAFE_INTEGER &&
    int64.max === Number.MAX_SAFE_INTEGER &&
    same(strip(deref(definitions, schema)), { anyOf: [{ type: 'string' }, { type: 'integer', format: 'int64' }] });
  const isAny = (schema) => schema === true || same(strip(schema), {});
  const out = {};
  for (const [kind, { name, required }] of Object.entries(expected)) {
    const def = definitions[name];
    if (!def || typeof def !== 'object') return null;
    const stripped = strip(def);
    if (Object.keys(stripped).some((k) => !['type', 'properties', 'required'].includes(k))) return null;
    if (stripped.type !== 'object' || !same([...(stripped.required ?? [])].sort(), required)) return null;
    const props = stripped.properties ?? {};
    const others = [];
    for (const [prop, schema] of Object.entries(props)) {
      if (prop === 'id') {
        if (!isRequestId(def.properties.id)) return null;
      } else if (prop === 'method') {
        if (!same(strip(schema), { type: 'string' })) return null;
      } else if (prop === 'params' || prop === 'result') {
        if (!isAny(schema)) return null;
      } else others.push(prop);
    }
    if (!required.every((r) => Object.hasOwn(props, r))) return null;
    out[kind] = others;
  }
  return out;
}

/** Definitions by `Name` or `v2/Name`, docs dropped. */
function flatDefinitions(definitions) {
  const out = new Map();
  for (const [k, v] of Object.entries(definitions)) {
    if (isNamespace(k, v) && !v.type && !v.properties && !v.anyOf && !v.oneOf && !v.$ref && !v.enum) {
      for (const [k2, v2] of Object.entries(v)) out.set(`${k}/${k2}`, strip(v2));
    } else out.set(k, strip(v));
  }
  return out;
}

/** Stripped definitions equal in every bundle. */
function sharedSchemaEntries(plans) {
  const [first, ...rest] = plans.map((p) => flatDefinitions(p.definitions));
  const json = rest.map((m) => new Map([...m].map(([k, v]) => [k, JSON.stringify(v)])));
  return new Map([...first].filter(([k, v]) => json.every((m) => m.get(k) === JSON.stringify(v))));
}

/** Pointers whose unit and whole reference closure are identical in every bundle. */
function sharedUnits(plans) {
  const [first, ...rest] = plans;
  const same = new Set(
    [...first.units.keys()].filter((p) => rest.every((b) => b.units.get(p)?.json === first.units.get(p).json)),
  );
  const memo = new Map();
  const closureSame = (p, seen = new Set()) => {
    if (memo.has(p)) return memo.get(p);
    if (seen.has(p)) return true; // a cycle: decided by its other members
    seen.add(p);
    const ok = same.has(p) && [...first.units.get(p).deps].every((d) => closureSame(d, seen));
    if (seen.size === 1 || !ok) memo.set(p, ok);
    return ok;
  };
  return new Set([...same].filter((p) => closureSame(p)));
}

function emitBundle(plan, shared, sharedEntries, ranges, tmp, written, embedHost, partners) {
  const dir = path.join(tmp, plan.name);
  mkdirSync(dir, { recursive: true });
  // Module file (relative to generated/) of each unit.
  const names = new Map();
  const taken = new Set();
  let inline = 0;
  const place = (pointer) => {
    if (names.has(pointer)) return names.get(pointer);
    // A definition, or a branch of a large tagged union split out of one (named after it, shareable).
    const isBranch = SPLIT_BRANCH.test(pointer);
    const isDefinition =
      pointer.startsWith('/definitions/') && (isBranch || !/\/(oneOf|anyOf|properties|x-result)(\/|$)/.test(pointer));
    const isShared = isSharedUnit(pointer, shared);
    let base = isDefinition ? unitName(pointer) : `root${inline++}`;
    const folder = isShared ? 'shared' : plan.name;
    while (taken.has(`${folder}/${base}`.toLowerCase())) base += '_';
    taken.add(`${folder}/${base}`.toLowerCase());
    const rel = `${folder}/${base}.cjs`;
    names.set(pointer, rel);
    return rel;
  };
  for (const p of plan.units.keys()) place(p);
  // A result written in its params' module (see resultPartners) is that module's export `r`.
  const partnerOf = new Map(); // params -> result
  for (const [result, params] of partners)
    if (plan.units.has(result) && plan.units.has(params)) {
      names.set(result, names.get(params));
      partnerOf.set(params, result);
    }
  const requirePath = (hostRel, target) => {
    const rel = path.posix.relative(path.posix.dirname(hostRel), names.get(target));
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const stringFormats = new Map();
  // Every unit compiles to one function named after its place in the bundle; constants (regular
  // expressions, helpers) are named once per bundle. A module declares what its units read.
  const fnNames = new Map([...plan.units.keys()].map((p, i) => [p, `validate${i}`]));
  const constants = new Map(); // key -> { name, code }
  const ctx = {
    ranges,
    stringFormat,
    numericCondition,
    nameOf: (pointer) => fnNames.get(pointer),
    constant: (key, code, prefix) => {
      if (!constants.has(key)) constants.set(key, { name: `${prefix}${constants.size}`, code });
      return constants.get(key).name;
    },
  };
  const constantCode = new Map();
  const compiled = new Map();
  for (const [pointer, u] of plan.units) {
    const unit = { pointer, stringFormats: new Map() };
    compiled.set(pointer, compactUnit(unit, u.schema, ctx));
    for (const [k, v] of unit.stringFormats) stringFormats.set(k, v);
  }
  for (const { name, code } of constants.values()) constantCode.set(name, code);
  /**
   * The module file `rel` holding the units `mains` (its exports `v`, and `r` for a result written with
   * its params): their functions, compiled as the module loads (see eagerCompile), every unit they embed
   * (see embedding), declared as functions the engine compiles on their first call, and a loader for
   * each other unit they call, which loads that unit's module on its first call.
   */
  const exportKey = new Map(); // unit -> the export of its module that is its validator (default `v`)
  const renderModule = (exported, rel, eager) => {
    const mains = exported.map(([, p]) => p);
    const held = [];
    const visit = (p) => {
      if (held.includes(p)) return;
      held.push(p);
      for (const t of compiled.get(p).deps) if (embedHost.embeds(plan.name, p, t)) visit(t);
    };
    mains.forEach(visit);
    const lines = [];
    const used = new Set(held.flatMap((p) => [...compiled.get(p).constants]));
    for (const name of used) lines.push(`const ${name}=${constantCode.get(name)};`);
    const called = new Set(held.flatMap((p) => [...compiled.get(p).deps]).filter((t) => !held.includes(t)));
    for (const t of called) {
      const local = fnNames.get(t);
      lines.push(
        `let ${local}=(d)=>(${local}=require(${JSON.stringify(requirePath(rel, t))}).${exportKey.get(t) ?? 'v'})(d);`,
      );
    }
    for (const p of held) lines.push(compiled.get(p).code);
    for (const [key, p] of exported) lines.push(`exports.${key}=${fnNames.get(p)};`);
    const code = minify(`'use strict';\n${lines.join('\n')}\n`);
    if (!eager) return code;
    // Compiled as the module loads: its exported functions and what they call on every value (a thread's
    // result: the thread, its status, its turns), not what depends on the value (a union's branches).
    const early = new Set(mains);
    for (const queue = [...mains]; queue.length;)
      for (const t of alwaysCalled(plan.units.get(queue.pop()).schema))
        if (held.includes(t) && !early.has(t) && !SPLIT_BRANCH.test(t)) {
          early.add(t);
          queue.push(t);
        }
    return eagerCompile(
      code,
      held.map((p) => early.has(p)),
    );
  };
  // The branches split out of a large union are written together, in schema order, into modules of up to
  // CHUNK_LIMIT characters: a value usually holds several branches (a turn: a user message, an agent
  // message, a command...), and each module costs a fixed time to find and load, a few KB's worth of code.
  // Their functions are left to compile on first use (a chunk holds branches the value may not have).
  const chunks = [];
  {
    const unionOf = (p) => p.slice(0, p.lastIndexOf('/'));
    const branches = [...plan.units.keys()]
      .filter((p) => SPLIT_BRANCH.test(p) && embedHost.hasModule(plan.name, p))
      .sort(
        (x, y) =>
          unionOf(x).localeCompare(unionOf(y)) ||
          Number(x.slice(x.lastIndexOf('/') + 1)) - Number(y.slice(y.lastIndexOf('/') + 1)),
      );
    let chunk;
    for (const p of branches) {
      const size = renderModule([['v', p]], names.get(p), false).length;
      const folder = path.posix.dirname(names.get(p));
      if (!chunk || chunk.union !== unionOf(p) || chunk.folder !== folder || chunk.size + size > CHUNK_LIMIT) {
        chunk = { union: unionOf(p), folder, size: 0, members: [] };
        chunks.push(chunk);
      }
      chunk.members.push(p);
      chunk.size += size;
    }
    for (const c of chunks) {
      const index = (p) => p.slice(p.lastIndexOf('/') + 1);
      const first = index(c.members[0]);
      const last = index(c.members[c.members.length - 1]);
      c.rel = `${c.folder}/${unitName(c.union)}.${first === last ? first : `${first}-${last}`}.cjs`;
      for (const p of c.members) {
        names.set(p, c.rel);
        exportKey.set(p, `b${index(p)}`);
      }
    }
  }
  for (const c of chunks) {
    if (written.has(c.rel)) continue;
    mkdirSync(path.join(tmp, c.folder), { recursive: true });
    const code = renderModule(
      c.members.map((p) => [exportKey.get(p), p]),
      c.rel,
      false,
    );
    writeFileSync(path.join(tmp, c.rel), `${HEADER(`branches of ${c.union}`)}${code}`);
    written.add(c.rel);
  }
  for (const pointer of plan.units.keys()) {
    const rel = names.get(pointer);
    if (written.has(rel) || !embedHost.hasModule(plan.name, pointer) || partners.has(pointer)) continue;
    const result = partnerOf.get(pointer);
    const code = renderModule(
      result === undefined
        ? [['v', pointer]]
        : [
            ['v', pointer],
            ['r', result],
          ],
      rel,
      true,
    );
    mkdirSync(path.join(tmp, path.posix.dirname(rel)), { recursive: true });
    writeFileSync(path.join(tmp, rel), `${HEADER(result === undefined ? pointer : `${pointer} and ${result}`)}${code}`);
    written.add(rel);
  }
  // The table: methods, envelopes, and a loader per root with a literal require.
  const rootFiles = plan.roots.map((r) => ({
    file: `./${path.posix.relative(plan.name, names.get(r.unit))}`.replace(/^\.\/\.\.\//, '../'),
    key: partners.has(r.unit) && partnerOf.has(partners.get(r.unit)) ? 'r' : 'v',
  }));
  const source = path.basename(path.dirname(plan.file)) + '/' + BUNDLE_FILE;
  // At import only the method names are needed (the entry points export them): table.js holds just those.
  const table = {
    bundle: plan.name,
    source,
    lists: Object.fromEntries(Object.entries(plan.methods).map(([union, rows]) => [union, rows.map((r) => r.method)])),
  };
  // Everything else is read on the first validation, with the loaders.
  const rows = {
    methods: plan.methods,
    envelopes: plan.envelopes,
    quickEnvelope: plan.quickEnvelope,
    // Where the explainer starts: the definition a pure-$ref root names, else the root itself.
    pointers: plan.roots.map((r) => r.unit),
  };
  // The table is an ES module (cheap to load from the ES entry points); the loaders are CommonJS, because
  // a literal `require` is the one way to load code on first use synchronously that bundlers also follow.
  writeFileSync(
    path.join(dir, 'table.js'),
    HEADER(`method names of ${plan.name}`) +
      `/** The methods of each union, in schema order (see table.d.ts). */\nexport const table = ${JSON.stringify(table)};\n`,
  );
  writeFileSync(path.join(dir, 'table.d.ts'), HEADER('types') + TABLE_DTS);
  const index =
    HEADER(`loaders of ${plan.name}`) +
    `'use strict';\n` +
    `/** One loader per root of table.js, by index: returns its validate function, loading its module on first use. */\n` +
    `exports.roots = [\n${rootFiles.map((f) => `()=>require(${JSON.stringify(f.file)}).${f.key},`).join('\n')}\n];\n` +
    `/** Which root validates what (JSON.parse: faster to load than the same object literal). */\n` +
    `exports.table = JSON.parse(${JSON.stringify(JSON.stringify(rows))});\n` +
    `/** The bundle's definitions (no docs), loaded only to explain a failure. */\n` +
    `exports.schema = () => require('./schema.cjs');\n`;
  writeFileSync(path.join(dir, 'loaders.cjs'), index);
  // What the ES entry points import: a tiny CommonJS module (Node scans every CommonJS module an ES module
  // imports for its exports, which costs time in proportion to its size) that loads the loaders on first use.
  writeFileSync(
    path.join(dir, 'index.cjs'),
    HEADER(`entry of ${plan.name}`) +
      `'use strict';\n// Loaded at import, so that no first validation pays for the method table.\nconst loaders = require('./loaders.cjs');\n/** The root loaders and the method table. */\nexports.loaders = () => loaders;\n`,
  );
  writeFileSync(
    path.join(dir, 'index.d.cts'),
    HEADER('types') +
      `/** The root loaders and the method table (loaded at import). */\nexport declare const loaders: () => typeof import('./loaders.cjs');\n`,
  );
  writeFileSync(path.join(dir, 'loaders.d.cts'), HEADER('types') + LOADERS_DTS);
  const formats = Object.fromEntries([...stringFormats].map(([k, re]) => [k, re]));
  const entries = flatDefinitions(plan.definitions);
  const own = Object.fromEntries([...entries].filter(([k]) => !sharedEntries.has(k)));
  writeFileSync(
    path.join(dir, 'schema.cjs'),
    HEADER(`from ${table.source}, docs dropped`) +
      `'use strict';\n` +
      `const shared = require('../shared/schema.cjs').entries;\n` +
      `const own = ${JSON.stringify(own)};\n` +
      `const keys = ${JSON.stringify([...entries.keys()])};\n` +
      `/** The definitions, by name (\`v2/Foo\` is under \`definitions.v2\`). */\n` +
      `exports.definitions = {};\n` +
      `for (const key of keys) {\n` +
      `  const [a, b] = key.split('/');\n` +
      `  const value = Object.hasOwn(own, key) ? own[key] : shared[key];\n` +
      `  if (b === undefined) exports.definitions[a] = value;\n` +
      `  else (exports.definitions[a] ??= {})[b] = value;\n` +
      `}\n` +
      `/** Regular expressions of the string formats the schema uses (ajv-formats' fast formats, MIT license). */\n` +
      `exports.stringFormats = {${Object.entries(formats)
        .map(([k, re]) => `${JSON.stringify(k)}: ${re.toString()}`)
        .join(', ')}};\n`,
  );
  writeFileSync(path.join(dir, 'schema.d.cts'), HEADER('types') + SCHEMA_DTS);
  return { units: plan.units.size, roots: plan.roots.length };
}

/** What `@cask/validators` (both bundles) imports: one tiny CommonJS module for both loaders. */
function writeBothEntry(tmp, names) {
  writeFileSync(
    path.join(tmp, 'index.cjs'),
    HEADER('entry of both bundles') +
      `'use strict';\n` +
      names
        .map((n) =>
          n === names[0]
            ? `// Loaded at import, so that no first validation pays for the method table.\nconst ${n} = require('./${n}/loaders.cjs');\n/** The root loaders and the method table of ${n}. */\nexports.${n} = () => ${n};\n`
            : // The experimental table loads on its first validation: most programs speak the stable API (one
              // that speaks the experimental one imports `@cask/validators/experimental`, which loads it at import).
              `/** Loads the root loaders and the method table of ${n} (on its first validation). */\nexports.${n} = () => require('./${n}/loaders.cjs');\n`,
        )
        .join(''),
  );
  writeFileSync(
    path.join(tmp, 'index.d.cts'),
    HEADER('types') +
      names
        .map(
          (n) =>
            `/** Loads the root loaders of ${n}. */\nexport declare const ${n}: () => typeof import('./${n}/loaders.cjs');\n`,
        )
        .join(''),
  );
}

const TABLE_DTS = `/** The method names of each union, in schema order. */
export declare const table: {
  bundle: string;
  source: string;
  lists: Record<'ClientRequest' | 'ClientNotification' | 'ServerRequest' | 'ServerNotification', string[]>;
};
`;
const LOADERS_DTS = `/** A generated validate function: true when the value is valid. */
export type FastValidator = (data: unknown) => boolean;
/** One method of a union. */
export interface MethodRow {
  method: string;
  /** Index of the root validating the params member, or null when the method takes none. */
  params: number | null;
  paramsRequired: boolean;
  /** Requests only: index of the root validating the result, or null when unknown. */
  result?: number | null;
  /** Requests only: where the result link came from. */
  resultSource?: 'x-result' | 'convention' | null;
}
/** One loader per root. */
export declare const roots: ReadonlyArray<() => FastValidator>;
/** Which root validates what. */
export declare const table: {
  methods: Record<'ClientRequest' | 'ClientNotification' | 'ServerRequest' | 'ServerNotification', MethodRow[]>;
  envelopes: Partial<Record<'JSONRPCRequest' | 'JSONRPCNotification' | 'JSONRPCResponse' | 'JSONRPCError', number>>;
  /**
   * When the request, notification and response envelopes have the usual shape, the members of
   * each that must be absent for the quick hand-written envelope test (else the envelope validator
   * decides); null when the schema's envelopes differ, so only the envelope validators are used.
   */
  quickEnvelope: { request: string[]; notification: string[]; response: string[] } | null;
  /** Schema pointer (into the bundle) where explaining a failure of each root starts. */
  pointers: string[];
};
/** Loads the bundle's definitions. */
export declare const schema: () => typeof import('./schema.cjs');
`;
const SCHEMA_DTS = `/** The bundle's definitions, documentation dropped. */
export declare const definitions: Record<string, unknown>;
/** String formats used by the schema. */
export declare const stringFormats: Record<string, RegExp>;
`;

// ---------------------------------------------------------------- main

async function main() {
  const dir = schemaDir();
  const bundles = readBundles(dir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const ranges = await numericRanges(tmp);
    const warnings = [];
    const plans = bundles.map((b) => planBundle(b, warnings, ranges));
    const shared = sharedUnits(plans);
    const sharedEntries = sharedSchemaEntries(plans);
    mkdirSync(path.join(tmp, 'shared'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'shared', 'schema.cjs'),
      HEADER('definitions identical in every bundle, docs dropped') +
        `'use strict';\nexports.entries = ${JSON.stringify(Object.fromEntries(sharedEntries))};\n`,
    );
    const written = new Set();
    const embedHost = embedding(plans);
    const partners = resultPartners(plans, shared, embedHost);
    for (const plan of plans) {
      const { units, roots } = emitBundle(plan, shared, sharedEntries, ranges, tmp, written, embedHost, partners);
      const count = Object.values(plan.methods).reduce((n, rows) => n + rows.length, 0);
      console.log(
        `build-validators: ${plan.name}: ${count} methods, ${roots} roots, ${units} definitions (${[...plan.units.keys()].filter((p) => shared.has(p)).length} shared)`,
      );
    }
    writeBothEntry(
      tmp,
      plans.map((p) => p.name),
    );
    for (const w of new Set(warnings)) console.warn(`build-validators: warning: ${w}`);
    const source = dir === path.dirname(require.resolve('@cask/schema/package.json')) ? '@cask/schema' : dir;
    const digest = createHash('sha256')
      .update(bundles.map((b) => readFileSync(b.file)).join('\n'))
      .digest('hex')
      .slice(0, 16);
    writeFileSync(
      path.join(tmp, 'README.md'),
      `# generated/\n\nGenerated by \`scripts/build-validators.mjs\` from ${source} (schema sha256 ${digest}).\n` +
        `Do not edit; regenerate with \`pnpm --filter @cask/validators build\`.\n\n` +
        `- \`shared/\`: definitions identical in both bundles\n` +
        `- \`stable/\`, \`experimental/\`: the rest, \`table.js\` (method names), \`loaders.cjs\` (method table, loaders), \`schema.cjs\` (for error messages)\n- \`index.cjs\`: the stub \`@cask/validators\` imports\n`,
    );
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  // Swap in: the old folder is moved aside first, and removed only once the new one is in place.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(`build-validators: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
});
