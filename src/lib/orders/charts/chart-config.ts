/**
 * The Chart.js configuration of an orders chart, as a pure function of its data and the page's theme, for
 * the calculators' chart wrapper (LineChart.svelte) to draw and update in place.
 *
 * Series are told apart by more than colour: each has its own point shape, and lines their own dash, so a
 * chart printed in grey or seen without some colours still reads; the legend shows the shapes.
 *
 * Bars are drawn by a small plugin over invisible points (the points keep the tooltip and the legend), so
 * the page needs no bar controller: Chart.js is one module, and registering bars would have added 3 KB to
 * the chart code every calculator page loads.
 */
import type { ChartConfiguration, ChartDataset, Plugin, PointStyle } from 'chart.js';
import type { ChartTheme } from '../../chart/line-chart-config';
import type { ChartSpec, DrawnChartType } from '../../chart/chart-spec';
import {
  formatTick,
  formatValue,
  markerIndex,
  type OrdersChartData,
  type OrdersChartSeries,
} from './chart-data';

/**
 * The series' colours, in order, as custom properties of global.css (light and dark) and print.css; each
 * has at least 3:1 contrast against the page and the panels in both palettes (WCAG 1.4.11), which
 * test/lib/orders/charts/palette.test.ts checks.
 */
export const SERIES_COLOR_VARS = [
  '--chart-customer',
  '--chart-sale',
  '--chart-alternative',
  '--chart-cost',
  '--chart-ochre',
  '--chart-plum',
] as const;

/** Point shapes, one per series in turn: filled shapes first, then the stroked ones. */
export const SERIES_POINT_STYLES: readonly PointStyle[] = [
  'circle',
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
];

/** Line dashes, one per series in turn: solid, dashed, dotted, dash-dot. */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** How the n-th series looks: its colour's custom property, its point shape and its line dash. */
export function seriesLook(index: number): { colorVar: string; pointStyle: PointStyle; dash: number[] } {
  const at = <T>(list: readonly T[]): T => list[index % list.length] as T;
  return {
    colorVar: at(SERIES_COLOR_VARS),
    pointStyle: at(SERIES_POINT_STYLES),
    dash: [...at(SERIES_DASHES)],
  };
}

/** Long series get smaller points, so the line stays visible between them. */
const LONG_SERIES = 40;

type Dataset = ChartDataset<'line', (number | null)[]>;

/** Every other bar series is drawn as an outline, so two side by side differ by more than colour. */
const outlinedBar = (barIndex: number) => barIndex % 2 === 1;

/**
 * One series as a Chart.js dataset, in the theme's colours. `barIndex` is its place among the bar series
 * (for bars only): bars are points with no radius that {@link barsPlugin} draws as bars.
 */
export function seriesDataset(
  series: OrdersChartSeries,
  index: number,
  theme: ChartTheme,
  barIndex = 0,
): Dataset {
  const look = seriesLook(index);
  const color = theme.series[look.colorVar] ?? theme.text;
  const data = [...series.values];
  if (series.style === 'bar') {
    const outlined = outlinedBar(barIndex);
    return {
      type: 'line',
      label: series.name,
      data,
      borderColor: color,
      backgroundColor: outlined ? 'transparent' : color,
      borderWidth: 2,
      showLine: false,
      pointRadius: 0,
      pointHoverRadius: 0,
      // The legend's swatch: a filled or an outlined square.
      pointStyle: 'rect',
    };
  }
  const points = series.style === 'points';
  return {
    type: 'line',
    label: series.name,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: points ? 2 : 2.5,
    borderDash: look.dash,
    showLine: !points,
    pointStyle: look.pointStyle,
    pointRadius: points ? 4 : series.values.length > LONG_SERIES ? 2 : 3,
    pointHoverRadius: 6,
    // Straight segments: the values are per period, and a curve between them could dip below zero.
    tension: 0,
  };
}

/** The share of a category's width its bars take together; the rest is the gap between categories. */
export const BAR_GROUP_WIDTH = 0.8;

/**
 * A plugin that draws the bar series (by dataset index, in order) as bars from zero, side by side within
 * each category, under the lines; a series hidden from the legend is skipped.
 */
export function barsPlugin(
  bars: readonly { readonly datasetIndex: number; readonly color: string }[],
): Plugin<DrawnChartType> {
  return {
    id: 'ordersBars',
    beforeDatasetsDraw(chart) {
      const x = chart.scales['x'];
      const y = chart.scales['y'];
      const count = chart.data.labels?.length ?? 0;
      if (!x || !y || count === 0) return;
      const band = count > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : x.width;
      const width = (band * BAR_GROUP_WIDTH) / bars.length;
      const base = y.getPixelForValue(0);
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.beginPath();
      ctx.rect(
        chartArea.left,
        chartArea.top,
        chartArea.right - chartArea.left,
        chartArea.bottom - chartArea.top,
      );
      ctx.clip();
      bars.forEach(({ datasetIndex, color }, barIndex) => {
        const dataset = chart.data.datasets[datasetIndex];
        if (!dataset || !chart.isDatasetVisible(datasetIndex)) return;
        ctx.fillStyle = color;
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        dataset.data.forEach((value, category) => {
          if (typeof value !== 'number' || !Number.isFinite(value)) return;
          const left = x.getPixelForValue(category) - (band * BAR_GROUP_WIDTH) / 2 + barIndex * width;
          const top = y.getPixelForValue(value);
          // An outline is drawn inside its bar, so outlined and filled bars are the same size.
          if (outlinedBar(barIndex)) ctx.strokeRect(left + 1, top + 1, width - 2, base - top - 2);
          else ctx.fillRect(left, top, width, base - top);
        });
      });
      ctx.restore();
    },
  };
}

/** The marker's dash and the gap between the line and its words, in CSS pixels. */
const MARKER_DASH = [6, 4];
const MARKER_TEXT_GAP = 4;

/**
 * A plugin that draws a dashed vertical line at the label with the given index, named at its top, on the
 * side with more room.
 */
export function markerPlugin(index: number, label: string, color: string): Plugin<DrawnChartType> {
  return {
    id: 'ordersMarker',
    afterDatasetsDraw(chart) {
      const scale = chart.scales['x'];
      if (!scale) return;
      const x = scale.getPixelForValue(index);
      const { top, bottom, left, right } = chart.chartArea;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(MARKER_DASH);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      const onRight = x < (left + right) / 2;
      ctx.textAlign = onRight ? 'left' : 'right';
      ctx.textBaseline = 'top';
      ctx.fillText(label, onRight ? x + MARKER_TEXT_GAP : x - MARKER_TEXT_GAP, top + MARKER_TEXT_GAP);
      ctx.restore();
    },
  };
}

/** The Chart.js configuration for an orders chart in a theme; its arrays are fresh copies Chart.js may own. */
export function ordersChartConfig(
  data: OrdersChartData,
  theme: ChartTheme,
): ChartConfiguration<DrawnChartType> {
  const format = (value: number) => formatValue(value, data.y.unit, data.locale);
  const marker = markerIndex(data);
  const bars = data.series.flatMap((series, index) => (series.style === 'bar' ? [index] : []));
  const plugins: Plugin<DrawnChartType>[] = [];
  if (bars.length > 0)
    plugins.push(
      barsPlugin(
        bars.map((datasetIndex) => ({
          datasetIndex,
          color: theme.series[seriesLook(datasetIndex).colorVar] ?? theme.text,
        })),
      ),
    );
  if (marker >= 0 && data.marker) plugins.push(markerPlugin(marker, data.marker.label, theme.text));
  return {
    type: 'line',
    data: {
      labels: [...data.labels],
      datasets: data.series.map((series, index) => seriesDataset(series, index, theme, bars.indexOf(index))),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: theme.reducedMotion ? false : { duration: 250 },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: theme.text, usePointStyle: true, boxHeight: 8 },
        },
        tooltip: {
          // A series without a value at this label (a cohort too young) is left out, not shown as empty.
          filter: (item) => item.parsed.y !== null && Number.isFinite(item.parsed.y),
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.parsed.y))}`,
          },
        },
      },
      scales: {
        x: {
          // Bars need half a category of room at each end; lines start at the axis.
          offset: bars.length > 0,
          title: { display: true, text: data.x.title, color: theme.text },
          ticks: { color: theme.text },
          grid: { color: theme.grid },
        },
        y: {
          beginAtZero: true,
          // Room above the tallest bar or point, so it does not touch the top or the marker's words.
          grace: '5%',
          title: { display: true, text: data.y.title, color: theme.text },
          ticks: {
            color: theme.text,
            // Whole counts get whole ticks only.
            ...(data.y.unit.kind === 'count' ? { precision: 0 } : {}),
            callback: (value) => formatTick(Number(value), data.y.unit, data.locale),
          },
          grid: { color: theme.grid },
        },
      },
    },
    plugins,
  };
}

/** An orders chart as LineChart draws it: the colours its series use, and its configuration. */
export function ordersChartSpec(data: OrdersChartData): ChartSpec {
  return {
    colorVars: data.series.map((_, index) => seriesLook(index).colorVar),
    config: (theme) => ordersChartConfig(data, theme),
  };
}
