import { describe, expect, it } from 'vitest';
import { bescheidLineCount, MAX_BESCHEID_LINES } from '../../machines/umsetzung/bescheid-form';

describe('the cost lines a posted Bescheid form says it has', () => {
  it('is a whole number between 0 and the maximum, whatever was sent', () => {
    expect(bescheidLineCount('3')).toBe(3);
    expect(bescheidLineCount('2.7')).toBe(2);
    expect(bescheidLineCount('-4')).toBe(0);
    expect(bescheidLineCount('')).toBe(0);
    expect(bescheidLineCount('zwei')).toBe(0);
    // Found by the HTTP fuzzer: "1e309" is Infinity, and the page tried to render that many rows.
    expect(bescheidLineCount('1e309')).toBe(0);
    expect(bescheidLineCount('-1e309')).toBe(0);
    expect(bescheidLineCount('1e6')).toBe(MAX_BESCHEID_LINES);
    expect(bescheidLineCount(String(MAX_BESCHEID_LINES))).toBe(MAX_BESCHEID_LINES);
  });
});
