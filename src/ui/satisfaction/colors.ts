/**
 * Colours of the NPS groups (promoters green, passives grey, detractors red, from the app's
 * palette in charts/chart-setup.ts), of the other scales' bars, and of the referral benchmark
 * bands (light to dark blue: readable in print and with the common colour-vision deficiencies).
 */
import type { NpsGroup } from '../../lib/types.ts';

export const GROUP_COLORS: Readonly<Record<NpsGroup, string>> = { promoter: '#2e8b57', passive: '#9aa5b1', detractor: '#c0392b' };

export const OTHER_SCALE_COLOR = '#9aa5b1';

export const NPS_COLOR = '#1f5f8b';
export const NPS_BAND = 'rgba(31, 95, 139, 0.18)';
export const CSAT_COLOR = '#6a4c93';
export const CSAT_BAND = 'rgba(106, 76, 147, 0.18)';

/** Background of the referral bands under 7 %, 7-15 %, 15-30 %, 30-50 %, 50 %+. */
export const BAND_COLORS: readonly string[] = ['#f3f6f9', '#e3edf5', '#c9dcec', '#a9c7e0', '#86afd2'];
