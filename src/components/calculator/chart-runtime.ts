// Loaded on demand when a chart scrolls into view, so Chart.js never weighs on the first paint.
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Register only the parts a line chart uses; chart.js/auto would ship every controller.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export { Chart };
