import { vi } from 'vitest';
import type { AttestationProvider, GenerateOptions } from '../src/index.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A provider that mints unique tokens after `delayMs`, honouring the signal. Records calls. */
export function slowProvider(
  delayMs: number,
  prefix = 'tok',
): AttestationProvider & {
  calls: GenerateOptions[];
  minted: string[];
  abortedCount: () => number;
} {
  let n = 0;
  const calls: GenerateOptions[] = [];
  const minted: string[] = [];
  return {
    calls,
    minted,
    abortedCount: () => calls.filter((c) => c.signal.aborted).length,
    generate(options) {
      calls.push(options);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          const token = `${prefix}-${++n}-${Math.random().toString(36).slice(2)}`;
          minted.push(token);
          resolve(token);
        }, delayMs);
        options.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted by signal'));
        });
      });
    },
  };
}

/** Captures everything written through console.* and process.stdout/stderr while `fn` runs. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      chunks.push(args.map(String).join(' '));
    }),
  );
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const result = await fn();
    return { result, output: chunks.join('\n') };
  } finally {
    for (const spy of [...spies, out, err]) spy.mockRestore();
  }
}

/** Everything an error could reveal when printed: message, stack, String(), own enumerable props. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = Object.fromEntries(Object.entries(error).filter(([key]) => key !== 'cause'));
  return [error.message, error.stack ?? '', String(error), JSON.stringify(own)].join('\n');
}
