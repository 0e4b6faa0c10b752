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
import { classifyMessage, preview, validateMessage, type Direction, type ValidationIssue } from '@cask/validators';
import { splitLines } from './lines.js';

/** Default bound on one transcript line: 64 MiB, the client's default message bound. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Options of {@link validateTranscript} and {@link validateTranscriptStream}. */
export interface TranscriptOptions {
  /** Validate against the experimental schema bundle. */
  experimental?: boolean;
  /**
   * Keep at most this many failures in {@link TranscriptReport.failures}
   * (the rest are counted in {@link TranscriptReport.failureCount}). Default:
   * keep all. The `cask` command keeps 1000, so memory stays bounded
   * whatever the input.
   */
  maxFailures?: number;
  /**
   * Track at most this many unanswered requests per direction (default
   * 100 000). When more are outstanding, the oldest is forgotten and a
   * failure says so; a later answer to it is then reported as unmatched.
   */
  maxPendingRequests?: number;
  /**
   * Longest line {@link validateTranscriptStream} reads, in bytes (default
   * {@link DEFAULT_MAX_LINE_BYTES}); a longer line is skipped and reported.
   */
  maxLineBytes?: number;
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
  /** True when no failure was found (an empty transcript is `ok` but {@link empty}). */
  ok: boolean;
  /** True when the transcript held no message at all (only blank lines, or nothing). */
  empty: boolean;
  /** Non-blank lines read. */
  messages: number;
  /**
   * Counts keyed by `"<dir> <method>"` (`c2s turn/start`). At most 10 000
   * distinct keys; further methods are counted under `"<dir> (other methods)"`.
   */
  counts: Record<string, MethodCounts>;
  /** The failures kept (the first {@link TranscriptOptions.maxFailures}), in line order. */
  failures: TranscriptFailure[];
  /** How many failures were found in all, kept or not. */
  failureCount: number;
}

interface Pending {
  method: string;
  line: number;
}

const MAX_COUNT_KEYS = 10_000;
const DEFAULT_MAX_PENDING = 100_000;

const idKey = (id: unknown) => `${typeof id}:${String(id)}`;
const opposite = (dir: Direction): Direction => (dir === 'c2s' ? 's2c' : 'c2s');
const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Incremental transcript validator: feed it lines with {@link push}, get the
 * report from {@link finish}. Its memory is bounded by the options (kept
 * failures, tracked requests) and the number of distinct methods, not by the
 * length of the transcript.
 */
export class TranscriptValidator {
  private readonly report: TranscriptReport = {
    ok: true,
    empty: true,
    messages: 0,
    counts: {},
    failures: [],
    failureCount: 0,
  };
  /** Outstanding requests per direction of the request, keyed by id (insertion order = age). */
  private readonly pending: Record<Direction, Map<string, Pending>> = { c2s: new Map(), s2c: new Map() };
  private lineNo = 0;
  private readonly experimental: boolean;
  private readonly maxFailures: number;
  private readonly maxPending: number;
  /** The line bound, for messages. */
  readonly maxLineBytes: number;

  constructor(opts: TranscriptOptions = {}) {
    this.experimental = opts.experimental ?? false;
    this.maxFailures = opts.maxFailures ?? Infinity;
    this.maxPending = opts.maxPendingRequests ?? DEFAULT_MAX_PENDING;
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (!(this.maxFailures >= 0)) throw new RangeError(`maxFailures must be >= 0, got ${String(opts.maxFailures)}`);
    if (!(this.maxPending >= 1)) {
      throw new RangeError(`maxPendingRequests must be >= 1, got ${String(opts.maxPendingRequests)}`);
    }
  }

  /** Lines seen so far (blank ones included): the number of the last line pushed. */
  get lines(): number {
    return this.lineNo;
  }

  private fail(f: TranscriptFailure): void {
    this.report.failureCount++;
    if (this.report.failures.length < this.maxFailures) this.report.failures.push(f);
  }

  private count(dir: Direction, method: string, field: keyof MethodCounts): void {
    let key = `${dir} ${method}`;
    if (!(key in this.report.counts) && Object.keys(this.report.counts).length >= MAX_COUNT_KEYS) {
      key = `${dir} (other methods)`;
    }
    const c = (this.report.counts[key] ??= { requests: 0, notifications: 0, responses: 0, errors: 0 });
    c[field]++;
  }

  private issuesToFailures(
    line: number,
    method: string | undefined,
    kind: MessageKind | undefined,
    issues: ValidationIssue[],
  ): void {
    for (const issue of issues) {
      const reason = issue.got !== undefined ? `${issue.reason} (got ${issue.got})` : issue.reason;
      this.fail({
        line,
        ...(method !== undefined && { method }),
        ...(kind && { kind }),
        pointer: issue.pointer,
        reason,
      });
    }
  }

  /** Counts a line that was too long to read (see {@link validateTranscriptStream}) as a failure. */
  pushTooLong(bytes: number): void {
    const line = ++this.lineNo;
    this.report.messages++;
    this.report.empty = false;
    this.fail({ line, pointer: '', reason: `line too long: ${bytes} bytes (limit ${this.maxLineBytes}); skipped` });
  }

  /** Checks one line of the transcript (without its newline). */
  push(raw: string): void {
    const lineNo = ++this.lineNo;
    const text = raw.trim();
    if (text === '') return;
    this.report.messages++;
    this.report.empty = false;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (err) {
      this.fail({ line: lineNo, pointer: '', reason: `not JSON: ${errorMessage(err)}` });
      return;
    }
    if (!isRecord(entry)) {
      this.fail({ line: lineNo, pointer: '', reason: 'a transcript line must be an object {"dir","msg"}' });
      return;
    }
    const { dir, msg } = entry;
    if (dir !== 'c2s' && dir !== 's2c') {
      this.fail({
        line: lineNo,
        pointer: '/dir',
        reason: `must be "c2s" or "s2c" (got ${preview(dir)})`,
      });
      return;
    }
    if (msg === undefined) {
      this.fail({ line: lineNo, pointer: '/msg', reason: 'is required' });
      return;
    }
    const c = classifyMessage(msg);
    if (c.kind === 'invalid') {
      this.fail({ line: lineNo, pointer: '', reason: `bad envelope: ${c.reason}` });
      return;
    }
    let method: string | undefined;
    if (c.kind === 'request' || c.kind === 'notification') {
      method = c.method;
      this.count(dir, method, c.kind === 'request' ? 'requests' : 'notifications');
      if (c.kind === 'request') this.track(dir, c.id, method, lineNo);
    } else {
      // A response travels the other way from the request it answers.
      const requestDir = opposite(dir);
      const key = idKey(c.id);
      const request = this.pending[requestDir].get(key);
      if (!request) {
        this.fail({
          line: lineNo,
          kind: c.kind,
          pointer: '/id',
          reason: `unmatched response: no pending ${requestDir} request with id ${preview(c.id)}`,
        });
        return;
      }
      this.pending[requestDir].delete(key);
      method = request.method;
      this.count(requestDir, method, c.kind === 'response' ? 'responses' : 'errors');
    }
    const result = validateMessage(msg, dir, {
      experimental: this.experimental,
      ...(c.kind === 'response' && { method }),
    });
    if (!result.ok) this.issuesToFailures(lineNo, method, c.kind, result.errors);
  }

  private track(dir: Direction, id: unknown, method: string, lineNo: number): void {
    const pending = this.pending[dir];
    const key = idKey(id);
    const previous = pending.get(key);
    if (previous) {
      this.fail({
        line: lineNo,
        method,
        kind: 'request',
        pointer: '/id',
        reason: `reuses id ${preview(id)} of the unanswered request on line ${previous.line}`,
      });
      pending.delete(key);
    } else if (pending.size >= this.maxPending) {
      for (const [oldestKey, oldest] of pending) {
        pending.delete(oldestKey);
        this.fail({
          line: lineNo,
          pointer: '',
          reason: `more than ${this.maxPending} unanswered ${dir} requests: stopped tracking the oldest (${oldest.method} on line ${oldest.line}); an answer to it will be reported as unmatched`,
        });
        break; // only the oldest
      }
    }
    pending.set(key, { method, line: lineNo });
  }

  /** The report so far; call once the last line was pushed. */
  finish(): TranscriptReport {
    this.report.ok = this.report.failureCount === 0;
    return this.report;
  }
}

/**
 * Validates every line of a transcript. `input` is the whole text or an
 * iterable of lines (without their newlines).
 */
export function validateTranscript(input: Iterable<string> | string, opts: TranscriptOptions = {}): TranscriptReport {
  const validator = new TranscriptValidator(opts);
  for (const line of typeof input === 'string' ? input.split(/\r?\n/) : input) validator.push(line);
  return validator.finish();
}

/**
 * Validates a transcript read from a byte stream (`fs.createReadStream(file)`,
 * `process.stdin`, or any async iterable of `Uint8Array`/string chunks), one
 * line at a time: memory stays bounded however long the transcript is (see
 * {@link TranscriptOptions.maxFailures} and {@link TranscriptOptions.maxLineBytes}).
 */
export async function validateTranscriptStream(
  input: AsyncIterable<Uint8Array | string>,
  opts: TranscriptOptions = {},
): Promise<TranscriptReport> {
  const validator = new TranscriptValidator(opts);
  for await (const line of splitLines(input, validator.maxLineBytes)) {
    if (typeof line === 'string') validator.push(line);
    else validator.pushTooLong(line.bytes);
  }
  return validator.finish();
}

function failureLine(f: TranscriptFailure): string {
  const what = [f.method, f.kind].filter(Boolean).join(' ');
  const where = f.pointer ? `${f.pointer} ` : '';
  return `line ${f.line}: ${what ? `${what}: ` : ''}${where}${f.reason}`;
}

/** Renders a report: a per-method table, then every failure, then a summary line. */
export function formatReport(report: TranscriptReport): string {
  const out: string[] = [];
  const rows = Object.entries(report.counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length > 0) {
    const width = Math.max(...rows.map(([k]) => k.length), 'method'.length);
    out.push(`${'method'.padEnd(width)}  requests  notifications  responses  errors`);
    for (const [key, c] of rows) {
      out.push(
        `${key.padEnd(width)}  ${String(c.requests).padStart(8)}  ${String(c.notifications).padStart(13)}  ${String(c.responses).padStart(9)}  ${String(c.errors).padStart(6)}`,
      );
    }
  }
  if (report.failureCount > 0) {
    out.push('', `failures (${report.failureCount}):`);
    for (const f of report.failures) out.push(`  ${failureLine(f)}`);
    const hidden = report.failureCount - report.failures.length;
    if (hidden > 0) out.push(`  ... and ${hidden} more (not kept; raise --max-failures to see them)`);
  }
  out.push(
    '',
    report.empty
      ? 'EMPTY: the transcript holds no message (nothing was checked)'
      : report.ok
        ? `ok: ${report.messages} messages, all valid`
        : `FAILED: ${report.failureCount} failure${report.failureCount === 1 ? '' : 's'} in ${report.messages} messages`,
  );
  return out.join('\n');
}

/** Renders one failure as `line N: <method> <kind>: <pointer> <reason>`. */
export { failureLine as formatFailure };
