import type { ChartConfiguration } from 'chart.js';
import { lineChartConfig, type ChartTheme, type LineChartModel } from './line-chart-config';

/** The chart types LineChart draws: lines, and bars drawn with them on the same axes. */
export type DrawnChartType = 'line' | 'bar';

/**
 * A chart as LineChart draws it: the CSS custom properties its colours come from (read from the page's
 * theme: light, dark or print), and its Chart.js configuration for those colours. Both are plain functions
 * of data, so one wrapper draws, updates in place and prints the calculators' charts and the orders page's.
 */
export interface ChartSpec {
  /** Custom properties on :root that hold the series' colours, e.g. "--chart-customer". */
  readonly colorVars: readonly string[];
  /** A fresh configuration for the theme, with data arrays Chart.js may own. */
  config(theme: ChartTheme): ChartConfiguration<DrawnChartType>;
}

/** The calculators' line chart as a spec. */
export function lineChartSpec(model: LineChartModel): ChartSpec {
  return {
    colorVars: model.series.map((series) => series.colorVar),
    config: (theme) => lineChartConfig(model, theme),
  };
}
