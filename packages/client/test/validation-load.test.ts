/**
 * `loadValidators()`: the real `@cask/validators` loads; a package that lacks
 * a validator is refused naming the missing ones (the module is replaced for
 * that test). A package that is not installed at all is tested against the
 * built client in bundle.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('@cask/validators');
  vi.resetModules();
});

async function load() {
  const { loadValidators, VALIDATORS_PACKAGE } = await import('../src/validation.js');
  return { loadValidators, VALIDATORS_PACKAGE };
}

describe('loadValidators', () => {
  it('loads the five required validators from @cask/validators', async () => {
    const { loadValidators, VALIDATORS_PACKAGE } = await load();
    expect(VALIDATORS_PACKAGE).toBe('@cask/validators');
    const v = await loadValidators();
    for (const name of [
      'validateClientRequest',
      'validateServerResult',
      'validateServerNotification',
      'validateServerRequest',
      'validateClientResult',
    ] as const) {
      expect(typeof v[name], name).toBe('function');
    }
  });

  it('a package without some validators names the missing ones', async () => {
    vi.doMock('@cask/validators', () => ({
      validateClientRequest: () => ({ ok: true }),
      validateServerResult: 'not a function',
      validateServerNotification: () => ({ ok: true }),
      validateServerRequest: undefined,
      validateClientResult: () => ({ ok: true }),
    }));
    const { loadValidators } = await load();
    await expect(loadValidators()).rejects.toThrow(
      '@cask/validators does not export validateServerResult, validateServerRequest',
    );
  });
});

describe('loadFailureMessage', () => {
  function failure(message: string, code?: string): Error {
    const err = new Error(message);
    if (code !== undefined) Object.assign(err, { code });
    return err;
  }
  const NOT_INSTALLED =
    'validation needs the optional peer dependency @cask/validators, which is not installed (npm install @cask/validators)';

  for (const code of ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']) {
    it(`${code} naming the package says it is not installed and how to install it`, async () => {
      const { loadFailureMessage } = await import('../src/validation.js');
      expect(loadFailureMessage(failure("Cannot find package '@cask/validators' imported from x.js", code))).toBe(
        NOT_INSTALLED,
      );
    });
  }

  it('a missing module that is not the package itself keeps the loader message', async () => {
    const { loadFailureMessage } = await import('../src/validation.js');
    expect(loadFailureMessage(failure("Cannot find package 'ajv' imported from v.js", 'ERR_MODULE_NOT_FOUND'))).toBe(
      "validation needs @cask/validators, which could not be loaded: Cannot find package 'ajv' imported from v.js",
    );
  });

  it('another code or no code is "could not be loaded", even when the message names the package', async () => {
    const { loadFailureMessage } = await import('../src/validation.js');
    expect(loadFailureMessage(failure('@cask/validators: syntax error', 'ERR_OTHER'))).toBe(
      'validation needs @cask/validators, which could not be loaded: @cask/validators: syntax error',
    );
    expect(loadFailureMessage(failure('@cask/validators: boom'))).toBe(
      'validation needs @cask/validators, which could not be loaded: @cask/validators: boom',
    );
    expect(loadFailureMessage('plain string')).toBe(
      'validation needs @cask/validators, which could not be loaded: plain string',
    );
  });

  it('loadValidators rejects with that message and keeps the original error as cause', async () => {
    vi.doMock('@cask/validators', () => {
      throw new Error('factory failed');
    });
    const { loadValidators } = await load();
    const err: unknown = await loadValidators().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof Error)) throw new Error('expected an Error');
    expect(err.message).toMatch(/^validation needs @cask\/validators, which could not be loaded: /);
    expect(err.cause).toBeInstanceOf(Error);
  });
});
