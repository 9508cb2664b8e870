/**
 * The arithmetic of the report's static SVG charts: a "nice" axis (ticks on 1, 2, 2.5 or 5 times
 * a power of ten) and the palette. SVG rather than Chart.js: the figures are vector on paper,
 * drawn once with no canvas to resize before printing, and need no script at print time.
 */

/** Dark enough to tell apart on a black-and-white printer (and for the common colour-vision deficiencies). */
export const INK = {
  line: '#1f5f8b',
  second: '#6a4c93',
  bar: '#1f5f8b',
  muted: '#8a96a3',
  whisker: '#1d2733',
  grid: '#d5dde6',
  text: '#1d2733',
} as const;

export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** Ticks covering [min, max] (about `count` of them); a flat or empty range is widened by one step. */
export function niceAxis(min: number, max: number, count = 5): Axis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, ticks: [0, 1] };
  if (max < min) [min, max] = [max, min];
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (hi === lo) {
    lo -= step;
    hi += step;
  }
  const ticks: number[] = [];
  // Rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return { min: lo, max: hi, ticks };
}

/** One line of a LineChart: a value (or null: a gap) per x label. */
export interface LineSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly color?: string;
  readonly dashed?: boolean;
}

/** One bar of a BarChart, with an optional interval drawn as a whisker. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
}
