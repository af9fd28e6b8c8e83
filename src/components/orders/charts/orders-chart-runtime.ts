// The calculators' Chart.js runtime plus bars, for the orders charts' histograms; loaded like it, when a
// chart nears the screen. The calculators' pages never fetch the bar parts.
import { BarController, BarElement } from 'chart.js';
import { Chart } from '../../calculator/chart-runtime';

Chart.register(BarController, BarElement);

export { Chart };
