// Keepwise analytics core: pure functions over typed columns. No DOM, no Dexie, runs in Node.
export {};

// retention
export * from './stats/kahan-sum.ts';
export * from './stats/quantile-sorted.ts';
export * from './retention/periods.ts';
export * from './retention/customer-index.ts';
export * from './retention/activity.ts';
export * from './retention/retention-periods.ts';
export * from './retention/revenue-by-period.ts';
export * from './retention/cohorts.ts';
export * from './retention/mrr.ts';
export * from './retention/suggest-window.ts';
export type * from './retention/report-types.ts';
export {
  retentionReport,
  resolveSource,
  dayRange,
  evaluateReceipt,
  CHURN_DEFINITIONS,
  churnRates,
  definitionsFor,
  cohortReceipt,
  countReceipt,
  crrReceipt,
  exactReceipt,
  mrrReceipt,
  periodChurnReceipt,
  periodMembers as reportPeriodMembers,
} from './retention/report.ts';
export type { RetentionTables } from './retention/report.ts';
export * from './retention/lifetimes.ts';

// parse
export * from './parse/formats.ts';
export { isNullToken, NULL_TOKENS } from './parse/null-token.ts';
export { parseLocaleNumber, explainNumber, detectNumberFormat, numberExample } from './parse/number.ts';
export type { NumberFormatGuess } from './parse/number.ts';
export {
  parseDate,
  dayToIso,
  isoToDay,
  excelSerialToDay,
  daysFromCivil,
  isLeapYear,
  daysInMonth,
} from './parse/date.ts';
export { explainDate, detectDateOrder, dateShape } from './parse/date-detect.ts';
export type { DateOrderGuess, DateShape } from './parse/date-detect.ts';
export { normaliseId, hasInvisibleChars, looksLikeScientificNotation } from './parse/id.ts';
export { normaliseHeader, isPiiHeader, suggestMapping, guessKinds } from './parse/header-match.ts';
export { FIELD_SYNONYMS } from './parse/synonyms.ts';
export { PRESETS, matchPreset } from './parse/presets.ts';
export type { Preset } from './parse/presets.ts';

// survival
export { logGamma } from './stats/log-gamma.ts';
export { logBeta } from './stats/log-beta.ts';
export { nelderMead } from './stats/nelder-mead.ts';
export type { NelderMeadOptions, NelderMeadResult } from './stats/nelder-mead.ts';
export { kaplanMeier, kaplanMeierAt } from './retention/survival-km.ts';
export type { KaplanMeierCurve } from './retention/survival-km.ts';
export {
  fitSbg,
  sbgLogLikelihood,
  sbgSurvival,
  sbgChurnProbability,
  sbgRetentionRate,
  sbgProjection,
  sbgExpectedLifetime,
  sbgDerl,
} from './retention/sbg.ts';
export type { SbgFit, SbgProjection } from './retention/sbg.ts';
