/**
 * The retention JSON of `npm run analyze` must not change when the code is reshaped (issue #7):
 * each case's `retention` object is compared byte for byte with a golden file in tests/golden/,
 * written before the refactor. Regenerate only for an intended change in a figure, with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/cli/golden.test.ts`, and say why in the commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles, type AnalyzeFlags } from '../../../scripts/analyze-lib.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOLDEN = `${ROOT}tests/golden/`;
const S = 'public/sample/';
const F = 'tests/unit/cli/fixtures/';

const CASES: { name: string; files: string[]; flags?: AnalyzeFlags }[] = [
  { name: 'sample-orders-month', files: [`${S}orders.csv`] },
  { name: 'sample-orders-quarter', files: [`${S}orders.csv`], flags: { period: 'quarter' } },
  { name: 'sample-orders-w30-year', files: [`${S}orders.csv`], flags: { window: 30, period: 'year' } },
  { name: 'sample-subscriptions-churn', files: [`${S}subscriptions.csv`, `${S}churn.csv`] },
  { name: 'sample-all', files: [`${S}orders.csv`, `${S}customers.csv`, `${S}subscriptions.csv`, `${S}churn.csv`] },
  { name: 'sample-all-orders-source', files: [`${S}orders.csv`, `${S}customers.csv`, `${S}subscriptions.csv`, `${S}churn.csv`], flags: { source: 'orders' } },
  { name: 'fixture-orders-retention', files: [`${F}orders-retention.csv`] },
  { name: 'fixture-orders-retention-w30', files: [`${F}orders-retention.csv`], flags: { window: 30 } },
  { name: 'fixture-orders-eu', files: [`${F}orders-eu.csv`], flags: { delimiter: ';' } },
];

describe('golden retention JSON (tests/golden)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const out = await analyzeFiles(c.files.map((f) => ROOT + f), c.flags ?? {});
      expect(out.exitCode, out.messages.join('\n')).toBe(0);
      const text = `${JSON.stringify(out.report?.retention ?? null, null, 2)}\n`;
      const path = `${GOLDEN}${c.name}.json`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
      expect(existsSync(path), `${path} is missing: write it with UPDATE_GOLDEN=1`).toBe(true);
      expect(text === readFileSync(path, 'utf8'), `${c.name}: the retention JSON differs from ${path}`).toBe(true);
    }, 60_000);
  }
});
