/**
 * Error bars for bar charts: a Chart.js plugin (passed per chart in `config.plugins`, not
 * registered globally) that draws each bar's 95 % interval as a whisker with end caps. The
 * intervals ride on the dataset itself (`intervals: [low, high][]`, in the value axis' units),
 * so an in-place data update (ChartPanel) redraws them with the new numbers.
 */
import type { Chart, Plugin } from 'chart.js';

export type Interval = readonly [number, number] | null;

/** A bar dataset with intervals (the extra property is read by the plugin only). */
export interface WithIntervals {
  intervals?: readonly Interval[];
}

const CAP = 4;

export const intervalWhiskers: Plugin<'bar'> = {
  id: 'keepwiseIntervalWhiskers',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    chart.data.datasets.forEach((dataset, i) => {
      const intervals = (dataset as WithIntervals).intervals;
      const meta = chart.getDatasetMeta(i);
      if (!intervals || meta.hidden) return;
      const scale = horizontal ? chart.scales[meta.xAxisID ?? 'x'] : chart.scales[meta.yAxisID ?? 'y'];
      if (!scale) return;
      ctx.save();
      ctx.strokeStyle = '#1d2733';
      ctx.lineWidth = 1.5;
      meta.data.forEach((bar, j) => {
        const iv = intervals[j];
        if (!iv) return;
        const a = scale.getPixelForValue(iv[0]);
        const b = scale.getPixelForValue(iv[1]);
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(a, y);
          ctx.lineTo(b, y);
          ctx.moveTo(a, y - CAP);
          ctx.lineTo(a, y + CAP);
          ctx.moveTo(b, y - CAP);
          ctx.lineTo(b, y + CAP);
        } else {
          ctx.moveTo(x, a);
          ctx.lineTo(x, b);
          ctx.moveTo(x - CAP, a);
          ctx.lineTo(x + CAP, a);
          ctx.moveTo(x - CAP, b);
          ctx.lineTo(x + CAP, b);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};
