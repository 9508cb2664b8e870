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

// statistics (churn audit, segments)
export { wilsonInterval } from './stats/wilson-interval.ts';
export { twoProportionZTest } from './stats/two-proportion-z-test.ts';
export { chiSquareIndependence } from './stats/chi-square-independence.ts';
export { benjaminiHochberg } from './stats/benjamini-hochberg.ts';
export { logRankTest } from './stats/log-rank-test.ts';
export { welchTTest } from './stats/welch-t-test.ts';

// customers
export { buildCustomerTable, churnDayOrders } from './customers/customer-table.ts';
export type { CustomerTable, CustomerFacts } from './customers/customer-table.ts';
export { maskWhere, maskByAttribute, maskSize, maskRows } from './customers/mask.ts';
export { customerGroups, categoryGroups, binGroups, niceEdge, binLabel } from './customers/customer-groups.ts';
export type { CustomerGroups, GroupValue } from './customers/customer-groups.ts';

// churn audit
export { churnAudit, churnAuditWithState, churnMembers } from './churn/audit.ts';
export type { ChurnAudit, ChurnAuditParams, ChurnAuditState } from './churn/audit.ts';
export { churnStatus, churnSourceOf } from './churn/churn-status.ts';
export { churnFlagValues } from './churn/churn-flag.ts';
export { normaliseReason, builtInCategory, classifyReasons, editReasons, isAvoidable, NO_EDITS, STRIPE_FEEDBACK } from './churn/reason-taxonomy.ts';
export type { ReasonEdits, ReasonEdit } from './churn/reason-taxonomy.ts';
export { reasonCounts } from './churn/reason-counts.ts';
export { churnProfile, adjustProfiles, SMALL_GROUP } from './churn/churn-profile.ts';
export { churnFindings, findingSentence, EXPOSURE_ATTRIBUTES } from './churn/findings.ts';
export { idealProfile } from './churn/ideal-profile.ts';

// segments
export { segmentComparison } from './segments/segment-compare.ts';
export type { SegmentComparison, SegmentRow } from './segments/segment-compare.ts';

// clv
export { purchaseSummary } from './clv/purchase-summary.ts';
export type { PurchaseSummary, UniqueRows } from './clv/purchase-summary.ts';
export { hyp2f1 } from './clv/hyp2f1.ts';
export { fitBgnbd, bgnbdLogLikelihood, bgnbdLogLikelihoodOne, bgnbdPAlive, bgnbdExpected, bgnbdConditionalExpected, bgnbdPmf } from './clv/bgnbd.ts';
export type { BgnbdFit, BgnbdParams } from './clv/bgnbd.ts';
export { fitGammaGamma, gammaGammaExpectedSpend } from './clv/gamma-gamma.ts';
export type { GammaGammaFit, GammaGammaParams } from './clv/gamma-gamma.ts';
export { holdoutCheck } from './clv/holdout.ts';
export { discountedPurchases, monthlyRate, WEEKS_PER_MONTH } from './clv/discounted-clv.ts';
export { historicalClv } from './clv/historical-clv.ts';
export { simpleClv } from './clv/simple-clv.ts';
export { rfmScores, rfmGroupOf, RFM_GROUPS } from './clv/rfm.ts';
export { actionLists } from './clv/action-lists.ts';
export { clvReport } from './clv/report.ts';
export type { ClvReport, ClvParams } from './clv/report.ts';
