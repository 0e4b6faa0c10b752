/**
 * Type-level tests: checked by `tsc` through `vitest --typecheck`, never run.
 * They pin down how the method maps drive the derived unions and how the
 * hand-written payload types treat optional, nullable and tagged fields.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type {
  AskForApproval,
  ClientNotification,
  ClientRequest,
  ClientRequestParams,
  ClientRequestResult,
  CommandExecutionApprovalDecision,
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeApprovalDecision,
  InitializeCapabilities,
  InitializeParams,
  InitializeResponse,
  ItemCompletedNotification,
  RequestId,
  SandboxPolicy,
  ServerNotification,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequest,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
  WarningNotification,
  ThreadStartParams,
  Turn,
  TurnError,
  AgentMessageDeltaNotification,
  AttestationGenerateResponse,
  FileSystemSpecialPath,
} from '../src/index.js';

describe('derived unions', () => {
  test('ClientRequest narrows on method to the params type from the map', () => {
    type Init = Extract<ClientRequest, { method: 'initialize' }>;
    expectTypeOf<Init['params']>().toEqualTypeOf<InitializeParams>();
    expectTypeOf<Init['id']>().toEqualTypeOf<RequestId>();
    expectTypeOf<ClientRequestParams<'initialize'>>().toEqualTypeOf<InitializeParams>();
    expectTypeOf<ClientRequestResult<'initialize'>>().toEqualTypeOf<InitializeResponse>();

    const describeRequest = (request: ClientRequest): string => {
      switch (request.method) {
        case 'initialize':
          expectTypeOf(request.params).toEqualTypeOf<InitializeParams>();
          return request.params.clientInfo.name;
        default:
          return request.method;
      }
    };
    expectTypeOf(describeRequest).returns.toEqualTypeOf<string>();
  });

  test('server requests carry approval params and expect approval responses', () => {
    expectTypeOf<
      'item/commandExecution/requestApproval' | 'item/fileChange/requestApproval' | 'attestation/generate'
    >().toExtend<ServerRequestMethod>();
    expectTypeOf<'thread/start'>().not.toExtend<ServerRequestMethod>();
    expectTypeOf<
      ServerRequestParams<'item/commandExecution/requestApproval'>
    >().toEqualTypeOf<CommandExecutionRequestApprovalParams>();
    expectTypeOf<
      ServerRequestResult<'item/commandExecution/requestApproval'>
    >().toEqualTypeOf<CommandExecutionRequestApprovalResponse>();
    expectTypeOf<ServerRequestResult<'attestation/generate'>>().toEqualTypeOf<AttestationGenerateResponse>();

    const approval = (request: ServerRequest) =>
      request.method === 'item/fileChange/requestApproval' ? request.params.itemId : null;
    expectTypeOf(approval).returns.toEqualTypeOf<string | null>();
  });

  test('ServerNotification narrows on method', () => {
    expectTypeOf<'item/agentMessage/delta'>().toExtend<ServerNotificationMethod>();
    expectTypeOf<ServerNotificationParams<'item/agentMessage/delta'>>().toEqualTypeOf<AgentMessageDeltaNotification>();
    const text = (n: ServerNotification): string | undefined => {
      if (n.method === 'item/agentMessage/delta') return n.params.delta;
      if (n.method === 'error') return n.params.willRetry ? 'retrying' : 'failed';
      return undefined;
    };
    expectTypeOf(text).returns.toEqualTypeOf<string | undefined>();
  });

  test('a notification without params may leave them out', () => {
    const initialized: ClientNotification = { method: 'initialized' };
    expectTypeOf(initialized).toExtend<ClientNotification>();
    // @ts-expect-error not a client notification
    const _wrong: ClientNotification = { method: 'turn/started' };
  });

  test('a request with the wrong params for its method does not compile', () => {
    const _ok: ClientRequest = {
      id: 0,
      method: 'initialize',
      params: { clientInfo: { name: 'cask', version: '0.1.0' } },
    };
    const params = { clientInfo: { name: 'cask' } };
    // @ts-expect-error clientInfo.version is required
    const _bad: ClientRequest = { id: 1, method: 'initialize', params };
  });
});

describe('optional versus nullable fields', () => {
  test('optional-and-nullable fields accept absence and null', () => {
    expectTypeOf<InitializeParams['capabilities']>().toEqualTypeOf<InitializeCapabilities | null | undefined>();
    expectTypeOf<ThreadStartParams['model']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ItemCompletedNotification['contentTokenCount']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<InitializeCapabilities['optOutNotificationMethods']>().toEqualTypeOf<string[] | null | undefined>();
  });

  test('members the server always sends are required, even when they may be null (upstream TS precision)', () => {
    expectTypeOf<WarningNotification['threadId']>().toEqualTypeOf<string | null>();
    expectTypeOf<Turn['error']>().toEqualTypeOf<TurnError | null>();
    expectTypeOf<Turn['completedAt']>().toEqualTypeOf<number | null>();
    // @ts-expect-error a server-sent Turn without `error` is not a Turn
    const partial: Turn = { id: 't', items: [], status: 'completed' } as const;
    expectTypeOf(partial).toEqualTypeOf<Turn>();
  });

  test('optional-only fields do not accept null', () => {
    expectTypeOf<InitializeCapabilities['experimentalApi']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error experimentalApi is optional but not nullable
    const _caps: InitializeCapabilities = { experimentalApi: null };
  });

  test('required fields stay required', () => {
    expectTypeOf<CommandExecutionRequestApprovalParams['startedAtMs']>().toEqualTypeOf<number>();
    // @ts-expect-error startedAtMs is missing
    const _p: CommandExecutionRequestApprovalParams = { itemId: 'i', threadId: 't', turnId: 'u' };
  });
});

describe('tagged unions and enums', () => {
  test('approval decisions accept the simple strings and the amendment objects', () => {
    const _decisions: CommandExecutionApprovalDecision[] = [
      'accept',
      'acceptForSession',
      'decline',
      'cancel',
      { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['npm', 'test'] } },
      { applyNetworkPolicyAmendment: { network_policy_amendment: { action: 'allow', host: 'example.com' } } },
    ];
    // @ts-expect-error not a decision
    const _wrong: FileChangeApprovalDecision = 'approve';
    // @ts-expect-error file changes cannot carry an exec-policy amendment
    const _wrongShape: FileChangeApprovalDecision = { acceptWithExecpolicyAmendment: { execpolicy_amendment: [] } };
  });

  test('SandboxPolicy narrows on type', () => {
    const roots = (p: SandboxPolicy) => (p.type === 'workspaceWrite' ? p.writableRoots : undefined);
    expectTypeOf(roots).returns.toEqualTypeOf<string[] | undefined>();
    // @ts-expect-error unknown sandbox type
    const _bad: SandboxPolicy = { type: 'fullAccess' };
  });

  test('AskForApproval is a preset string or a granular object', () => {
    const _presets: AskForApproval[] = ['untrusted', 'on-request', 'never'];
    const _granular: AskForApproval = {
      granular: {
        mcp_elicitations: true,
        rules: false,
        sandbox_approval: true,
        request_permissions: false,
        skill_approval: false,
      },
    };
    // @ts-expect-error the legacy `on-failure` preset is not part of this protocol version
    const _old: AskForApproval = 'on-failure';
  });

  test('FileSystemSpecialPath narrows on kind', () => {
    const path = (p: FileSystemSpecialPath) => (p.kind === 'unknown' ? p.path : null);
    expectTypeOf(path).returns.toEqualTypeOf<string | null>();
  });
});
