import { describe, expect, it } from 'vitest';
import {
  ALIVE_BAND_LABELS,
  aliveSpreadCounts,
  aliveSpreadSummary,
  trackingChart,
} from '../../../../src/lib/orders/forecast/charts';
import type { HoldoutCheck } from '../../../../src/lib/orders/forecast/holdout';

describe('the p_alive spread', () => {
  it('counts customers in bands of 10 points, the edges in the band above, 100 % in the last', () => {
    expect(aliveSpreadCounts(Float64Array.of(0, 0.0999, 0.1, 0.5, 0.95, 1, 1))).toEqual([
      2, 1, 0, 0, 0, 1, 0, 0, 0, 3,
    ]);
    expect(ALIVE_BAND_LABELS[0]).toBe('0–10\u00a0%');
    expect(ALIVE_BAND_LABELS[9]).toBe('90–100\u00a0%');
  });

  it('says in a sentence how many are likely still buying and how many have likely gone', () => {
    // 70 % or more: bands 7, 8, 9 (1 + 2 + 3); under 30 %: bands 0, 1, 2 (4 + 0 + 5); 20 in all
    expect(aliveSpreadSummary([4, 0, 5, 1, 1, 1, 2, 1, 2, 3], 'en-US')).toBe(
      'Of 20 customers, 6 have a chance of 70% or more that they still buy, and 9 under 30%.',
    );
  });
});

describe('the tracking chart', () => {
  const check = {
    calibrationWeek: 1,
    weekly: {
      labels: ['1', '2', '3'],
      series: [
        { name: 'Actual', values: [0, 2, 1] },
        { name: 'Model', values: [0.5, 1, 1.5] },
      ],
    },
    cumulative: {
      labels: ['1', '2', '3'],
      series: [
        { name: 'Actual', values: [0, 2, 3] },
        { name: 'Model', values: [0.5, 1.5, 3] },
      ],
    },
  } as unknown as HoldoutCheck;

  it('marks the calibration end at its week, and draws both series as lines', () => {
    const chart = trackingChart(check, true, 'en-US');
    expect(chart.marker).toEqual({ at: '2', label: 'Calibration end' });
    expect(chart.series.map((series) => [series.name, series.style, series.values])).toEqual([
      ['Actual', 'line', [0, 2, 3]],
      ['Model', 'line', [0.5, 1.5, 3]],
    ]);
    expect(trackingChart(check, false, 'en-US').series[0]!.values).toEqual([0, 2, 1]);
  });
});
