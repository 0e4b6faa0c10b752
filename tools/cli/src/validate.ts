/**
 * `cask validate`: checks a recorded wire transcript against the schema.
 *
 * A transcript is JSONL, one `{"dir":"c2s"|"s2c","msg":<message>}` per line
 * (other members are ignored, blank lines skipped). Requests and
 * notifications are checked by method; a response is matched to the request
 * it answers by id and direction (a `s2c` response answers a `c2s` request and
 * the other way round; each side numbers its own requests, so ids of the two
 * directions may collide) and its result is checked against that method.
 * @module
 */
import { classifyMessage, validateMessage, type Direction, type ValidationIssue } from '@cask/validators';

/** Options of {@link validateTranscript}. */
export interface TranscriptOptions {
  /** Validate against the experimental schema bundle. */
  experimental?: boolean;
}

/** What kind of message a line carried. */
export type MessageKind = 'request' | 'notification' | 'response' | 'error';

/** One problem found in a transcript. */
export interface TranscriptFailure {
  /** 1-based line number in the transcript. */
  line: number;
  /** The method concerned, when known (a response's is its request's). */
  method?: string;
  /** The kind of message, when it could be told. */
  kind?: MessageKind;
  /** Where in the message the problem is (JSON pointer, `""` for the whole). */
  pointer: string;
  /** What is wrong. */
  reason: string;
}

/** Counts per method. */
export interface MethodCounts {
  requests: number;
  notifications: number;
  responses: number;
  errors: number;
}

/** The outcome of validating a transcript. */
export interface TranscriptReport {
  /** True when no failure was found. */
  ok: boolean;
  /** Non-blank lines read. */
  messages: number;
  /** Counts keyed by `"<dir> <method>"` (`c2s turn/start`). */
  counts: Record<string, MethodCounts>;
  /** Every failure, in line order. */
  failures: TranscriptFailure[];
}

interface Pending {
  method: string;
  line: number;
}

function splitLines(input: Iterable<string> | string): Iterable<string> {
  return typeof input === 'string' ? input.split(/\r?\n/) : input;
}

const idKey = (id: unknown) => `${typeof id}:${String(id)}`;
const opposite = (dir: Direction): Direction => (dir === 'c2s' ? 's2c' : 'c2s');

/**
 * Validates every line of a transcript. `input` is the whole text or an
 * iterable of lines (without their newlines).
 */
export function validateTranscript(input: Iterable<string> | string, opts: TranscriptOptions = {}): TranscriptReport {
  const report: TranscriptReport = { ok: true, messages: 0, counts: {}, failures: [] };
  // Outstanding requests per direction of the request, keyed by id.
  const pending: Record<Direction, Map<string, Pending>> = { c2s: new Map(), s2c: new Map() };
  const fail = (f: TranscriptFailure) => report.failures.push(f);
  const count = (dir: Direction, method: string, field: keyof MethodCounts) => {
    const key = `${dir} ${method}`;
    const c = (report.counts[key] ??= { requests: 0, notifications: 0, responses: 0, errors: 0 });
    c[field]++;
  };
  const issuesToFailures = (
    line: number,
    method: string | undefined,
    kind: MessageKind | undefined,
    issues: ValidationIssue[],
  ) => {
    for (const issue of issues) {
      const reason = issue.got !== undefined ? `${issue.reason} (got ${issue.got})` : issue.reason;
      fail({ line, ...(method !== undefined && { method }), ...(kind && { kind }), pointer: issue.pointer, reason });
    }
  };

  let lineNo = 0;
  for (const raw of splitLines(input)) {
    lineNo++;
    const text = raw.trim();
    if (text === '') continue;
    report.messages++;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (err) {
      fail({ line: lineNo, pointer: '', reason: `not JSON: ${(err as Error).message}` });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail({ line: lineNo, pointer: '', reason: 'a transcript line must be an object {"dir","msg"}' });
      continue;
    }
    const { dir, msg } = entry as { dir?: unknown; msg?: unknown };
    if (dir !== 'c2s' && dir !== 's2c') {
      fail({
        line: lineNo,
        pointer: '/dir',
        reason: `must be "c2s" or "s2c" (got ${JSON.stringify(dir) ?? 'nothing'})`,
      });
      continue;
    }
    if (msg === undefined) {
      fail({ line: lineNo, pointer: '/msg', reason: 'is required' });
      continue;
    }
    const c = classifyMessage(msg);
    if (c.kind === 'invalid') {
      fail({ line: lineNo, pointer: '', reason: `bad envelope: ${c.reason}` });
      continue;
    }
    let method: string | undefined;
    if (c.kind === 'request' || c.kind === 'notification') {
      method = c.method;
      count(dir, method, c.kind === 'request' ? 'requests' : 'notifications');
      if (c.kind === 'request') {
        const key = idKey(c.id);
        const previous = pending[dir].get(key);
        if (previous) {
          fail({
            line: lineNo,
            method,
            kind: 'request',
            pointer: '/id',
            reason: `reuses id ${JSON.stringify(c.id)} of the unanswered request on line ${previous.line}`,
          });
        }
        pending[dir].set(key, { method, line: lineNo });
      }
    } else {
      // A response travels the other way from the request it answers.
      const requestDir = opposite(dir);
      const key = idKey(c.id);
      const request = pending[requestDir].get(key);
      if (!request) {
        fail({
          line: lineNo,
          kind: c.kind,
          pointer: '/id',
          reason: `unmatched response: no pending ${requestDir} request with id ${JSON.stringify(c.id)}`,
        });
        continue;
      }
      pending[requestDir].delete(key);
      method = request.method;
      count(requestDir, method, c.kind === 'response' ? 'responses' : 'errors');
    }
    const result = validateMessage(msg, dir, {
      experimental: opts.experimental ?? false,
      ...(c.kind === 'response' && method !== undefined && { method }),
    });
    if (!result.ok) issuesToFailures(lineNo, method, c.kind, result.errors);
  }
  report.ok = report.failures.length === 0;
  return report;
}

function failureLine(f: TranscriptFailure): string {
  const what = [f.method, f.kind].filter(Boolean).join(' ');
  const where = f.pointer ? `${f.pointer} ` : '';
  return `line ${f.line}: ${what ? `${what}: ` : ''}${where}${f.reason}`;
}

/** Renders a report: a per-method table, then every failure, then a summary line. */
export function formatReport(report: TranscriptReport): string {
  const out: string[] = [];
  const keys = Object.keys(report.counts).sort();
  if (keys.length > 0) {
    const width = Math.max(...keys.map((k) => k.length), 'method'.length);
    out.push(`${'method'.padEnd(width)}  requests  notifications  responses  errors`);
    for (const key of keys) {
      const c = report.counts[key]!;
      out.push(
        `${key.padEnd(width)}  ${String(c.requests).padStart(8)}  ${String(c.notifications).padStart(13)}  ${String(c.responses).padStart(9)}  ${String(c.errors).padStart(6)}`,
      );
    }
  }
  if (report.failures.length > 0) {
    out.push('', `failures (${report.failures.length}):`);
    for (const f of report.failures) out.push(`  ${failureLine(f)}`);
  }
  out.push(
    '',
    report.ok
      ? `ok: ${report.messages} messages, all valid`
      : `FAILED: ${report.failures.length} failure${report.failures.length === 1 ? '' : 's'} in ${report.messages} messages`,
  );
  return out.join('\n');
}

/** Renders one failure as `line N: <method> <kind>: <pointer> <reason>`. */
export { failureLine as formatFailure };
