-- The cohort matrix (docs/metrics.md section 6): cohort c = the period of a customer's first
-- order of amount > 0 (or without an amount); cell (c, k) looks at period c + k.
--
-- Reads  orders(customer_id, order_date DATE, amount)   one row per order; amount NULL = no amount
--        retention_params(window_days, months_per_period, range_from DATE, range_to DATE)   one row
-- Writes one row per cell of the grid's triangle (every cohort of the grid, k = 0 .. last period - c),
--        ordered by cohort and k:
--        cohort_index  the cohort's period index (as in retention-periods.sql)
--        k, size       periods since the cohort's own, customers in the cohort
--        active        customers of the cohort with an activating order in period c + k ("logo")
--        active_or_later  ... with one in c + k or any later period (past the grid counts as later)
--        revenue       the cohort's order amounts dated in c + k (refunds included)
-- Cohorts outside the grid are left out; window_days is not used here.
WITH
params AS (
  SELECT window_days AS w, months_per_period AS mpp, range_from, range_to FROM retention_params
),
placed AS (
  SELECT customer_id, amount,
         CASE WHEN amount IS NULL OR amount > 0 THEN 1 ELSE 0 END AS activates,
         EXTRACT(YEAR FROM order_date) AS y, EXTRACT(MONTH FROM order_date) AS m, EXTRACT(DAY FROM order_date) AS d
  FROM orders
  WHERE customer_id IS NOT NULL AND order_date IS NOT NULL
),
civil AS (
  -- days_from_civil (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"): a March-based
  -- year yy and month mp, the 400-year era, then the day of the era.
  SELECT customer_id, amount, activates, y, m, d,
         y - CASE WHEN m <= 2 THEN 1 ELSE 0 END AS yy,
         CASE WHEN m > 2 THEN m - 3 ELSE m + 9 END AS mp
  FROM placed
),
era AS (
  SELECT civil.*, FLOOR(yy / 400) AS era FROM civil
),
days AS (
  -- day: days since 1970-01-01; q: the period index, FLOOR((year * 12 + month - 1) / months_per_period).
  SELECT e.customer_id, e.amount, e.activates,
         CAST(e.era * 146097 + (e.yy - e.era * 400) * 365 + FLOOR((e.yy - e.era * 400) / 4) - FLOOR((e.yy - e.era * 400) / 100)
              + FLOOR((153 * e.mp + 2) / 5) + e.d - 1 - 719468 AS BIGINT) AS day,
         CAST(e.y * 12 + e.m - 1 AS BIGINT) AS month_index,
         CAST(FLOOR((e.y * 12 + e.m - 1) / p.mpp) AS BIGINT) AS q
  FROM era e CROSS JOIN params p
),
data_range AS (
  SELECT MIN(month_index) AS first_month, MAX(month_index) AS last_month, MAX(day) AS last_day FROM days
),
bounds AS (
  -- The grid runs from the period holding range_from to the one holding range_to (default: the
  -- first and the last order, refunds included).
  SELECT CAST(FLOOR(COALESCE(EXTRACT(YEAR FROM p.range_from) * 12 + EXTRACT(MONTH FROM p.range_from) - 1, r.first_month) / p.mpp) AS BIGINT) AS g0,
         CAST(FLOOR(COALESCE(EXTRACT(YEAR FROM p.range_to) * 12 + EXTRACT(MONTH FROM p.range_to) - 1, r.last_month) / p.mpp) AS BIGINT) AS g1,
         r.last_day, p.w, p.mpp
  FROM params p CROSS JOIN data_range r
),
digits AS (
  SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
),
numbers AS (
  -- 0 .. 999: more than the 360 periods a report may have.
  SELECT a.n + 10 * b.n + 100 * c.n AS n FROM digits a CROSS JOIN digits b CROSS JOIN digits c
),
latest AS (
  -- A customer's last purchase day (an order that activates) in each period with one.
  SELECT customer_id, q, MAX(day) AS last_day FROM days WHERE activates = 1 GROUP BY customer_id, q
),
firsts AS (
  SELECT customer_id, MIN(q) AS fp, MAX(q) AS lp FROM latest GROUP BY customer_id
),
members AS (
  SELECT f.customer_id, f.fp, CASE WHEN f.lp > b.g1 THEN b.g1 ELSE f.lp END AS lp
  FROM firsts f CROSS JOIN bounds b
  WHERE f.fp BETWEEN b.g0 AND b.g1
),
offsets AS (
  -- 0 .. the grid's length - 1.
  SELECT x.n FROM numbers x CROSS JOIN bounds b WHERE x.n <= b.g1 - b.g0
),
cells AS (
  SELECT b.g0 + x.n AS cohort, y.n AS k
  FROM bounds b CROSS JOIN offsets x CROSS JOIN offsets y
  WHERE y.n <= b.g1 - b.g0 - x.n
),
sizes AS (
  SELECT fp AS cohort, COUNT(*) AS size FROM members GROUP BY fp
),
on_counts AS (
  SELECT m.fp AS cohort, l.q - m.fp AS k, COUNT(*) AS active
  FROM members m JOIN latest l ON l.customer_id = m.customer_id CROSS JOIN bounds b
  WHERE l.q <= b.g1
  GROUP BY m.fp, l.q - m.fp
),
later_counts AS (
  SELECT m.fp AS cohort, x.n AS k, COUNT(*) AS active_or_later
  FROM members m CROSS JOIN offsets x
  WHERE x.n <= m.lp - m.fp
  GROUP BY m.fp, x.n
),
cohort_revenue AS (
  SELECT m.fp AS cohort, d.q - m.fp AS k, SUM(d.amount) AS revenue
  FROM members m JOIN days d ON d.customer_id = m.customer_id CROSS JOIN bounds b
  WHERE d.q >= m.fp AND d.q <= b.g1
  GROUP BY m.fp, d.q - m.fp
)
SELECT c.cohort AS cohort_index, c.k, COALESCE(s.size, 0) AS size, COALESCE(o.active, 0) AS active,
       COALESCE(l.active_or_later, 0) AS active_or_later, COALESCE(r.revenue, 0) AS revenue
FROM cells c
LEFT JOIN sizes s ON s.cohort = c.cohort
LEFT JOIN on_counts o ON o.cohort = c.cohort AND o.k = c.k
LEFT JOIN later_counts l ON l.cohort = c.cohort AND l.k = c.k
LEFT JOIN cohort_revenue r ON r.cohort = c.cohort AND r.k = c.k
ORDER BY c.cohort, c.k
