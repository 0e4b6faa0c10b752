/**
 * End-to-end: the real `codex app-server` with a fake ChatGPT sign-in and a
 * loopback stand-in for the Codex backend. Checks that the server asks this
 * package's extension for a token and forwards it in `x-oai-attestation`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppServerClient } from '@cask/client';
import { codexBinaryPath, createCodexHome, startModelStandIn, type CodexHome, type ModelStandIn } from '@cask/testkit';
import { attestation, decodeAttestationHeader, type AttestationProvider } from '../src/index.js';

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.${Buffer.from('sig').toString('base64url')}`;
}

/** A ChatGPT-style auth.json: what `codex login` writes after the browser flow, with fake tokens. */
function writeChatgptAuth(dir: string): void {
  const auth = { chatgpt_plan_type: 'pro', chatgpt_account_id: 'acct-cask-test', chatgpt_user_id: 'user-cask-test' };
  const exp = Math.floor(Date.now() / 1000) + 3600 * 24;
  const idToken = fakeJwt({ email: 'test@example.com', 'https://api.openai.com/auth': auth, exp });
  const accessToken = fakeJwt({ 'https://api.openai.com/auth': auth, exp });
  writeFileSync(
    path.join(dir, 'auth.json'),
    JSON.stringify({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: {
        id_token: idToken,
        access_token: accessToken,
        refresh_token: 'refresh-cask-test',
        account_id: 'acct-cask-test',
      },
      last_refresh: new Date().toISOString(),
    }),
  );
}

let binary: string | undefined;
let binaryProblem = '';
try {
  binary = codexBinaryPath();
} catch (error) {
  binary = undefined;
  binaryProblem = error instanceof Error ? error.message : String(error);
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Run {
  header: string | string[] | undefined;
  generateRequests: number;
  requests: readonly { method: string; path: string; attested: boolean }[];
}

/** Runs one turn against the real server with ChatGPT sign-in and returns what the backend stand-in saw. */
async function runTurn(extensions: Parameters<typeof AppServerClient.start>[0]['extensions']): Promise<Run> {
  const standIn: ModelStandIn = await startModelStandIn([{ kind: 'message', text: 'attested hello' }]);
  cleanups.push(() => standIn.close());
  const home: CodexHome = createCodexHome({
    modelBaseUrl: standIn.url,
    topLevel: ['approval_policy = "never"', `chatgpt_base_url = ${JSON.stringify(`${standIn.url}/backend-api/`)}`],
  });
  cleanups.push(() => {
    home.cleanup();
  });
  // ChatGPT sign-in instead of the stand-in's API key: the server only attempts attestation with ChatGPT auth.
  writeFileSync(home.configPath, home.config.replace(/^env_key = .*$/m, 'requires_openai_auth = true'));
  writeChatgptAuth(home.dir);

  let generateRequests = 0;
  const client = await AppServerClient.start({
    codexPath: binary ?? 'codex',
    clientInfo: { name: 'cask_attestation_e2e', version: '0.0.0' },
    env: { ...home.env, OPENAI_API_KEY: undefined },
    cwd: home.workspace,
    extensions,
    onMessage: (direction, message) => {
      if (direction === 's2c' && 'method' in message && message.method === 'attestation/generate') generateRequests++;
    },
  });
  cleanups.push(() => client.shutdown());

  const { thread } = await client.request('thread/start', { cwd: home.workspace });
  const done = (async () => {
    for await (const event of client.notifications()) {
      if (event.kind === 'notification' && event.method === 'turn/completed') return;
    }
  })();
  await client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text: 'hi', text_elements: [] }] });
  await done;
  const responses = standIn.responsesRequests();
  expect(responses.length).toBe(1);
  return {
    header: responses[0]?.headers['x-oai-attestation'],
    generateRequests,
    requests: standIn.requests.map((r) => ({
      method: r.method,
      path: r.path,
      attested: r.headers['x-oai-attestation'] !== undefined,
    })),
  };
}

// Locally a missing binary skips this suite; in CI (CI=true) a broken install must not look green.
const inCI = process.env['CI'] === 'true';
describe.runIf(binary === undefined && inCI)('codex binary in CI', () => {
  it('can be resolved (the end-to-end suite below must not be skipped in CI)', () => {
    expect.fail(
      `the codex binary could not be resolved (install @openai/codex or set CASK_CODEX_BIN): ${binaryProblem}`,
    );
  });
});

describe.skipIf(binary === undefined)('real codex app-server (fake ChatGPT sign-in, loopback backend)', () => {
  it('asks the opted-in client for a token and forwards it on the Responses call only', async () => {
    let n = 0;
    const provider: AttestationProvider = { generate: () => Promise.resolve(`v1.e2e-${++n}`) };
    const run = await runTurn([attestation(provider)]);
    expect(run.generateRequests).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(decodeAttestationHeader(run.header)).toEqual({ status: 0, token: 'v1.e2e-1' });
    // Only the Responses call carries the header; the account/model/settings calls do not.
    expect(run.requests.filter((r) => r.attested).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/responses']);
    expect(run.requests.filter((r) => !r.attested).every((r) => r.method === 'GET')).toBe(true);
  }, 60_000);

  it('never asks a client that did not opt in, and sends no header', async () => {
    const run = await runTurn([]);
    expect(run.generateRequests).toBe(0);
    expect(run.header).toBeUndefined();
  }, 60_000);

  it('sends RequestFailed (2) without a token when the provider fails', async () => {
    const failing: AttestationProvider = {
      generate: () => Promise.reject(new Error('no device key')),
    };
    const run = await runTurn([attestation(failing)]);
    expect(run.generateRequests).toBeGreaterThan(0);
    // Our handler answers at once with a JSON-RPC error, which the server maps to RequestFailed.
    expect(decodeAttestationHeader(run.header)).toEqual({ status: 2 });
  }, 60_000);

  it("sends Timeout (1) without a token when the client does not answer within the server's budget", async () => {
    const silent: AttestationProvider = {
      generate: ({ signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            reject(new Error('late'));
          });
        }),
    };
    // Our own budget is far beyond the server's 100 ms, so the server's timer decides.
    const run = await runTurn([attestation(silent, { budgetMs: 5_000 })]);
    expect(run.generateRequests).toBeGreaterThan(0);
    expect(decodeAttestationHeader(run.header)).toEqual({ status: 1 });
  }, 60_000);
});
