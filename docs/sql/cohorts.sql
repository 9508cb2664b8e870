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
-- The orders, the grid and 0 .. 999 from order-grid.sql (run first).
days AS (SELECT * FROM order_days),
bounds AS (SELECT * FROM order_bounds),
numbers AS (SELECT n FROM order_numbers),
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
