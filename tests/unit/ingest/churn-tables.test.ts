/**
 * Customer tables that carry churn themselves (issue #10, "Where churn comes from"): real public
 * churn tables (tests/fixtures/csv/churn-tables/, README.md there names each source, commit and
 * the rows kept) through the command line's code path: analyzeFiles for the kind, the mapping
 * and the rows, and the same inspectFile + parseFile it runs for the stored columns. None of
 * them has a date: they import as customers tables with no retention figures.
 *
 * The expected counts were computed from the fixture files, independently of this code, with awk
 * (the files have no quoted fields):
 *   awk -F, 'NR>1 && $21=="Yes"{c++} NR>1{t+=$6} END{print c, t, NR-1}' ibm-telco-churn-yes-no.csv
 *     -> 77 churned, tenure sum 9332, 300 rows
 *   awk -F, 'NR>1 && $36=="Churned"{c++} NR>1 && $38!=""{r++} NR>1{t+=$11} END{print c, r, t, NR-1}'
 *     maven-telecom-status-reason-category.csv -> 82 churned, 82 with a reason, tenure sum 9929, 300 rows
 *     ($36=="Joined": 19; per Churn_Category: Competitor 34, Attitude 18, Dissatisfaction 13, Other 9, Price 8)
 *   awk -F, 'NR>1 && $14=="1"{c++} NR>1{t+=$8} END{print c, t, NR-1}' bank-churn-modelling-exited.csv
 *     -> 65 exited, tenure sum 1553, 300 rows
 *   awk -F, 'NR>1 && $2=="Attrited Customer"{c++} NR>1{t+=$10} END{print c, t, NR-1}'
 *     ../classes/bank-churners-customers.csv -> 2 attrited, months on book sum 609, 16 rows
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../../scripts/analyze-lib.ts';
import { churnFlagValues } from '../../../src/core/churn/churn-flag.ts';
import { MISSING_CODE, type Column, type Table } from '../../../src/core/table.ts';
import { inspectFile, parseFile } from '../../../src/ingest/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url));

/** The CLI's report for one file (exit 0, no messages). */
async function report(name: string) {
  const out = await analyzeFiles([fixture(name)]);
  expect(out.exitCode, out.messages.join('\n')).toBe(0);
  expect(out.messages).toEqual([]);
  return { report: out.report!, file: out.report!.files[0] };
}

/** The stored table, parsed as analyzeFiles parses it (inspection's dialect, kind and mapping). */
async function table(name: string): Promise<Table> {
  const bytes = new Uint8Array(readFileSync(fixture(name)));
  const inspection = await inspectFile(bytes, basename(name));
  const parsed = await parseFile(bytes, { dialect: inspection.dialect, kind: inspection.kind, mapping: inspection.mapping });
  expect(parsed.errorCount).toBe(0);
  return parsed.table;
}

const dict = (c: Column | undefined): Extract<Column, { type: 'dict' }> => {
  if (c?.type !== 'dict') throw new Error('not a dictionary column');
  return c;
};

/** Rows per value of a dictionary column (missing cells left out). */
function counts(c: Column | undefined): Record<string, number> {
  const d = dict(c);
  const out: Record<string, number> = {};
  for (const code of d.codes) if (code !== MISSING_CODE) out[d.dict[code]] = (out[d.dict[code]] ?? 0) + 1;
  return out;
}

/** Rows whose churn flag means churned, as churnFlagValues reads the column's levels. */
function churnedRows(t: Table): number {
  const flag = dict(t.columns.churned);
  const levels = churnFlagValues(flag.dict);
  expect(levels).not.toBeNull();
  const yes = new Set(levels!.churned);
  let n = 0;
  for (const code of flag.codes) if (code !== MISSING_CODE && yes.has(flag.dict[code])) n++;
  return n;
}

function sum(c: Column | undefined): number {
  if (c?.type !== 'num') throw new Error('not a number column');
  let s = 0;
  for (const x of c.data) s += x;
  return s;
}

describe('public churn tables import as customers tables (issue #10)', () => {
  it('IBM Telco sample: customerID is the id, Churn Yes/No the flag, tenure the tenure in months; 77 of 300 churned', async () => {
    const name = 'churn-tables/ibm-telco-churn-yes-no.csv';
    const { report: r, file } = await report(name);
    expect(file.kind).toBe('customers');
    expect(file.mapping).toMatchObject({ customerID: 'customer_id', Churn: 'churned', tenure: 'tenure_months', MonthlyCharges: 'attr:MonthlyCharges', TotalCharges: 'attr:TotalCharges', Contract: 'attr:Contract', gender: null });
    expect(file.reasons).toMatchObject({ customerID: 'header', Churn: 'header', tenure: 'header' });
    expect(file.rows).toBe(300);
    expect(r).toMatchObject({ customers: 300, orders: 0, revenue: null, firstDate: null, lastDate: null });
    expect(r.retention).toBeUndefined();
    const t = await table(name);
    expect(counts(t.columns.churned)).toEqual({ No: 223, Yes: 77 });
    expect(churnedRows(t)).toBe(77);
    expect(sum(t.columns.tenure_months)).toBe(9332);
  });

  it('Maven telecom: Customer Status Churned/Stayed/Joined is the flag, with reason, category and tenure; 82 of 300 churned', async () => {
    const name = 'churn-tables/maven-telecom-status-reason-category.csv';
    const { report: r, file } = await report(name);
    expect(file.kind).toBe('customers');
    expect(file.mapping).toMatchObject({
      Customer_id: 'customer_id',
      Customer_Status: 'churned',
      Churn_Reason: 'churn_reason',
      Churn_Category: 'churn_category',
      Tenure_in_Months: 'tenure_months',
      Total_Charges: 'attr:Total_Charges',
      Total_Revenue: 'attr:Total_Revenue',
      Contract: 'attr:Contract',
      Zip_Code: null,
      Latitude: null,
    });
    expect(file.rows).toBe(300);
    expect(r).toMatchObject({ customers: 300, orders: 0, firstDate: null });
    const t = await table(name);
    expect(counts(t.columns.churned)).toEqual({ Stayed: 199, Churned: 82, Joined: 19 });
    // Joined customers have not left: churnFlagValues counts them as stayed.
    expect(churnedRows(t)).toBe(82);
    expect(counts(t.columns.churn_category)).toEqual({ Competitor: 34, Attitude: 18, Dissatisfaction: 13, Other: 9, Price: 8 });
    expect(Object.values(counts(t.columns.churn_reason)).reduce((a, b) => a + b, 0)).toBe(82);
    expect(counts(t.columns.churn_reason)['Competitor had better devices']).toBeGreaterThan(0);
    expect(sum(t.columns.tenure_months)).toBe(9929);
  });

  it('bank Churn_Modelling: CustomerId is the id (RowNumber is not), Exited 1/0 the flag, Tenure the tenure; 65 of 300 exited', async () => {
    const name = 'churn-tables/bank-churn-modelling-exited.csv';
    const { report: r, file } = await report(name);
    expect(file.kind).toBe('customers');
    expect(file.mapping).toMatchObject({ RowNumber: null, CustomerId: 'customer_id', Surname: null, Exited: 'churned', Tenure: 'tenure_months', Balance: 'attr:Balance', EstimatedSalary: 'attr:EstimatedSalary', Geography: 'attr:Geography' });
    expect(file.rows).toBe(300);
    expect(r.customers).toBe(300);
    const t = await table(name);
    expect(counts(t.columns.churned)).toEqual({ '1': 65, '0': 235 });
    expect(churnedRows(t)).toBe(65);
    // The bank table's Tenure counts years as a customer (0..10), not months: see the README.
    expect(sum(t.columns.tenure_months)).toBe(1553);
  });

  it('BankChurners (classes/): Attrition_Flag is the flag and Months_on_book the tenure; 2 of 16 attrited', async () => {
    const name = 'classes/bank-churners-customers.csv';
    const { file } = await report(name);
    expect(file.mapping).toMatchObject({ CLIENTNUM: 'customer_id', Attrition_Flag: 'churned', Months_on_book: 'tenure_months', Customer_Age: 'attr:Customer_Age' });
    const t = await table(name);
    expect(churnedRows(t)).toBe(2);
    expect(sum(t.columns.tenure_months)).toBe(609);
  });
});
