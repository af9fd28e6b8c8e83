import { describe, expect, it } from 'vitest';
import { exampleInputProblems, type CalculatorId } from '../../src/lib/articles/examples';
import { SALE_VS_CUSTOMER_PRESETS } from '../../src/lib/sale-vs-customer/presets';
import { RETENTION_PRESETS } from '../../src/lib/retention-vs-acquisition/presets';
import type { Preset } from '../../src/lib/presets';

const sets: [CalculatorId, readonly Preset[]][] = [
  ['sale-vs-customer', SALE_VS_CUSTOMER_PRESETS],
  ['retention-vs-acquisition', RETENTION_PRESETS],
];

for (const [calculator, presets] of sets) {
  describe(`${calculator} presets`, () => {
    it('offer at least six businesses with distinct ids and a one-line description', () => {
      expect(presets.length).toBeGreaterThanOrEqual(6);
      expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
      for (const preset of presets) {
        expect(preset.description.length).toBeGreaterThan(30);
        expect(preset.description.length).toBeLessThan(140);
      }
    });

    for (const preset of presets) {
      it(`${preset.id} uses only inputs the calculator accepts, within range`, () => {
        expect(
          exampleInputProblems({ id: preset.id, calculator, inputs: preset.inputs, quotes: [] }),
        ).toEqual([]);
      });
    }
  });
}
