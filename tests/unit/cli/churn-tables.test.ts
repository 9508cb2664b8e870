/**
 * The churn audit on public churn tables (tests/fixtures/csv/churn-tables/README.md: the first
 * 300 rows of IBM's Telco sample, Maven Analytics' telecom table and the bank Churn_Modelling
 * table): customer rows with a churn flag, reasons and tenure, and no dates. Expected counts were
 * taken independently with Python's csv module (Counter of the flag per value):
 * - IBM Telco: Contract Month-to-month 74 / 167 churned, One year 1 / 59, Two year 2 / 74;
 * - Maven: 82 churned (199 stayed, 19 joined); Churn_Category Competitor 34, Attitude 18,
 *   Dissatisfaction 13, Other 9, Price 8;
 * - bank: NumOfProducts 1: 46 / 149, 2: 8 / 140, 3: 9 / 9, 4: 2 / 2.
 * What a statistician checks: the flag read the right way round, the base, Wilson intervals that
 * contain the rate, small groups marked and never called significant, a chi-square on the whole
 * attribute, BH-adjusted q above the raw p, and findings only where the evidence is.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../../scripts/analyze-lib.ts';

const DIR = fileURLToPath(new URL('../../fixtures/csv/churn-tables/', import.meta.url));
const audit = async (file: string) => {
  const out = await analyzeFiles([DIR + file]);
  expect(out.exitCode, out.messages.join('\n')).toBe(0);
  return out.report!.churnAudit!;
};

describe('churn audit on public churn tables', () => {
  it('IBM Telco: month-to-month contracts churn most; the flag, base and intervals read right', async () => {
    const a = await audit('ibm-telco-churn-yes-no.csv');
    expect([a.source, a.customers, a.churned, a.asOf]).toEqual(['flag', 300, 77, null]);
    // No reasons in this table: every churned customer is "no reason recorded".
    expect([a.noReason, a.noReasonCount, a.reasons]).toEqual([100, 77, []]);
    const contract = a.attributes.find((x) => x.attribute === 'Contract')!;
    expect(contract.values.map((v) => [v.value, v.churned, v.customers])).toEqual([['Month-to-month', 74, 167], ['Two year', 2, 74], ['One year', 1, 59]]);
    expect(contract.df).toBe(2);
    expect(contract.p!).toBeLessThan(1e-10);
    for (const x of a.attributes) {
      for (const v of x.values) {
        if (v.rate !== null) expect(v.low! <= v.rate && v.rate <= v.high!).toBe(true);
        if (v.p !== null && v.q !== null) expect(v.q).toBeGreaterThanOrEqual(v.p);
        if (v.small) expect(v.significant).toBe(false);
      }
    }
    expect(a.findings[0]).toBe('Customers with Contract Month-to-month churn 1.7x as often: 44.3 % vs 25.7 % overall, significant (q < 0.001).');
    // MonthlyCharges and TotalCharges are text columns of numbers: binned, not dropped.
    expect(a.attributes.find((x) => x.attribute === 'TotalCharges')!.values[0].value).toMatch(/^under \d+$/);
    expect(a.idealBasis).toBe('tenure');
  });
  it('Maven telecom: the file`s own churn categories are the reasons, and no churned customer lacks one', async () => {
    const a = await audit('maven-telecom-status-reason-category.csv');
    expect([a.customers, a.churned]).toEqual([300, 82]);
    expect(a.reasons.map((r) => [r.reason, r.count])).toEqual([['Competitor', 34], ['Attitude', 18], ['Dissatisfaction', 13], ['Other', 9], ['Price', 8]]);
    expect(a.noReasonCount).toBe(0);
    expect(a.reasons[0].texts.map((t) => t.text)).toContain('Competitor made better offer');
    // Nobody on a two-year contract churned: said as such, not as "Infinity times less often".
    expect(a.findings).toContain('None of the 79 customers with Contract Two Year churned: 0 % vs 27.3 % overall, significant (q < 0.001).');
  });
  it('bank: two products churn least; three and four products are small groups, shown and not called significant', async () => {
    const a = await audit('bank-churn-modelling-exited.csv');
    const products = a.attributes.find((x) => x.attribute === 'NumOfProducts')!;
    expect(products.values.map((v) => [v.value, v.churned, v.customers, v.small])).toEqual([['1', 46, 149, false], ['2', 8, 140, false], ['3', 9, 9, true], ['4', 2, 2, true]]);
    expect(products.values[2].significant).toBe(false);
    expect(a.findings[0]).toMatch(/^Customers with NumOfProducts 2 churn 3\.8x less often/);
  });
});
