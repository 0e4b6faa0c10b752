/**
 * `--codex <version|path>`: upstream's own schema, printed by a release's `codex app-server generate-json-schema`
 * into a temporary folder. A path is run as is; a version is looked for in the `@openai/codex` installed next to the
 * current folder, then in the install cache, and otherwise installed there from the npm registry with `npm install`.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isObject, parseJson } from './json.js';
import { SchemaInputError } from './load.js';

/** The stderr text of a failed `execFileSync`, or '' when it has none. */
function stderrOf(err: unknown): string {
  if (!(err instanceof Error) || !('stderr' in err)) return '';
  const stderr = err.stderr;
  if (Buffer.isBuffer(stderr)) return stderr.toString('utf8');
  return typeof stderr === 'string' ? stderr : '';
}

/** The npm package that ships the `codex` binary. */
export const CODEX_PACKAGE = '@openai/codex';

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** A runnable codex: the command and the arguments that come before the sub-command. */
export interface CodexCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Where it came from, for messages. */
  readonly origin: string;
}

/** Folder that holds one `npm install` per codex version (`$CASK_CODEX_CACHE`, else `<tmp>/cask-codex`). */
export function codexCacheDir(): string {
  return process.env['CASK_CODEX_CACHE'] ?? path.join(tmpdir(), 'cask-codex');
}

function launcherOf(pkgJson: string): string | undefined {
  const pkg = parseJson(readFileSync(pkgJson, 'utf8'));
  if (!isObject(pkg)) return undefined;
  const bin = pkg['bin'];
  const rel =
    typeof bin === 'string' ? bin : isObject(bin) && typeof bin['codex'] === 'string' ? bin['codex'] : undefined;
  return rel !== undefined ? path.join(path.dirname(pkgJson), rel) : undefined;
}

function versionOf(pkgJson: string): string | undefined {
  const pkg = parseJson(readFileSync(pkgJson, 'utf8'));
  return isObject(pkg) && typeof pkg['version'] === 'string' ? pkg['version'] : undefined;
}

/** The `@openai/codex` resolvable from `dir` (a project's own install), if it is `version`. */
function installedNear(dir: string, version: string): string | undefined {
  try {
    const pkgJson = createRequire(path.join(dir, 'package.json')).resolve(`${CODEX_PACKAGE}/package.json`);
    return versionOf(pkgJson) === version ? launcherOf(pkgJson) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds or installs codex `version` and returns how to run it.
 *
 * @param log - progress messages (an install prints one line)
 * @throws SchemaInputError when the version is malformed or the install fails (with npm's own error)
 */
export function codexForVersion(version: string, log: (line: string) => void = () => undefined): CodexCommand {
  if (!VERSION.test(version))
    throw new SchemaInputError(
      `--codex ${JSON.stringify(version)}: expected a release version such as 0.171.0, or a path to a codex binary`,
    );
  const near = installedNear(process.cwd(), version);
  if (near !== undefined)
    return { command: process.execPath, args: [near], origin: `${CODEX_PACKAGE}@${version} (installed)` };
  const dir = path.join(codexCacheDir(), version);
  const pkgJson = path.join(dir, 'node_modules', '@openai', 'codex', 'package.json');
  if (!existsSync(pkgJson)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    log(`installing ${CODEX_PACKAGE}@${version} into ${dir} ...`);
    try {
      execFileSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', dir, `${CODEX_PACKAGE}@${version}`],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 300_000,
          shell: process.platform === 'win32',
        },
      );
    } catch (err) {
      const stderr = stderrOf(err);
      rmSync(dir, { recursive: true, force: true }); // leave no half-installed copy behind
      throw new SchemaInputError(
        `--codex ${version}: npm install ${CODEX_PACKAGE}@${version} failed: ${stderr.trim() || String(err)}`,
      );
    }
  }
  const launcher = existsSync(pkgJson) ? launcherOf(pkgJson) : undefined;
  if (launcher === undefined || !existsSync(launcher))
    throw new SchemaInputError(`--codex ${version}: ${CODEX_PACKAGE} installed in ${dir} has no codex launcher`);
  return { command: process.execPath, args: [launcher], origin: `${CODEX_PACKAGE}@${version} (${dir})` };
}

/** How to run the codex at `file` (a native binary, or the npm package's JavaScript launcher). */
export function codexAtPath(file: string): CodexCommand {
  if (!existsSync(file)) throw new SchemaInputError(`--codex ${file}: no such file`);
  return /\.[cm]?js$/.test(file)
    ? { command: process.execPath, args: [file], origin: file }
    : { command: file, args: [], origin: file };
}

/** Resolves a `--codex` value: a path when it names an existing file or contains a path separator, else a version. */
export function resolveCodex(spec: string, log?: (line: string) => void): CodexCommand {
  return existsSync(spec) || spec.includes('/') || spec.includes('\\') ? codexAtPath(spec) : codexForVersion(spec, log);
}

/** A generated schema folder and how to remove it. */
export interface GeneratedSchema {
  readonly dir: string;
  /** The version codex reports (`codex --version`), or the origin when it reports none. */
  readonly version: string;
  dispose(): void;
}

/**
 * Runs `codex app-server generate-json-schema --out <temp> [--experimental]`.
 *
 * @throws SchemaInputError with codex's stderr when generation fails
 */
export function generateSchema(codex: CodexCommand, experimental: boolean): GeneratedSchema {
  const dir = mkdtempSync(path.join(tmpdir(), 'cask-schema-'));
  const args = [
    ...codex.args,
    'app-server',
    'generate-json-schema',
    '--out',
    dir,
    ...(experimental ? ['--experimental'] : []),
  ];
  try {
    execFileSync(codex.command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = stderrOf(err);
    throw new SchemaInputError(`${codex.origin}: generate-json-schema failed: ${stderr.trim() || String(err)}`);
  }
  let version = codex.origin;
  try {
    const out = execFileSync(codex.command, [...codex.args, '--version'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    const match = /(\d+\.\d+\.\d+\S*)/.exec(out.toString());
    if (match?.[1] !== undefined) version = match[1];
  } catch {
    // The version is only a label.
  }
  return {
    dir,
    version,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
