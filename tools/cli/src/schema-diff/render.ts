/**
 * Text rendering of a {@link SchemaDiffReport}: a summary, then the changes grouped by area (method namespace), each
 * with its location, what changed, which way it travels, what it breaks and which methods reach it.
 * @module
 */
import type { Direction, MethodKind, Reach, SchemaChange, SchemaDiffReport } from './types.js';

/** Options of {@link renderText}. */
export interface RenderOptions {
  /** How many reaching methods to name per change before "and N more" (default 4). */
  readonly maxReach?: number;
  /**
   * How description-only changes are shown: `inline` (default) the first 40 locations on one line, `list` one per line with
   * the keywords, `count` only how many there are.
   */
  readonly descriptions?: 'inline' | 'list' | 'count';
}

/** How many description-only locations the default (inline) rendering names. */
const INLINE_DESCRIPTIONS = 40;

const ARROW: Readonly<Record<Direction, string>> = { clientToServer: 'c→s', serverToClient: 's→c' };
const KIND_WORD: Readonly<Record<MethodKind, string>> = {
  clientRequest: 'request',
  clientNotification: 'client notification',
  serverRequest: 'server request',
  serverNotification: 'notification',
};

function reachText(list: readonly Reach[], max: number): string {
  const names = list.map((r) =>
    `${r.method} ${r.role === 'result' ? 'result' : r.kind === 'serverNotification' || r.kind === 'clientNotification' ? '' : 'params'}`.trim(),
  );
  const unique = [...new Set(names)];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown}, and ${unique.length - max} more` : shown;
}

function changeLines(c: SchemaChange, max: number): string[] {
  const tag = c.breaking ? 'BREAKING' : c.impact.newClientOldServer?.breaking ? 'new-only' : 'ok      ';
  const dirs = c.directions.map((d) => ARROW[d]).join(' ');
  const head = c.method
    ? `${tag}  ${c.detail}: ${c.location}  [${dirs}]`
    : `${tag}  ${c.location}: ${c.detail}  [${dirs}]`;
  const lines = [head];
  if (c.impact.oldClientNewServer) lines.push(`          old client → new server: ${c.impact.oldClientNewServer.text}`);
  if (c.impact.newClientOldServer) lines.push(`          new client → old server: ${c.impact.newClientOldServer.text}`);
  if (c.reachedBy.length > 0 && !c.location.startsWith(c.reachedBy[0]?.method ?? '\u0000'))
    lines.push(`          via ${reachText(c.reachedBy, max)}`);
  return lines;
}

/** Renders the report as readable text (what `cask schema diff` prints without `--json`). */
export function renderText(report: SchemaDiffReport, options: RenderOptions = {}): string {
  const max = options.maxReach ?? 4;
  const s = report.summary;
  const out: string[] = [];
  out.push(`schema diff: ${report.old.label} → ${report.new.label}`);
  const count = (side: SchemaDiffReport['old']) =>
    `${side.methods.clientRequest} requests, ${side.methods.clientNotification} client notifications, ${side.methods.serverRequest} server requests, ${side.methods.serverNotification} notifications, ${side.definitions} definitions`;
  out.push(`  old: ${count(report.old)}`);
  out.push(`  new: ${count(report.new)}`);
  const kinds = Object.entries(s.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  out.push(
    `  ${s.changes} changes (${s.breaking} breaking for old clients, ${s.breakingForNewClients} for new clients on old servers), ${s.descriptionOnly} description-only`,
  );
  if (kinds) out.push(`  by kind: ${kinds}`);
  out.push('');
  out.push('Legend: BREAKING = can break a client of the old protocol talking to a server of the new one;');
  out.push('        new-only = can break only a new client talking to an old server; ok = neither.');
  out.push('        c→s: the value travels client to server; s→c: server to client.');

  const methods = report.changes.filter((c) => c.method);
  if (methods.length > 0) {
    out.push('', '## Methods');
    for (const c of methods) {
      const kind = c.method ? KIND_WORD[c.method.kind] : '';
      out.push(`  ${c.detail.endsWith('added') ? '+' : '-'} ${kind} ${c.location}${c.breaking ? '  (BREAKING)' : ''}`);
    }
  }

  const byArea = new Map<string, SchemaChange[]>();
  for (const c of report.changes) {
    const list = byArea.get(c.area);
    if (list) list.push(c);
    else byArea.set(c.area, [c]);
  }
  for (const [area, list] of byArea) {
    const title =
      area === 'shared'
        ? 'shared (definitions reached from several areas)'
        : area === 'unreached'
          ? 'unreached (no method references these definitions)'
          : area;
    const breaking = list.filter((c) => c.breaking).length;
    out.push('', `## ${title}: ${list.length} change${list.length === 1 ? '' : 's'}, ${breaking} breaking`);
    for (const c of list) for (const line of changeLines(c, max)) out.push(`  ${line}`);
  }

  const defs = report.definitions;
  if (defs.added.length + defs.removed.length > 0) {
    out.push(
      '',
      `## Definitions (wire-invisible by themselves): ${defs.added.length} added, ${defs.removed.length} removed`,
    );
    if (defs.added.length > 0) out.push(`  + ${defs.added.join(', ')}`);
    if (defs.removed.length > 0) out.push(`  - ${defs.removed.join(', ')}`);
  }
  if (report.descriptions.length > 0) {
    out.push('', `## Description-only changes (never breaking): ${report.descriptions.length}`);
    const mode = options.descriptions ?? 'inline';
    if (mode === 'list') for (const d of report.descriptions) out.push(`  ${d.location}: ${d.keywords.join(', ')}`);
    else if (mode === 'inline') {
      const shown = report.descriptions.slice(0, INLINE_DESCRIPTIONS).map((d) => d.location);
      const more = report.descriptions.length - shown.length;
      out.push(`  ${shown.join(', ')}${more > 0 ? `, and ${more} more (--descriptions lists them all)` : ''}`);
    }
  }
  if (report.notes.length > 0) {
    out.push('', '## Notes');
    for (const n of report.notes) out.push(`  ${n}`);
  }
  return `${out.join('\n')}\n`;
}
