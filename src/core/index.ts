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
export { churnFindings, EXPOSURE_ATTRIBUTES } from './churn/findings.ts';
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
export { bgnbdExpectedCurve, bgnbdLogLikelihoodGradient } from './clv/bgnbd.ts';
export { gammaGammaLogLikelihoodGradient } from './clv/gamma-gamma.ts';
export { bfgs } from './stats/bfgs.ts';
export type { BfgsOptions, BfgsResult } from './stats/bfgs.ts';
export { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdPAlive, paretoNbdExpected, paretoNbdConditionalExpected } from './clv/pareto-nbd.ts';
export type { ParetoNbdFit, ParetoNbdParams } from './clv/pareto-nbd.ts';
export { clvReport } from './clv/report.ts';
export type { ClvReport, ClvParams } from './clv/report.ts';

// satisfaction (issue #12)
export { SCALES, SCALE_RANGE, scaleCode, scaleFromText, detectScale, answerScales } from './satisfaction/score-scale.ts';
export type { ScoreScale, ScaleDetection, ScaleReading, ScaleSource } from './satisfaction/score-scale.ts';
export { netPromoterScore, npsGroupOf } from './satisfaction/nps.ts';
export type { NpsFigure, NpsGroup } from './satisfaction/nps.ts';
export { satisfiedShare, SATISFIED_FROM } from './satisfaction/csat.ts';
export type { ShareFigure } from './satisfaction/csat.ts';
export { feedbackAnswers, textAt } from './satisfaction/feedback-answers.ts';
export type { FeedbackAnswers } from './satisfaction/feedback-answers.ts';
export { scoreSummary, scoreSummaries } from './satisfaction/score-summary.ts';
export type { ScoreSummary, ScaleSummary } from './satisfaction/score-summary.ts';
export { satisfactionTrend } from './satisfaction/satisfaction-trend.ts';
export { satisfactionByTouchpoint, satisfactionByAttribute } from './satisfaction/satisfaction-by.ts';
export { latestAnswerRows } from './satisfaction/latest-answers.ts';
export { responseRate } from './satisfaction/response-rate.ts';
export { npsGroupRetention } from './satisfaction/nps-retention.ts';
export { answerRowOf, answerRows } from './satisfaction/answer-rows.ts';
export type { AnswerRow } from './satisfaction/answer-rows.ts';
export { recentDetractors, isLowScore, LOW_SCORE_TO } from './satisfaction/recent-detractors.ts';
export { foldText, filterAnswers } from './satisfaction/comment-search.ts';
export type { AnswerFilter } from './satisfaction/comment-search.ts';
export { satisfactionReport } from './satisfaction/satisfaction-report.ts';
export type { SatisfactionReport, SatisfactionParams, SatisfactionNote } from './satisfaction/satisfaction-report.ts';
export { proportionDifference } from './stats/proportion-difference.ts';
export { churnRateDifference } from './churn/churn-rate-difference.ts';
export type { ChurnRateDifference } from './churn/churn-rate-difference.ts';

// referrals (issue #12)
export { activeCustomersOn } from './customers/active-on.ts';
export type { ActiveCustomers } from './customers/active-on.ts';
export { referralPairs, convertedBy, FIRST_PURCHASE_FROM } from './referrals/referral-pairs.ts';
export type { ReferralPairs } from './referrals/referral-pairs.ts';
export { referralRate, referralBand, REFERRAL_BANDS } from './referrals/referral-rate.ts';
export { referralsByPeriod } from './referrals/referrals-by-period.ts';
export { referralConversion, TIME_BINS } from './referrals/referral-conversion.ts';
export { referredComparison } from './referrals/referred-comparison.ts';
export { topReferrers } from './referrals/top-referrers.ts';
export { promotersToAsk } from './referrals/promoters-to-ask.ts';
export { referralReport } from './referrals/referral-report.ts';
export type { ReferralReport, ReferralParams } from './referrals/referral-report.ts';

// returning vs new (issue #12)
export { RunningMoments } from './stats/running-moments.ts';
export { forEachCustomerPeriod } from './returning/customer-periods.ts';
export { returningByPeriod } from './returning/returning-periods.ts';
export { returningUplift, upliftOf } from './returning/returning-uplift.ts';
export { returningReport } from './returning/returning-report.ts';
export type { ReturningReport, ReturningParams } from './returning/returning-report.ts';
