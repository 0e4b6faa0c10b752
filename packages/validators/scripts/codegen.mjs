/**
 * The code generator of the fast validators: turns one prepared schema unit (see `prepare` in
 * build-validators.mjs: annotations dropped, `$ref`s to other units as `x-ref`, formats as `x-format`,
 * tagged unions as `x-tag`/`x-tagged`) into one JavaScript function that answers only "valid or not".
 *
 * Why not ajv's code generator: its output is built for collecting errors (counters, per-keyword
 * bookkeeping, error objects), which a yes/no validator never reads; a first validation has to load and
 * compile all of it. This writes the same checks, with ajv's semantics for every keyword the build
 * accepts (the failure explainer, src/interpret.ts, follows the same rules), as straight-line code that
 * returns `false` at the first failure. test/codegen.test.ts checks it against ajv keyword by keyword.
 *
 * Build-time only (not shipped); no dependencies.
 */

// The helper functions the generated code may call (written into each module that calls them): our own
// code, no ajv at run time.
const HELPERS = {
  /** Length of a string in Unicode code points (a surrogate pair counts once), as JSON Schema counts it. */
  ucs2length: `function ucs2length(str) {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    length++;
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return length;
}`,
  /** Deep equality of two JSON values. */
  equal: `function equal(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
}`,
};

/** The JavaScript condition for one numeric format range on `v` (the same test as src/formats.ts). */
export function numericCondition(range, v) {
  if (!range.integer) return `isFinite(${v})`;
  if (range.min === Number.MIN_SAFE_INTEGER && range.max === Number.MAX_SAFE_INTEGER)
    return `Number.isSafeInteger(${v})`;
  if (range.min === 0 && range.max === Number.MAX_SAFE_INTEGER) return `Number.isSafeInteger(${v})&&${v}>=0`;
  return `Number.isInteger(${v})&&${v}>=${range.min}&&${v}<=${range.max}`;
}

/** A name that JavaScript accepts after a dot (what ajv writes as `data.name`). */
const IDENTIFIER = /^[A-Za-z$_][A-Za-z$_0-9]*$/;
/** Property access as ajv writes it (a prototype's members are seen, as with ajv's default `ownProperties: false`). */
const member = (v, name) => (IDENTIFIER.test(name) ? `${v}.${name}` : `${v}[${JSON.stringify(name)}]`);
const literal = (x) => JSON.stringify(x);
const isPrimitive = (x) => x === null || typeof x !== 'object';

/**
 * The test that `v` has one JSON type, as ajv writes it (numbers must be finite: `strictNumbers`).
 * `objectTest()` names the object test, a function of its own (it is written at many places).
 */
function typeTest(type, v, objectTest) {
  switch (type) {
    case 'string':
      return `typeof ${v}=="string"`;
    case 'number':
      return `(typeof ${v}=="number"&&isFinite(${v}))`;
    case 'integer':
      return `Number.isInteger(${v})`;
    case 'boolean':
      return `typeof ${v}=="boolean"`;
    case 'null':
      return `${v}===null`;
    case 'array':
      return `Array.isArray(${v})`;
    case 'object':
      return `${objectTest()}(${v})`;
    default:
      throw new Error(`unknown type "${type}"`);
  }
}

/** The JSON type of a value, as the type keyword names it (a whole number is an integer and a number). */
const typesOf = (x) =>
  x === null
    ? ['null']
    : Array.isArray(x)
      ? ['array']
      : typeof x === 'object'
        ? ['object']
        : typeof x === 'number'
          ? Number.isInteger(x)
            ? ['integer', 'number']
            : ['number']
          : [typeof x];

/**
 * Whether the type test can be left out: the data is already known to be of the one type (`known`), or
 * `enum`/`const` allow only values of the listed types (then their own test decides).
 */
function impliedType(s, types, known) {
  if (known !== undefined && types.length === 1 && types[0] === known) return true;
  const allowed = Object.hasOwn(s, 'const') ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
  return (
    allowed !== undefined && allowed.every((x) => typeof x !== 'number' && typesOf(x).some((t) => types.includes(t)))
  );
}

/** Whether a schema fails on `undefined` by its own tests (a type, enum or const; or only such branches). */
function rejectsUndefined(s) {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return false;
  if (s.type !== undefined || Array.isArray(s.enum) || Object.hasOwn(s, 'const') || Array.isArray(s['x-tagged']))
    return true;
  for (const k of ['anyOf', 'oneOf'])
    if (Array.isArray(s[k]) && s[k].length && s[k].every(rejectsUndefined)) return true;
  return Array.isArray(s.allOf) && s.allOf.some(rejectsUndefined);
}

/** Keywords that apply only to data of one type (ajv's rule groups), by that type. */
const GROUPS = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'],
  string: ['maxLength', 'minLength', 'pattern'],
  array: ['maxItems', 'minItems', 'uniqueItems', 'items', 'additionalItems'],
  object: ['maxProperties', 'minProperties', 'required', 'properties', 'patternProperties', 'additionalProperties'],
};
const HANDLED = new Set([
  'type',
  'enum',
  'const',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'x-ref',
  'x-format',
  'x-tag',
  'x-tagged',
  ...Object.values(GROUPS).flat(),
]);
const LIMIT = { maximum: '>', minimum: '<', exclusiveMaximum: '>=', exclusiveMinimum: '<=' };

/**
 * Compiles one unit. `unit`: `{ pointer, stringFormats }` (the string formats used are added to it).
 * `ctx`: `{ ranges, stringFormat(name) -> RegExp | undefined, numericCondition(range, v) -> code,
 * nameOf(pointer) -> the name of a unit's validate function, constant(key, code, prefix) -> the name of a
 * module-level constant }`. Returns `{ fn, code, deps, constants }`: the name of the validate function,
 * its declaration, the other units it calls, and the constants it reads (names given by `ctx.constant`).
 */
export function compileUnit(unit, schema, ctx) {
  const fn = ctx.nameOf(unit.pointer);
  const deps = new Set();
  const constants = new Set();
  const constant = (key, code, prefix) => {
    const name = ctx.constant(key, code, prefix);
    constants.add(name);
    return name;
  };
  const local = (target) => {
    if (target !== unit.pointer) deps.add(target);
    return ctx.nameOf(target);
  };
  const helper = (name) => constant(`helper:${name}`, `(${HELPERS[name]})`, name);
  const regexp = (source, flags) => {
    try {
      new RegExp(source, flags); // a pattern the engine rejects stops the build, not the first validation
    } catch (err) {
      throw new Error(`${unit.pointer}: pattern ${literal(source)}: ${err.message}`, { cause: err });
    }
    return constant(
      `re:${flags}:${source}`,
      `new RegExp(${literal(source)}${flags ? `,${literal(flags)}` : ''})`,
      're',
    );
  };
  // Patterns are Unicode regular expressions, as ajv's default and src/interpret.ts read them.
  const pattern = (source) => regexp(source, 'u');
  const isObject = () => constant('isObject', '(x)=>x!==null&&typeof x=="object"&&!Array.isArray(x)', 'isObj');
  const typeOf = (type, v) => typeTest(type, v, isObject);
  let vars = 0;
  const fresh = (prefix) => `${prefix}${++vars}`;

  /** Whether a schema accepts everything. */
  const isTrue = (s) => s === true || (s && typeof s === 'object' && !Array.isArray(s) && Object.keys(s).length === 0);

  /** A value equal to `x` (deep for objects and arrays, as ajv's `equal`). */
  const equals = (v, x) => (isPrimitive(x) ? `${v}===${literal(x)}` : `${helper('equal')}(${v},${literal(x)})`);

  /**
   * Statements that check `v` (an identifier) against schema `s` and run `fail` (a statement that leaves:
   * `return false` or `break L`) when it does not pass.
   */
  function check(s, v, fail, known) {
    if (isTrue(s)) return '';
    if (s === false) return `${fail};`;
    if (!s || typeof s !== 'object' || Array.isArray(s))
      throw new Error(`${unit.pointer}: not a schema: ${literal(s)}`);
    for (const k of Object.keys(s)) if (!HANDLED.has(k)) throw new Error(`${unit.pointer}: keyword "${k}" not handled`);
    let out = '';
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
    const numericFormat = typeof s['x-format'] === 'string' && ctx.ranges[s['x-format']];
    const stringFormat = typeof s['x-format'] === 'string' && !numericFormat ? s['x-format'] : undefined;
    // An integer format's test (Number.isSafeInteger, ...) passes only finite whole numbers: it is the number
    // type's test as well (no other number keyword then needs a type test of its own).
    const folded =
      numericFormat && numericFormat.integer === true && types.some((t) => t === 'number' || t === 'integer');
    const typeCode = (t) =>
      folded && (t === 'number' || t === 'integer') ? `(${ctx.numericCondition(numericFormat, v)})` : typeOf(t, v);
    if (types.length && !impliedType(s, types, known)) out += `if(!(${types.map(typeCode).join('||')}))${fail};`;
    if (Object.hasOwn(s, 'const')) out += `if(!(${equals(v, s.const)}))${fail};`;
    if (Array.isArray(s.enum)) out += `if(!(${s.enum.map((x) => equals(v, x)).join('||') || 'false'}))${fail};`;
    // Keywords of one type, checked only for data of that type (no test needed when the type is already known).
    const only = types.length === 1 ? (types[0] === 'integer' ? 'number' : types[0]) : undefined;
    for (const [type, keywords] of Object.entries(GROUPS)) {
      let body = '';
      for (const k of keywords) if (Object.hasOwn(s, k)) body += keyword(k, s, v, fail);
      if (type === 'number' && numericFormat && !folded)
        body += `if(!(${ctx.numericCondition(numericFormat, v)}))${fail};`;
      if (type === 'number' && folded && body) {
        out += only === 'number' ? body : `if(typeof ${v}=="number"){${body}}`;
        continue;
      }
      if (type === 'string' && stringFormat !== undefined) {
        const re = ctx.stringFormat(stringFormat);
        if (!re)
          throw new Error(
            `format "${stringFormat}" is not supported (add it to src/formats.ts or use a standard format)`,
          );
        unit.stringFormats.set(stringFormat, re);
        body += `if(!${regexp(re.source, re.flags)}.test(${v}))${fail};`;
      }
      if (!body) continue;
      out += only === type ? body : `if(${typeOf(type, v)}){${body}}`;
    }
    if (typeof s['x-ref'] === 'string') out += `if(!${local(s['x-ref'])}(${v}))${fail};`;
    if (Array.isArray(s.allOf)) for (const sub of s.allOf) out += check(sub, v, fail);
    if (Array.isArray(s.anyOf)) out += anyOf(s.anyOf, v, fail);
    if (Array.isArray(s.oneOf)) out += oneOf(s.oneOf, v, fail);
    if (s.not !== undefined) {
      const e = expression(s.not, v);
      if (e !== undefined) out += `if(${e})${fail};`;
      else {
        const label = fresh('L');
        out += `${label}:{${check(s.not, v, `break ${label}`)}${fail};}`;
      }
    }
    if (Array.isArray(s['x-tagged'])) out += tagged(s['x-tag'], s['x-tagged'], v, fail);
    return out;
  }

  /** A boolean expression for a schema made of cheap tests only (type, const, enum, a reference), else undefined. */
  function expression(s, v) {
    if (isTrue(s)) return 'true';
    if (s === false) return 'false';
    if (!s || typeof s !== 'object' || Array.isArray(s)) return undefined;
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
    const format = typeof s['x-format'] === 'string' ? ctx.ranges[s['x-format']] : undefined;
    // An integer format on a number: its test is the type test too (see check()).
    const folded = format?.integer === true && types.some((t) => t === 'number' || t === 'integer');
    if (s['x-format'] !== undefined && !folded) return undefined;
    const parts = [];
    for (const k of Object.keys(s)) {
      if (k === 'type') {
        if (impliedType(s, types)) continue;
        const codes = types.map((t) =>
          folded && (t === 'number' || t === 'integer') ? `(${ctx.numericCondition(format, v)})` : typeOf(t, v),
        );
        parts.push(codes.length === 1 ? codes[0] : `(${codes.join('||')})`);
      } else if (k === 'x-format') continue;
      else if (k === 'const') parts.push(equals(v, s.const));
      else if (k === 'enum' && Array.isArray(s.enum))
        parts.push(
          s.enum.length === 1 ? equals(v, s.enum[0]) : `(${s.enum.map((x) => equals(v, x)).join('||') || 'false'})`,
        );
      else if (k === 'x-ref' && typeof s['x-ref'] === 'string') parts.push(`${local(s['x-ref'])}(${v})`);
      else if (k === 'anyOf' && Array.isArray(s.anyOf)) {
        const exprs = s.anyOf.map((b) => expression(b, v));
        if (exprs.some((e) => e === undefined)) return undefined;
        parts.push(`(${exprs.join('||') || 'false'})`);
      } else return undefined;
    }
    return parts.join('&&') || 'true';
  }

  /** anyOf: passes on the first branch that passes (branches are tried in order). */
  function anyOf(branches, v, fail) {
    const exprs = branches.map((b) => expression(b, v));
    if (exprs.every((e) => e !== undefined)) return `if(!(${exprs.join('||')}))${fail};`;
    const ok = fresh('ok');
    let out = `let ${ok}=false;`;
    branches.forEach((b, i) => {
      const label = fresh('L');
      const body =
        exprs[i] !== undefined
          ? `if(${exprs[i]})${ok}=true;`
          : `${label}:{${check(b, v, `break ${label}`)}${ok}=true;}`;
      out += i === 0 ? body : `if(!${ok}){${body}}`;
    });
    return `${out}if(!${ok})${fail};`;
  }

  /** oneOf: exactly one branch passes. */
  function oneOf(branches, v, fail) {
    const exprs = branches.map((b) => expression(b, v));
    if (exprs.every((e) => e !== undefined)) return `if((${exprs.map((e) => `(${e}?1:0)`).join('+')})!==1)${fail};`;
    const n = fresh('n');
    let out = `let ${n}=0;`;
    branches.forEach((b, i) => {
      const label = fresh('L');
      out += exprs[i] !== undefined ? `if(${exprs[i]})${n}++;` : `${label}:{${check(b, v, `break ${label}`)}${n}++;}`;
    });
    return `${out}if(${n}!==1)${fail};`;
  }

  /** A tagged union: only the branches pinning the tag to the value the data carries are tried. */
  function tagged(tag, branches, v, fail) {
    const { kind, prop, values } = tag;
    const groups = new Map();
    values.forEach((x, i) => groups.set(x, [...(groups.get(x) ?? []), i]));
    const t = fresh('t');
    let out = `if(!${typeOf('object', v)})${fail};const ${t}=${member(v, prop)};switch(${t}){`;
    for (const [x, indexes] of groups) {
      const members = indexes.map((i) => branches[i]);
      out += `case ${literal(x)}:${members.length === 1 ? check(members[0], v, fail, 'object') : kind === 'anyOf' ? anyOf(members, v, fail) : oneOf(members, v, fail)}break;`;
    }
    return `${out}default:${fail};}`;
  }

  /** The code of one keyword of a type group; `v` is known to be of that type. */
  function keyword(k, s, v, fail) {
    const x = s[k];
    switch (k) {
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum':
        return `if(${v}${LIMIT[k]}${literal(x)})${fail};`;
      case 'multipleOf': {
        const r = fresh('r');
        return `{const ${r}=${v}/${literal(x)};if(${literal(x)}===0||${r}!==parseInt(${r}))${fail};}`;
      }
      case 'maxLength':
        return `if(${helper('ucs2length')}(${v})>${literal(x)})${fail};`;
      case 'minLength':
        return `if(${helper('ucs2length')}(${v})<${literal(x)})${fail};`;
      case 'pattern':
        return `if(!${pattern(x)}.test(${v}))${fail};`;
      case 'maxItems':
        return `if(${v}.length>${literal(x)})${fail};`;
      case 'minItems':
        return `if(${v}.length<${literal(x)})${fail};`;
      case 'uniqueItems': {
        if (!x) return '';
        const [i, j] = [fresh('i'), fresh('j')];
        return `for(let ${i}=${v}.length;${i}-->1;)for(let ${j}=${i};${j}-->0;)if(${helper('equal')}(${v}[${i}],${v}[${j}]))${fail};`;
      }
      case 'items':
        return items(s, v, fail);
      case 'additionalItems':
        return ''; // with items (see items())
      case 'maxProperties':
        return `if(Object.keys(${v}).length>${literal(x)})${fail};`;
      case 'minProperties':
        return `if(Object.keys(${v}).length<${literal(x)})${fail};`;
      case 'required': {
        // A member whose own schema already fails on undefined needs no test of its own (see properties()).
        const props = s.properties ?? {};
        const tested = x.filter((p) => !(Object.hasOwn(props, p) && rejectsUndefined(props[p])));
        return tested.length ? `if(${tested.map((p) => `${member(v, p)}===void 0`).join('||')})${fail};` : '';
      }
      case 'properties':
        return properties(s, v, fail);
      case 'patternProperties':
      case 'additionalProperties':
        return k === 'additionalProperties' || s.additionalProperties === undefined ? otherProperties(s, v, fail) : '';
      default:
        throw new Error(`keyword ${k}`);
    }
  }

  function items(s, v, fail) {
    const each = (sub, from) => {
      const body = (e) => check(sub, e, fail);
      const i = fresh('i');
      const e = fresh('e');
      const code = body(e);
      return code ? `for(let ${i}=${from};${i}<${v}.length;${i}++){const ${e}=${v}[${i}];${code}}` : '';
    };
    if (!Array.isArray(s.items)) return each(s.items, 0);
    // A tuple: the first items each against their schema; the rest against additionalItems.
    let out = '';
    s.items.forEach((sub, n) => {
      const e = fresh('e');
      const code = check(sub, e, fail);
      if (code) out += `if(${v}.length>${n}){const ${e}=${v}[${n}];${code}}`;
    });
    if (s.additionalItems === false) out += `if(${v}.length>${s.items.length})${fail};`;
    else if (s.additionalItems !== undefined) out += each(s.additionalItems, s.items.length);
    return out;
  }

  function properties(s, v, fail) {
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    let out = '';
    for (const [name, sub] of Object.entries(s.properties)) {
      if (isTrue(sub)) continue;
      const p = fresh('p');
      const e = expression(sub, p);
      // A required member is known to be there (the required test ran first).
      if (e !== undefined) {
        out += required.has(name)
          ? `const ${p}=${member(v, name)};if(!(${e}))${fail};`
          : `const ${p}=${member(v, name)};if(${p}!==void 0&&!(${e}))${fail};`;
        continue;
      }
      const code = check(sub, p, fail);
      out += required.has(name)
        ? `const ${p}=${member(v, name)};${code}`
        : `const ${p}=${member(v, name)};if(${p}!==void 0){${code}}`;
    }
    return out;
  }

  /** patternProperties and additionalProperties: one loop over the keys of the object. */
  function otherProperties(s, v, fail) {
    const patterns = Object.entries(s.patternProperties ?? {});
    const extra = s.additionalProperties;
    const k = fresh('k');
    let body = '';
    for (const [source, sub] of patterns) {
      const e = fresh('e');
      const code = check(sub, e, fail);
      if (code) body += `if(${pattern(source)}.test(${k})){const ${e}=${v}[${k}];${code}}`;
    }
    if (extra !== undefined && !isTrue(extra)) {
      const names = Object.keys(s.properties ?? {});
      const known = [
        ...(names.length > 8
          ? [`${constant(`set:${literal(names)}`, `new Set(${literal(names)})`, 'names')}.has(${k})`]
          : names.map((n) => `${k}===${literal(n)}`)),
        ...patterns.map(([source]) => `${pattern(source)}.test(${k})`),
      ];
      const e = fresh('e');
      const code = extra === false ? `${fail};` : `const ${e}=${v}[${k}];${check(extra, e, fail)}`;
      body += known.length ? `if(!(${known.join('||')})){${code}}` : code;
    }
    return body ? `for(const ${k} in ${v}){${body}}` : '';
  }

  const body = check(schema, 'd', 'return false');
  return { fn, code: `function ${fn}(d){${body}return true}`, deps, constants };
}
