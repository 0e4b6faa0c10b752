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
