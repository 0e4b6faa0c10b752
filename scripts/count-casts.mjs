#!/usr/bin/env node
// Counts type assertions (`x as T`, `<T>x`) in packages/*/src, per package, with the TypeScript parser.
// Not counted: `as const`, and the `as` of import/export renames (they are not assertions);
// `x as unknown as T` counts once.
// A cast counts as explained when a `//` comment sits on its line or on the line above it.
//
//   node scripts/count-casts.mjs            table per package
//   node scripts/count-casts.mjs --list     also every cast, file:line, with its text
//   node scripts/count-casts.mjs --json     machine-readable
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({ options: { list: { type: 'boolean' }, json: { type: 'boolean' } } });

/** Every .ts/.tsx file under `dir`, sorted. */
function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function isAsConst(node) {
  return ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const';
}

/** The casts of one file: line, text and whether a comment explains it. */
function castsIn(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found = [];
  const visit = (node) => {
    if ((ts.isAsExpression(node) && !isAsConst(node)) || ts.isTypeAssertionExpression(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const explained = /\/\/\s*\S/.test(lines[line] ?? '') || /^\s*\/\/\s*\S/.test(lines[line - 1] ?? '');
      found.push({ line: line + 1, text: node.getText(source).replace(/\s+/g, ' ').slice(0, 100), explained });
      // `x as unknown as T` is one cast: skip the inner assertion.
      let inner = node.expression;
      while (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
      visit(inner);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const packagesDir = join(root, 'packages');
const report = [];
for (const pkg of readdirSync(packagesDir).sort()) {
  const src = join(packagesDir, pkg, 'src');
  let files;
  try {
    files = sourceFiles(src);
  } catch {
    continue; // no src/ folder
  }
  const casts = files.flatMap((file) => castsIn(file).map((c) => ({ file: relative(root, file), ...c })));
  report.push({
    package: pkg,
    casts: casts.length,
    explained: casts.filter((c) => c.explained).length,
    unexplained: casts.filter((c) => !c.explained).length,
    list: casts,
  });
}

if (flags.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log('package        casts  explained  unexplained');
  for (const r of report) {
    console.log(
      `${r.package.padEnd(14)} ${String(r.casts).padStart(5)}  ${String(r.explained).padStart(9)}  ${String(r.unexplained).padStart(11)}`,
    );
  }
  const total = report.reduce((n, r) => n + r.casts, 0);
  console.log(`${'total'.padEnd(14)} ${String(total).padStart(5)}`);
  if (flags.list) {
    for (const r of report) {
      for (const c of r.list)
        console.log(`${c.file}:${c.line}  ${c.explained ? 'explained  ' : 'unexplained'}  ${c.text}`);
    }
  }
}
