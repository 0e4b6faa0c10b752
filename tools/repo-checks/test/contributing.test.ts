/**
 * Keeps CONTRIBUTING.md honest: every shell command in its ```sh blocks must name something that exists on a fresh
 * clone (a root or package script, a workspace package, a vitest project, a file), and the cheap, side-effect-free
 * ones are run. A command of a kind this test does not know fails it, so a new kind of command gets a rule here
 * instead of slipping through unchecked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface PackageJson {
  name: string;
  packageManager?: string;
  scripts?: Record<string, string>;
}

function readJson(path: string): PackageJson {
  // Our own package.json files: a name and optional scripts.
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

const rootPkg = readJson(join(root, 'package.json'));
const workspaces = new Map<string, { dir: string; pkg: PackageJson }>();
// The workspace folders, as pnpm-workspace.yaml lists them (`- group/*` entries).
const groups = [
  ...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s+-\s+["']?([\w-]+)\/\*["']?\s*$/gm),
].map((m) => m[1] ?? '');
for (const group of groups) {
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, 'package.json');
    if (existsSync(file)) {
      const pkg = readJson(file);
      workspaces.set(pkg.name, { dir: join(root, group, name), pkg });
    }
  }
}
const schemaPkg = readJson(join(root, 'schema', 'package.json'));
workspaces.set(schemaPkg.name, { dir: join(root, 'schema'), pkg: schemaPkg });

/** Vitest project names, read from each project's vitest.config.ts. */
const vitestProjects = new Set(
  [...workspaces.values()]
    .map(({ dir }) => join(dir, 'vitest.config.ts'))
    .filter((file) => existsSync(file))
    .map((file) => /name: '([^']+)'/.exec(readFileSync(file, 'utf8'))?.[1])
    .filter((name): name is string => name !== undefined),
);

/** pnpm's own commands that a guide may use next to scripts. */
const PNPM_BUILTINS = new Set(['install', 'add']);

/** Commands cheap and harmless enough to run here (no writes, no network, a few seconds), with what they print. */
const RUN = new Map<string, RegExp>([
  ['pnpm casts', /protocol\s+\d+/],
  ['pnpm codex-release:check', /0 file\(s\) out of date, 0 hand-written/],
]);

/** The shell commands of CONTRIBUTING.md's sh blocks: one per `&&`-separated part of a line, comments removed. */
function commands(markdown: string): string[] {
  const out: string[] = [];
  for (const [, body = ''] of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of body.split('\n')) {
      const code = line.replace(/(^|\s)#.*$/, '').trim();
      if (code) out.push(...code.split('&&').map((part) => part.trim()));
    }
  }
  return out;
}

/** What is wrong with `command`, or undefined when it checks out. */
function problem(command: string): string | undefined {
  const words = command.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
  const [tool, ...args] = words;
  const hasScript = (pkg: PackageJson, script: string | undefined) =>
    script !== undefined && pkg.scripts?.[script] !== undefined;
  switch (tool) {
    case 'npm': {
      // Only the pnpm install of the set-up, and it must match packageManager.
      const wanted = `pnpm@${rootPkg.packageManager?.replace(/^pnpm@/, '') ?? ''}`;
      if (args.join(' ') !== `i -g ${wanted}`) return `expected "npm i -g ${wanted}" (the packageManager field)`;
      return undefined;
    }
    case 'pnpm': {
      if (args[0] === '--filter') {
        const name = (args[1] ?? '').replace(/\.\.\.$/, '');
        const ws = workspaces.get(name);
        if (!ws) return `no workspace package named ${name}`;
        if (!hasScript(ws.pkg, args[2])) return `${name} has no script "${args[2] ?? ''}"`;
        return undefined;
      }
      if (args[0] !== undefined && PNPM_BUILTINS.has(args[0])) return undefined;
      if (!hasScript(rootPkg, args[0])) return `the root package.json has no script "${args[0] ?? ''}"`;
      return undefined;
    }
    case 'npx': {
      const [bin, ...rest] = args;
      if (bin === 'vitest') {
        if (rest[0] !== 'run') return 'use "npx vitest run" (no watch mode in a guide)';
        for (let i = 1; i < rest.length; i++) {
          const arg = rest[i] ?? '';
          if (arg === '--project') {
            const name = rest[++i] ?? '';
            if (!vitestProjects.has(name)) return `no vitest project named ${name}`;
          } else if (!arg.startsWith('-') && !existsSync(join(root, arg))) return `${arg} does not exist`;
        }
        return undefined;
      }
      if (bin === 'prettier' || bin === 'eslint') {
        const paths = rest.filter((a) => !a.startsWith('-'));
        if (paths.length === 0) return `${bin} without a path`;
        const missing = paths.find((p) => !existsSync(join(root, p)));
        return missing === undefined ? undefined : `${missing} does not exist`;
      }
      return `npx ${bin ?? ''} is not a tool this repository uses`;
    }
    case 'node': {
      const file = args[0] ?? '';
      return existsSync(join(root, file)) ? undefined : `${file} does not exist`;
    }
    default:
      return `unknown command "${tool ?? ''}": teach tools/repo-checks/test/contributing.test.ts how to check it`;
  }
}

const guide = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
const all = commands(guide);

describe('CONTRIBUTING.md', () => {
  it('shows the set-up, the daily commands and the routines as commands', () => {
    expect(all).toEqual(
      expect.arrayContaining([
        'pnpm install --frozen-lockfile',
        'pnpm format:check',
        'pnpm lint',
        'pnpm test',
        'pnpm codegen',
        'pnpm changeset',
        'pnpm bench',
      ]),
    );
  });

  it.each(all)('`%s` names something that exists', (command) => {
    expect(problem(command)).toBeUndefined();
  });

  it('the checker rejects commands that do not exist (it has teeth)', () => {
    expect(problem('pnpm no-such-script')).toMatch(/no script "no-such-script"/);
    expect(problem('pnpm --filter @cask/nope build')).toMatch(/no workspace package/);
    expect(problem('pnpm --filter @cask/protocol bench')).toMatch(/has no script "bench"/);
    expect(problem('npx vitest run --project @cask/nope')).toMatch(/no vitest project/);
    expect(problem('npx vitest run packages/nope/test')).toMatch(/does not exist/);
    expect(problem('node scripts/nope.mjs')).toMatch(/does not exist/);
    expect(problem('make all')).toMatch(/unknown command/);
    expect(problem('npm i -g pnpm@9.0.0')).toMatch(/packageManager/);
  });

  it.each([...RUN].filter(([c]) => all.includes(c)))('`%s` runs and exits 0', (command, expected) => {
    const [tool = '', ...args] = command.split(' ');
    const output = execFileSync(tool, args, { cwd: root, encoding: 'utf8' });
    expect(output).toMatch(expected);
  });

  it('runs every cheap command it knows of', () => {
    expect([...RUN.keys()].filter((c) => !all.includes(c))).toEqual([]);
  });
});
