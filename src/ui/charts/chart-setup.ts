/**
 * Chart.js, tree-shaken: only the parts the retention charts use are registered (bar and line
 * charts on category/linear axes, the band fill, legend and canvas tooltips). Tooltips stay on
 * the canvas: HTML tooltips would need inline styles, which the CSP forbids.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';

// A transparent PNG prints badly and vanishes on dark slides: paint the canvas white first
// (the Chart.js docs' "canvas background" plugin).
const whiteBackground: Plugin = {
  id: 'keepwiseWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip, whiteBackground);

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = '#1d2733';
Chart.defaults.maintainAspectRatio = false;
// No animations: resolving them per point cost ~170 ms of main thread per recompute on the
// sample data (measured), they replay on every filter change, and they would end up half-drawn in print.
Chart.defaults.animation = false;
Chart.defaults.normalized = true;

/** The palette of app.css, readable in print and for the common colour-vision deficiencies. */
export const COLORS = {
  start: '#1f5f8b',
  new: '#2e8b57',
  lost: '#c0392b',
  reactivated: '#e08e0b',
  churn: '#a4262c',
  crr: '#1f5f8b',
  exact: '#6a4c93',
  band: 'rgba(31, 95, 139, 0.18)',
  projection: '#e08e0b',
  grid: '#d5dde6',
} as const;

const live = new Set<Chart>();

// Canvas charts keep their screen size on paper unless resized around printing (Chart.js docs, "Printing resizable charts").
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    for (const chart of live) chart.resize(640, 320);
  });
  window.addEventListener('afterprint', () => {
    for (const chart of live) chart.resize();
  });
}

/** Creates a chart on `canvas`; the returned function destroys it (return it from an $effect). */
export function mountChart<T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T>): { chart: Chart<T>; destroy: () => void } {
  const chart = new Chart<T>(canvas, config);
  live.add(chart as unknown as Chart);
  return {
    chart,
    destroy: () => {
      live.delete(chart as unknown as Chart);
      chart.destroy();
    },
  };
}

/** The chart as a PNG (Chart.toBase64Image); the background plugin makes it opaque white. */
export function chartPng(chart: Chart): string {
  return chart.toBase64Image('image/png', 1);
}

export { Chart };
export type { ChartConfiguration };
