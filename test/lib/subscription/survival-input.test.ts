import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeSurvivalProblem,
  encodeSurvival,
  parseSurvivalParam,
  parseSurvivalText,
} from '../../../src/lib/subscription/survival-input';

describe('a survival series as a person types it', () => {
  it.each([
    ['1000, 869, 743', [1000, 869, 743]],
    ['1000,869,743', [1000, 869, 743]],
    ['1,000; 869; 743', [1000, 869, 743]],
    ['1.000\t869\t743', [1000, 869, 743]],
    ['1000\n869\n743\n', [1000, 869, 743]],
    ['12\u202f000 9\u202f500', [12000, 9500]],
    ['  1000 869 ,', [1000, 869]],
  ])('%j', (text, series) => {
    expect(parseSurvivalText(text)).toEqual({ ok: true, series });
  });

  it.each([
    ['', 'empty'],
    ['1000', 'too-few'],
    ['1000, 1100', 'rises'],
    ['0, 0', 'first-zero'],
    ['1000, 86.5', 'not-a-count'],
    ['1000, abc', 'not-a-count'],
    ['1000, -5', 'not-a-count'],
    [Array.from({ length: 62 }, (_, i) => 1000 - i).join(','), 'too-many'],
  ])('%j is refused: %s', (text, code) => {
    const checked = parseSurvivalText(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problem.code).toBe(code);
      expect(describeSurvivalProblem(checked.problem)).toMatch(/\w/);
    }
  });

  it('names the count that rises and the text that is not a count', () => {
    expect(parseSurvivalText('100, 90, 95')).toEqual({ ok: false, problem: { code: 'rises', position: 2 } });
    const checked = parseSurvivalText('100, 9o');
    expect(checked.ok || describeSurvivalProblem(checked.problem)).toBe(
      '“9o” (count 2) is not a whole number of subscribers.',
    );
  });
});

describe('the URL form', () => {
  it('is strict: single commas between whole numbers', () => {
    expect(parseSurvivalParam('1000,869,743')).toEqual({ ok: true, series: [1000, 869, 743] });
    expect(parseSurvivalParam('1000, 869').ok).toBe(false);
    expect(parseSurvivalParam('1,000,869').ok).toBe(false); // 1, 0, 869 rises
    expect(parseSurvivalParam('<b>1</b>,0').ok).toBe(false);
    expect(parseSurvivalParam('').ok).toBe(false);
  });

  it('round-trips every valid series', () => {
    const series = fc
      .array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 60 })
      .map((drops) => {
        const counts = [drops.reduce((sum, n) => sum + n, 1)];
        for (const drop of drops) counts.push(counts[counts.length - 1]! - drop);
        return counts;
      });
    fc.assert(
      fc.property(series, (counts) => {
        expect(parseSurvivalParam(encodeSurvival(counts))).toEqual({ ok: true, series: counts });
        expect(parseSurvivalText(counts.join(', '))).toEqual({ ok: true, series: counts });
      }),
    );
  });
});
