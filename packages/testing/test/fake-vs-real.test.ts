import { codexBinaryPath, createCodexHome, startModelStandIn } from '@cask/testkit';
import { describe, expect, it } from 'vitest';
import { startFakeServer } from '../src/index.js';
import { COMMAND, REPLY, runScenario, scenarioScript } from './scenario.js';

const clientInfo = { name: 'cask_testing_tests', version: '0.1.0' };

describe('the same scenario against the fake and the real codex app-server', () => {
  it('shows the client the same sequence', { timeout: 60_000 }, async () => {
    const fake = startFakeServer(scenarioScript);
    const fromFake = await runScenario({ transport: fake.transport, clientInfo }, '/tmp/cask-fake-server/workspace');
    fake.assertNoFailures();

    const standIn = await startModelStandIn([
      { kind: 'shell', command: COMMAND, callId: 'call_scenario' },
      { kind: 'message', text: REPLY },
    ]);
    const home = createCodexHome({ modelBaseUrl: standIn.url });
    try {
      const fromReal = await runScenario(
        { codexPath: codexBinaryPath(), env: home.env, cwd: home.workspace, clientInfo, requestTimeoutMs: 20_000 },
        home.workspace,
      );
      expect(fromReal.sequence).toEqual([
        'thread/started',
        'turn/started',
        'item/started userMessage',
        'item/completed userMessage',
        'item/started commandExecution',
        'request item/commandExecution/requestApproval',
        'serverRequest/resolved requestId=0',
        'item/commandExecution/outputDelta',
        'item/completed commandExecution completed exit=0',
        'thread/tokenUsage/updated',
        'item/started agentMessage',
        'item/agentMessage/delta',
        'item/completed agentMessage',
        'thread/tokenUsage/updated',
        'turn/completed completed',
      ]);
      expect(fromFake.sequence).toEqual(fromReal.sequence);
      expect(fromFake.agentText).toBe(REPLY);
      expect(fromReal.agentText).toBe(REPLY);
      expect(fromReal.approvalCommands[0]).toContain(COMMAND);
      expect(fromFake.approvalCommands).toEqual([COMMAND]);
    } finally {
      await standIn.close();
      home.cleanup();
    }
  });
});
