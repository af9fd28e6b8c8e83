import { describe, expect, it } from 'vitest';
import { parseUrlNumber } from '../../../src/lib/params';
import { computeSubscription } from '../../../src/lib/subscription/model';
import { parsePeriodParam, SUBSCRIPTION_PARAMS } from '../../../src/lib/subscription/params';
import { SUBSCRIPTION_PRESETS } from '../../../src/lib/subscription/presets';
import { checkSurvival, parseSurvivalParam } from '../../../src/lib/subscription/survival-input';

describe('Subscriber value presets', () => {
  it('offer four businesses with distinct ids and a one-line description', () => {
    expect(SUBSCRIPTION_PRESETS).toHaveLength(4);
    expect(new Set(SUBSCRIPTION_PRESETS.map((preset) => preset.id)).size).toBe(4);
    for (const preset of SUBSCRIPTION_PRESETS) {
      expect(preset.description.length).toBeGreaterThan(30);
      expect(preset.description.length).toBeLessThan(140);
    }
  });

  describe.each(SUBSCRIPTION_PRESETS.map((preset) => [preset.id, preset] as const))('%s', (_id, preset) => {
    const period = parsePeriodParam(preset.extras?.['period'] ?? '');
    const survival = parseSurvivalParam(preset.extras?.['survival'] ?? '');
    const series = survival.ok ? survival.series : [];
    const inputs = {
      ...(Object.fromEntries(SUBSCRIPTION_PARAMS.map((spec) => [spec.key, spec.default])) as Record<
        (typeof SUBSCRIPTION_PARAMS)[number]['key'],
        number
      >),
      ...preset.inputs,
    };
    const results = computeSubscription({
      ...inputs,
      period: period ?? 'month',
      churn: null,
      cohorts: [series],
    });

    it('sets every number but churn, each one the URL accepts', () => {
      expect(Object.keys(preset.inputs).sort()).toEqual(
        ['cac', 'discount', 'margin', 'price', 'tenure', 'years'].sort(),
      );
      for (const [key, value] of Object.entries(preset.inputs)) {
        const spec = SUBSCRIPTION_PARAMS.find((candidate) => candidate.key === key)!;
        expect(parseUrlNumber(String(value), spec).ok, key).toBe(true);
      }
    });

    it('has a billing period and a never-rising cohort of 1,000 with 9 to 13 counts', () => {
      expect(period).not.toBeNull();
      expect(survival.ok).toBe(true);
      expect(checkSurvival(series).ok).toBe(true);
      expect(series[0]).toBe(1000);
      expect(series.length).toBeGreaterThanOrEqual(9);
      expect(series.length).toBeLessThanOrEqual(13);
    });

    it('fits, and the share renewing rises with tenure in the counts and the curve', () => {
      expect(results.fit).not.toBeNull();
      const counted = results.rows.slice(1, series.length).map((row) => row.actualRetention!);
      expect(counted).toHaveLength(series.length - 1);
      for (let t = 1; t < counted.length; t++) expect(counted[t]!).toBeGreaterThan(counted[t - 1]!);
      // heterogeneous subscribers: the fitted retention climbs by more than a few points over the data
      const fitted = results.rows.slice(1, series.length).map((row) => row.sbgRetention!);
      expect(fitted.at(-1)! - fitted[0]!).toBeGreaterThan(0.04);
    });
  });
});
