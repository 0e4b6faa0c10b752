import { describe, expect, it } from 'vitest';
import { appendText, crossesFlattenStep, flattenStep } from '../../src/state/text.js';

describe('appendText flattening schedule', () => {
  it('the step is 4096 up to 64 KiB, then an eighth of the largest power of two ≤ the length', () => {
    expect(flattenStep(0)).toBe(4096);
    expect(flattenStep(1000)).toBe(4096);
    expect(flattenStep(32_767)).toBe(4096);
    expect(flattenStep(65_535)).toBe(4096);
    expect(flattenStep(65_536)).toBe(8192);
    expect(flattenStep(2 ** 20 - 1)).toBe(2 ** 16);
    expect(flattenStep(2 ** 20)).toBe(2 ** 17);
    expect(flattenStep(3 * 2 ** 20)).toBe(2 ** 18);
  });

  it('flattens exactly when the length crosses a multiple of the step', () => {
    expect(crossesFlattenStep(0, 4095)).toBe(false);
    expect(crossesFlattenStep(0, 4096)).toBe(true);
    expect(crossesFlattenStep(4095, 4096)).toBe(true);
    expect(crossesFlattenStep(4096, 8191)).toBe(false);
    expect(crossesFlattenStep(100, 5000)).toBe(true);
    expect(crossesFlattenStep(65_536, 65_536 + 8191)).toBe(false);
    expect(crossesFlattenStep(65_536, 65_536 + 8192)).toBe(true);
  });

  it('returns the joined text whatever the schedule', () => {
    let text = '';
    for (let i = 0; i < 3000; i++) text = appendText(text, `${String(i % 10)}x`);
    expect(text).toHaveLength(6000);
    expect(text.slice(0, 6)).toBe('0x1x2x');
    expect(text.slice(-4)).toBe('8x9x');
  });
});
