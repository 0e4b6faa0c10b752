/**
 * One scenario (a turn with a command approval and streamed deltas, then
 * completion) driven by the same client code against any transport, and the
 * client-visible sequence it produced, with ids and timestamps normalised.
 */
import { AppServerClient, type AppServerClientOptions, type ClientEvent } from '@cask/client';
import { fakeScript } from '../src/index.js';

/** What the model stand-in (real server) and the fake script both do. */
export const COMMAND = 'echo one; sleep 0.3; echo two';
export const REPLY = 'All done here.';

/** The same scenario as a fake script. */
export const scenarioScript = fakeScript().turn((t) =>
  t
    .commandExecution({
      command: COMMAND,
      id: 'call_scenario',
      output: ['two\n'],
      exitCode: 0,
      approval: { result: { decision: 'accept' } },
    })
    .tokenUsage(10, 5)
    .agentMessage(REPLY)
    .tokenUsage(10, 5),
);

/** The notifications a UI would react to in this scenario (others, like config warnings, differ by environment). */
const WATCHED = new Set([
  'thread/started',
  'turn/started',
  'item/started',
  'item/completed',
  'item/agentMessage/delta',
  'item/commandExecution/outputDelta',
  'serverRequest/resolved',
  'thread/tokenUsage/updated',
  'turn/completed',
]);

/** One normalised step of what the client saw. */
export type Seen = string;

function normalise(e: ClientEvent): Seen | undefined {
  if (e.kind === 'serverRequest') return `request ${e.method}`;
  if (e.kind !== 'notification' || !WATCHED.has(e.method)) return e.kind === 'notification' ? undefined : e.kind;
  const p = e.params as Record<string, unknown>; // one of the watched methods, all objects
  switch (e.method) {
    case 'item/started':
    case 'item/completed': {
      const item = p['item'] as Record<string, unknown>;
      const extra =
        item['type'] === 'commandExecution' && e.method === 'item/completed'
          ? ` ${String(item['status'])} exit=${String(item['exitCode'])}`
          : '';
      return `${e.method} ${String(item['type'])}${extra}`;
    }
    case 'serverRequest/resolved':
      return `${e.method} requestId=${String(p['requestId'])}`;
    case 'turn/completed':
      return `${e.method} ${String((p['turn'] as Record<string, unknown>)['status'])}`;
    default:
      return e.method;
  }
}

/** What the run produced, for comparison. */
export interface ScenarioOutcome {
  sequence: Seen[];
  agentText: string;
  approvalCommands: string[];
}

/**
 * Runs the scenario: thread/start, turn/start, accept the command approval,
 * read events until turn/completed. Consecutive repeats (deltas) are folded
 * into one entry, since how a stream is cut into deltas is not part of the contract.
 */
export async function runScenario(options: AppServerClientOptions, cwd: string): Promise<ScenarioOutcome> {
  const client = await AppServerClient.start(options);
  const approvalCommands: string[] = [];
  try {
    client.onServerRequest('item/commandExecution/requestApproval', (params) => {
      approvalCommands.push(String(params.command));
      return { decision: 'accept' };
    });
    const events = client.events();
    const { thread } = await client.request('thread/start', { cwd, approvalPolicy: 'untrusted' });
    await client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'go', text_elements: [] }],
    });
    const sequence: Seen[] = [];
    let agentText = '';
    const deadline = setTimeout(() => void events.return?.(), 30_000);
    for await (const e of events) {
      const s = normalise(e);
      if (e.kind === 'notification' && e.method === 'item/agentMessage/delta') agentText += e.params.delta;
      if (s !== undefined && sequence.at(-1) !== s) sequence.push(s);
      if (e.kind === 'notification' && e.method === 'turn/completed') break;
    }
    clearTimeout(deadline);
    return { sequence, agentText, approvalCommands };
  } finally {
    await client.shutdown();
  }
}
