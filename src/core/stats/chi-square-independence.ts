import gammainc from '@stdlib/math-base-special-gammainc';
import { KahanSums, kahanSum } from './kahan-sum.ts';

/** Result of {@link chiSquareIndependence}. */
export interface ChiSquareTest {
  /** Pearson's statistic X² = Σ (O − E)² / E over the cells that are kept. */
  chi2: number;
  /** Degrees of freedom (r′ − 1)(c′ − 1) of the table without empty rows and columns. */
  df: number;
  /** Upper-tail probability P(χ²_df ≥ chi2). */
  p: number;
}

/**
 * Pearson's chi-square test of independence for an r × c table of counts: does the
 * distribution over columns (e.g. churned / retained) depend on the row (the value of a
 * customer attribute)? DESIGN.md section 4 uses it for a whole attribute at once, where the
 * two-proportion z-test looks at one value against the rest.
 *
 * With row totals Rᵢ, column totals Cⱼ and grand total N, the expected count under
 * independence is Eᵢⱼ = Rᵢ Cⱼ / N and
 *
 *   X² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)² / Eᵢⱼ,   df = (r′ − 1)(c′ − 1),   p = Q(df/2, X²/2)
 *
 * where Q is the regularized upper incomplete gamma function, the chi-square survival function
 * (Pearson 1900; Agresti, "An Introduction to Categorical Data Analysis", 2nd ed. 2007, §2.4;
 * Abramowitz & Stegun §26.4 for the survival function). Q comes from
 * @stdlib/math-base-special-gammainc evaluated directly in the upper tail, so a tiny p-value
 * keeps its digits instead of being 1 − (a number next to 1) = 0: X² = 100 on 1 df gives
 * 1.52e-23.
 *
 * Rows and columns whose total is 0 carry no information (their expected counts are 0) and are
 * dropped before df is counted (R's `chisq.test` gives NaN for such a table); r′ and c′ are the
 * numbers kept. The approximation wants expected counts of about 5 or more (Cochran
 * 1954); that is the caller's flag to raise, not a refusal here.
 *
 * Complexity: O(r · c) time, O(r + c) extra memory.
 *
 * Bad-input policy: `null` when fewer than two rows or two columns have a non-zero total
 * (df would be 0: nothing to test), which includes an empty table. Cells must be finite and
 * ≥ 0 (whole counts are expected, but weighted counts are accepted); a NaN, negative or
 * infinite cell, or rows of unequal length, throw a RangeError of the form
 * `chiSquareIndependence requires …`.
 *
 * @param table the counts, one array per row (rows may be typed arrays), all of one length
 * @throws RangeError for ragged rows or a cell that is not finite and ≥ 0
 * @example chiSquareIndependence([[762, 327, 468], [484, 239, 477]])
 *   // { chi2: 30.0701…, df: 2, p: 2.95e-7 } (Agresti 2007, §2.4: party identification by gender)
 * @example chiSquareIndependence([[5, 0], [3, 0]]) // null (one non-empty column)
 */
export function chiSquareIndependence(table: ArrayLike<ArrayLike<number>>): ChiSquareTest | null {
  const rows = table.length;
  const cols = rows === 0 ? 0 : table[0].length;
  const rowTotals = new Float64Array(rows);
  const colSums = new KahanSums(cols);
  for (let i = 0; i < rows; i++) {
    const row = table[i];
    if (row.length !== cols) {
      throw new RangeError(`chiSquareIndependence requires rows of equal length, got ${row.length} in row ${i} and ${cols} in row 0`);
    }
    for (let j = 0; j < cols; j++) {
      const o = row[j];
      if (!(Number.isFinite(o) && o >= 0)) {
        throw new RangeError(`chiSquareIndependence requires finite counts ≥ 0, got ${o} at row ${i}, column ${j}`);
      }
      colSums.add(j, o);
    }
    rowTotals[i] = kahanSum(row);
  }
  const colTotals = colSums.values();

  let keptRows = 0;
  for (let i = 0; i < rows; i++) if (rowTotals[i] > 0) keptRows++;
  let keptCols = 0;
  for (let j = 0; j < cols; j++) if (colTotals[j] > 0) keptCols++;
  if (keptRows < 2 || keptCols < 2) return null;

  const total = kahanSum(rowTotals);
  const terms = new Float64Array(keptRows * keptCols);
  let t = 0;
  for (let i = 0; i < rows; i++) {
    if (rowTotals[i] === 0) continue;
    for (let j = 0; j < cols; j++) {
      if (colTotals[j] === 0) continue;
      const expected = (rowTotals[i] * colTotals[j]) / total;
      const d = table[i][j] - expected;
      terms[t++] = (d * d) / expected;
    }
  }
  const chi2 = kahanSum(terms);
  const df = (keptRows - 1) * (keptCols - 1);
  return { chi2, df, p: gammainc(chi2 / 2, df / 2, true, true) };
}
