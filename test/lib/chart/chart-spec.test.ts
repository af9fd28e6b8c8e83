import { describe, expect, it } from 'vitest';
import { lineChartSpec } from '../../../src/lib/chart/chart-spec';
import {
  lineChartConfig,
  type ChartTheme,
  type LineChartModel,
} from '../../../src/lib/chart/line-chart-config';

const model: LineChartModel = {
  labels: ['1', '2'],
  xTitle: 'Year',
  yTitle: 'Value',
  series: [
    { id: 'a', label: 'Customer', values: [1, 2], role: 'main', colorVar: '--chart-customer' },
    { id: 'b', label: 'Sale', values: [1, 1], role: 'comparison', colorVar: '--chart-sale' },
  ],
  valueFormat: { kind: 'count' },
  locale: 'en-US',
};
const theme: ChartTheme = {
  text: '#444',
  grid: '#eee',
  series: { '--chart-customer': '#0d5c4d' },
  reducedMotion: true,
};

describe('lineChartSpec', () => {
  it('reads the colours of the model’s series and draws the calculators’ line configuration', () => {
    const spec = lineChartSpec(model);
    expect(spec.colorVars).toEqual(['--chart-customer', '--chart-sale']);
    const config = spec.config(theme);
    expect(config.type).toBe('line');
    expect(config.data).toEqual(lineChartConfig(model, theme).data);
    expect(config.data.datasets[0]?.borderColor).toBe('#0d5c4d');
  });
});
