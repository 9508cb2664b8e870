/**
 * The command line's English sentences for what the core returns as codes and numbers (issue
 * #7 item 6): the window suggestion and the reconciliation of churn definitions in the
 * retention JSON, the churn audit's findings in the churn JSON. The page writes the same codes
 * in its six languages (src/lib/retention-text.ts, src/lib/churn-text.ts).
 *
 * Why not the page's English dictionary: these sentences are pinned byte for byte by the golden
 * files (tests/golden) and read differently from the page's (plain ASCII, numbers without
 * thousands separators, one sentence per reconciliation), so they are written here, once.
 */
import type { Finding } from '../src/core/churn/findings.ts';
import { receiptNumber } from '../src/core/retention/receipts.ts';
import type { ReconciliationExplanation, WindowExplanation } from '../src/core/retention/report-types.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const round1 = (x: number): string => String(Math.round(x * 10) / 10);

/** Why the suggested W is what it is: "80 % of the repeat purchases ... so W = 77 days." */
export function windowSentence(e: WindowExplanation): string {
  if (e.code === 'window-default') return `No customer bought on two different days, so the default of ${e.params.days} days is suggested.`;
  const p = e.params;
  return (
    `${p.percent} % of the repeat purchases that happen at all come within ${receiptNumber(p.percentileDays)} days of the previous purchase, half within ${receiptNumber(p.medianDays)} days ` +
    `(repurchase curve: ${p.gaps} repeat purchases of ${p.customers} customers, ${p.censored} purchases not yet followed by another, counted as still open)` +
    (e.code === 'window-repurchase-clamped' ? `; clamped to ${p.days} days (7 to 730).` : `; so W = ${p.days} days.`)
  );
}

/** What the counts reconciling two churn definitions say: "3 customers who joined and left in 2011-03 count as lost in B, ..." */
export function reconciliationSentence(e: ReconciliationExplanation): string {
  switch (e.code) {
    case 'recon-A-B': {
      const { period: P, newLost, N, S } = e.params;
      return (
        `${plural(newLost, 'customer who joined and left', 'customers who joined and left')} in ${P} count as lost in B, not in A; ` +
        `B also divides by the ${plural(N, 'new customer', 'new customers')} of ${P} (${S} + ${N} instead of ${S}).`
      );
    }
    case 'recon-B-C':
      return `C leaves out the ${plural(e.params.newLost, 'customer who joined and left', 'customers who joined and left')} in ${e.params.period}: they are in B's lost and base, in neither of C's.`;
    case 'recon-A-C': {
      const { S, stillActiveNew, base, end, lost } = e.params;
      return `C divides by ${S} + ${stillActiveNew} = ${base} (the ${plural(stillActiveNew, 'new customer', 'new customers')} still active on ${end} join the base); the lost count is the same ${lost}.`;
    }
    case 'recon-D-E': {
      const { period: P, cancelledPaidLater, endedCancelledEarlier } = e.params;
      return (
        `${plural(cancelledPaidLater, 'customer', 'customers')} cancelled in ${P} but paid into a later period (in D, not E); ` +
        `${plural(endedCancelledEarlier, 'customer', 'customers')} whose paid period ended in ${P} had cancelled earlier (in E, not D).`
      );
    }
  }
}

/**
 * A churn finding: "Customers with budget under 500 churn 2.1x as often: 38 % vs 18 % overall,
 * significant (q = 0.001)."
 *
 * @param attribute the attribute's name as the user knows it (the column header).
 */
export function findingSentence(f: Finding, attribute: string): string {
  const q = f.q < 0.001 ? 'q < 0.001' : `q = ${f.q.toFixed(3)}`;
  const who = `${attribute} ${f.value.label}`;
  if (f.code === 'churn-none') return `None of the ${f.customers} customers with ${who} churned: 0 % vs ${round1(f.overall)} % overall, significant (${q}).`;
  const how = f.code === 'churn-more' ? `churn ${round1(f.lift)}x as often` : `churn ${round1(1 / f.lift)}x less often`;
  return `Customers with ${who} ${how}: ${round1(f.rate)} % vs ${round1(f.overall)} % overall, significant (${q}).`;
}
