/**
 * Compile-time checks: the client's signatures take their types from
 * `@cask/protocol`'s method maps, for every area of the protocol.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CommandExecResponse,
  ConfigReadResponse,
  FsChangedNotification,
  FsReadFileResponse,
  ModelListResponse,
  PluginReadResponse,
  ThreadListResponse,
  ToolRequestUserInputParams,
  ToolRequestUserInputResponse,
} from '@cask/protocol';
import type { AppServerClient } from '../src/index.js';

declare const client: AppServerClient;

describe('typed from the method maps', () => {
  it('request results', () => {
    expectTypeOf(client.request('fs/readFile', { path: '/tmp/x' })).resolves.toEqualTypeOf<FsReadFileResponse>();
    expectTypeOf(client.request('command/exec', { command: ['ls'] })).resolves.toEqualTypeOf<CommandExecResponse>();
    expectTypeOf(client.request('config/read', {})).resolves.toEqualTypeOf<ConfigReadResponse>();
    expectTypeOf(client.request('model/list', {})).resolves.toEqualTypeOf<ModelListResponse>();
    expectTypeOf(client.request('thread/list', {})).resolves.toEqualTypeOf<ThreadListResponse>();
    expectTypeOf(client.request('plugin/read', { pluginName: 'p' })).resolves.toEqualTypeOf<PluginReadResponse>();
  });

  it('request params are checked', () => {
    // @ts-expect-error fs/readFile needs a path
    void client.request('fs/readFile', {});
    // @ts-expect-error not a method
    void client.request('fs/readFlie', { path: '/tmp/x' });
    // Methods without params may leave them out.
    void client.request('configRequirements/read');
  });

  it('notification payloads and server request handlers', () => {
    client.on('fs/changed', (params) => expectTypeOf(params).toEqualTypeOf<FsChangedNotification>());
    client.onServerRequest('item/tool/requestUserInput', (params) => {
      expectTypeOf(params).toEqualTypeOf<ToolRequestUserInputParams>();
      return { answers: {} } satisfies ToolRequestUserInputResponse;
    });
  });
});
