/**
 * A scripted stand-in for the model API: a loopback HTTP server that answers
 * `POST /v1/responses` with a Server-Sent Events stream in the Responses API
 * format, so a real `codex app-server` can run whole turns offline.
 * @module
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the stand-in answers to one model request. Each request the server
 * receives consumes the next step of the script.
 */
export type StandInStep =
  StandInMessageStep | StandInShellStep | StandInHttpErrorStep | StandInFailedStep | StandInStallStep | StandInRawStep;

/** Reply with an assistant message whose text is streamed in several deltas. */
export interface StandInMessageStep {
  kind: 'message';
  /** The full text; split into {@link chunks} when those are not given. */
  text: string;
  /** The exact deltas to stream (joined, they should equal `text`). Default: split on word boundaries. */
  chunks?: string[];
  /** Pause between deltas, in milliseconds. Default 0. */
  delayMs?: number;
}

/**
 * Ask the agent to run a shell command: the stand-in emits a `function_call`
 * to Codex's `exec_command` tool. Under an `untrusted` approval policy the
 * server then asks the client for approval before it runs the command.
 */
export interface StandInShellStep {
  kind: 'shell';
  /** The shell command line, e.g. `echo hello`. */
  command: string;
  /** The tool call id; Codex reuses it as the command item id. Default `call_<n>`. */
  callId?: string;
  /** Working directory for the command; default is the turn's cwd. */
  workdir?: string;
  /**
   * Run through a login shell (`bash -lc`). Default `false`: login shells read
   * the user's profile, which adds noise to the output.
   */
  login?: boolean;
}

/** Answer with a non-2xx HTTP status and a JSON error body (no stream at all). */
export interface StandInHttpErrorStep {
  kind: 'httpError';
  /** HTTP status. Default 500. */
  status?: number;
  message: string;
}

/** Start a stream, then end it with a `response.failed` event. */
export interface StandInFailedStep {
  kind: 'failed';
  /** Error code in the event. Default `server_error`. */
  code?: string;
  message: string;
}

/**
 * Start a stream (optionally with some text deltas) and then never finish it:
 * the connection stays open until the client drops it or the stand-in closes.
 * Use it to test `turn/interrupt`.
 */
export interface StandInStallStep {
  kind: 'stall';
  /** Deltas to send before stalling. Default none. */
  chunks?: string[];
}

/** Send these Responses API events verbatim (each must have a `type`), then end the stream. */
export interface StandInRawStep {
  kind: 'raw';
  events: Array<{ type: string; [key: string]: unknown }>;
}

/** One HTTP request the stand-in received. */
export interface RecordedRequest {
  /** 0-based position among all requests received. */
  index: number;
  method: string;
  /** Request path, e.g. `/v1/responses`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: unknown;
  /** Whether a script step answered it (false for unknown paths or an exhausted script). */
  scripted: boolean;
}

/** A script: a list of steps used in order, or a function choosing a step per request. */
export type StandInScript = StandInStep[] | ((request: RecordedRequest, responseIndex: number) => StandInStep);

/** A running stand-in. */
export interface ModelStandIn {
  /** Base URL without the API prefix, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request received so far, in order (including unexpected ones). */
  readonly requests: readonly RecordedRequest[];
  /** Requests to `/responses` only. */
  responsesRequests(): RecordedRequest[];
  /** Resolves once at least `count` `/responses` requests have arrived. */
  waitForResponsesRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Closes every open stream (including stalled ones) and stops the server. Idempotent. */
  close(): Promise<void>;
}

/** The usage block sent with `response.completed`. */
const USAGE = {
  input_tokens: 10,
  input_tokens_details: null,
  output_tokens: 5,
  output_tokens_details: null,
  total_tokens: 15,
};

/**
 * Starts a stand-in model server on 127.0.0.1 with a free port.
 *
 * Every `POST …/responses` consumes the next step of `script`. When the script
 * runs out, the request gets HTTP 500 with a message saying so (and is
 * recorded with `scripted: false`), so an unexpected extra model call shows
 * up as a failed turn instead of a hang.
 */
export async function startModelStandIn(script: StandInScript): Promise<ModelStandIn> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const openResponses = new Set<ServerResponse>();
  let responsesCount = 0;
  const waiters: Array<() => void> = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text.length ? JSON.parse(text) : undefined;
      } catch {
        // keep the raw text
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const record: RecordedRequest = {
        index: requests.length,
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body,
        scripted: false,
      };
      requests.push(record);
      if (record.method !== 'POST' || !path.endsWith('/responses')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `stand-in has no route for ${record.method} ${path}` } }));
        return;
      }
      const n = responsesCount++;
      let step: StandInStep | undefined;
      try {
        step = typeof script === 'function' ? script(record, n) : script[n];
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `stand-in script threw: ${String(err)}` } }));
        notify();
        return;
      }
      if (!step) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `stand-in script exhausted at request #${n}` } }));
        notify();
        return;
      }
      record.scripted = true;
      notify();
      void serveStep(step, n, res, openResponses);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function notify(): void {
    for (const w of waiters.splice(0)) w();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const responsesRequests = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/responses'));

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    responsesRequests,
    async waitForResponsesRequests(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (responsesRequests().length < count) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(
            `stand-in: expected ${count} /responses request(s) within ${timeoutMs} ms, got ${responsesRequests().length}`,
          );
        }
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return responsesRequests();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const r of openResponses) r.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      });
      return closing;
    },
  };
}

/** Writes one SSE event: `event: <type>` plus the JSON payload as `data:`. */
function writeEvent(res: ServerResponse, event: { type: string; [key: string]: unknown }): void {
  res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Splits text into word-sized deltas, keeping the whitespace with the following word. */
export function splitIntoChunks(text: string): string[] {
  const parts: string[] = [...(text.match(/\s*\S+/g) ?? [])];
  const rest = text.slice(parts.join('').length);
  if (rest) parts.push(rest);
  return parts.length ? parts : [text];
}

async function serveStep(step: StandInStep, n: number, res: ServerResponse, open: Set<ServerResponse>): Promise<void> {
  if (step.kind === 'httpError') {
    res.writeHead(step.status ?? 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: step.message, type: 'server_error', code: null } }));
    return;
  }
  open.add(res);
  res.on('close', () => open.delete(res));
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const responseId = `resp_standin_${n}`;
  writeEvent(res, { type: 'response.created', response: { id: responseId } });
  const completed = () => {
    writeEvent(res, { type: 'response.completed', response: { id: responseId, usage: USAGE } });
  };

  switch (step.kind) {
    case 'message': {
      const itemId = `msg_standin_${n}`;
      const chunks = step.chunks ?? splitIntoChunks(step.text);
      writeEvent(res, {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'message', role: 'assistant', id: itemId, content: [] },
      });
      for (const delta of chunks) {
        if (step.delayMs) await sleep(step.delayMs);
        if (res.destroyed) return;
        writeEvent(res, {
          type: 'response.output_text.delta',
          item_id: itemId,
          output_index: 0,
          content_index: 0,
          delta,
        });
      }
      writeEvent(res, {
        type: 'response.output_item.done',
        output_index: 0,
        item: { type: 'message', role: 'assistant', id: itemId, content: [{ type: 'output_text', text: step.text }] },
      });
      completed();
      res.end();
      return;
    }
    case 'shell': {
      const args: Record<string, unknown> = { cmd: step.command, login: step.login ?? false };
      if (step.workdir) args['workdir'] = step.workdir;
      writeEvent(res, {
        type: 'response.output_item.done',
        output_index: 0,
        item: {
          type: 'function_call',
          id: `fc_standin_${n}`,
          call_id: step.callId ?? `call_${n}`,
          name: 'exec_command',
          arguments: JSON.stringify(args),
        },
      });
      completed();
      res.end();
      return;
    }
    case 'failed': {
      writeEvent(res, {
        type: 'response.failed',
        response: { id: responseId, error: { code: step.code ?? 'server_error', message: step.message } },
      });
      res.end();
      return;
    }
    case 'stall': {
      const itemId = `msg_standin_${n}`;
      if (step.chunks?.length) {
        writeEvent(res, {
          type: 'response.output_item.added',
          output_index: 0,
          item: { type: 'message', role: 'assistant', id: itemId, content: [] },
        });
        for (const delta of step.chunks) {
          writeEvent(res, {
            type: 'response.output_text.delta',
            item_id: itemId,
            output_index: 0,
            content_index: 0,
            delta,
          });
        }
      }
      // Never end: the response stays open until the peer disconnects or close() runs.
      return;
    }
    case 'raw': {
      for (const event of step.events) writeEvent(res, event);
      res.end();
      return;
    }
  }
}
