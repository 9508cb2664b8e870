/**
 * Colours for one series per category or segment: the Okabe-Ito palette (distinguishable with
 * the common colour-vision deficiencies), darkened where it is too light on white, then the
 * app's own blues; "no reason recorded" is always grey.
 */
const SERIES = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a6c00', '#1d2733', '#6a4c93', '#a4262c', '#2e8b57', '#1f5f8b'] as const;

export const NO_REASON_COLOR = '#9aa5b1';

export function seriesColor(i: number): string {
  return SERIES[i % SERIES.length];
}
