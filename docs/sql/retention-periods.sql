-- Retention per period: S, E, N, lost, retained, reactivated, newLost, CRR, exact retention,
-- churn rates A-C and order revenue (docs/metrics.md sections 1-5): the figures of the app's
-- retention report for orders.
--
-- Reads  orders(customer_id, order_date DATE, amount)   one row per order; amount NULL = no amount
--        retention_params(window_days, months_per_period, range_from DATE, range_to DATE)   one row
-- Writes one row per period of the grid, in order:
--        period_index  FLOOR((year * 12 + month - 1) / months_per_period) of the period's first month
--        start_day, end_day  the period's first and last day, in days since 1970-01-01
--        s, e, n, retained, lost, reactivated, new_lost  customer counts
--        crr, exact_retention, churn_a, churn_b, churn_c  percent, NULL when the denominator is 0
--        complete  1 when the period ended on or before the last order's day
--        revenue, revenue_new, revenue_returning  sums of amounts dated in the period (refunds included)
--
-- Rules (docs/metrics.md): a customer is active on day d with an order of amount > 0 (or no
-- amount) dated in [d - W + 1, d]; refunds (amount <= 0) never activate. S = active on the day
-- before the period, E = active on its last day, N = customers whose first such order is in the
-- period. Orders without a customer or a date are left out. Dates become day numbers with integer
-- arithmetic only, so no engine's date functions are needed (README.md).
WITH
-- The orders, the grid and 0 .. 999 from order-grid.sql (run first).
days AS (SELECT * FROM order_days),
bounds AS (SELECT * FROM order_bounds),
numbers AS (SELECT n FROM order_numbers),
latest AS (
  -- A customer's last purchase day (an order that activates) in each period with one.
  SELECT customer_id, q, MAX(day) AS last_day FROM days WHERE activates = 1 GROUP BY customer_id, q
),
grid_months AS (
  -- The periods g0 - 1 .. g1 + 1 with their first month (y, m).
  SELECT b.g0 - 1 + x.n AS p, FLOOR((b.g0 - 1 + x.n) * b.mpp / 12) AS y, (b.g0 - 1 + x.n) * b.mpp - 12 * FLOOR((b.g0 - 1 + x.n) * b.mpp / 12) + 1 AS m
  FROM bounds b CROSS JOIN numbers x
  WHERE x.n <= b.g1 - b.g0 + 2
),
grid_civil AS (
  SELECT p, y - CASE WHEN m <= 2 THEN 1 ELSE 0 END AS yy, CASE WHEN m > 2 THEN m - 3 ELSE m + 9 END AS mp FROM grid_months
),
grid_starts AS (
  SELECT p, CAST(FLOOR(yy / 400) * 146097 + (yy - FLOOR(yy / 400) * 400) * 365 + FLOOR((yy - FLOOR(yy / 400) * 400) / 4)
                 - FLOOR((yy - FLOOR(yy / 400) * 400) / 100) + FLOOR((153 * mp + 2) / 5) - 719468 AS BIGINT) AS start_day
  FROM grid_civil
),
grid AS (
  -- Each period's first and last day (the last period, g1 + 1, only gives g1 its end).
  SELECT p, start_day, LEAD(start_day) OVER (ORDER BY p) - 1 AS end_day FROM grid_starts
),
spans AS (
  -- A customer's purchase period q decides their activity from the end of q until their next
  -- purchase period: the latest purchase in q counts for W days.
  SELECT customer_id, q, last_day,
         LEAD(q) OVER (PARTITION BY customer_id ORDER BY q) AS next_q,
         MIN(q) OVER (PARTITION BY customer_id) AS fp
  FROM latest
),
reach1 AS (
  -- civil_from_days (H. Hinnant) of last_day + W, the first day the purchase no longer counts.
  SELECT s.customer_id, s.q, s.next_q, s.fp, b.mpp, s.last_day + b.w + 719468 AS z FROM spans s CROSS JOIN bounds b
),
reach2 AS (
  SELECT reach1.*, FLOOR(z / 146097) AS era FROM reach1
),
reach3 AS (
  SELECT reach2.*, z - era * 146097 AS doe FROM reach2
),
reach4 AS (
  SELECT reach3.*, FLOOR((doe - FLOOR(doe / 1460) + FLOOR(doe / 36524) - FLOOR(doe / 146096)) / 365) AS yoe FROM reach3
),
reach5 AS (
  SELECT reach4.*, FLOOR((5 * (doe - (365 * yoe + FLOOR(yoe / 4) - FLOOR(yoe / 100))) + 2) / 153) AS mp FROM reach4
),
runs AS (
  -- The periods at whose end the customer is active thanks to period q: q .. r, where r is the
  -- period before the one holding last_day + W, cut before the next purchase period.
  SELECT customer_id, q, fp, next_q,
         CAST(FLOOR(((yoe + era * 400 + CASE WHEN mp >= 10 THEN 1 ELSE 0 END) * 12 + CASE WHEN mp < 10 THEN mp + 2 ELSE mp - 10 END) / mpp) AS BIGINT) - 1 AS reach
  FROM reach5
),
live AS (
  -- The runs that reach the end of their own period, with the end of the customer's previous one.
  SELECT customer_id, q, fp, r, LAG(r) OVER (PARTITION BY customer_id ORDER BY q) AS prev_r
  FROM (SELECT customer_id, q, fp, CASE WHEN next_q IS NOT NULL AND next_q - 1 < reach THEN next_q - 1 ELSE reach END AS r FROM runs) cut
  WHERE r >= q
),
moves AS (
  SELECT p, SUM(delta) AS delta FROM (
    SELECT q AS p, 1 AS delta FROM live
    UNION ALL
    SELECT r + 1 AS p, -1 AS delta FROM live
  ) m
  GROUP BY p
),
ends AS (
  -- E at the end of each period of the grid: the runs begun by then and not yet over.
  SELECT g.p, SUM(m.delta) AS e FROM grid g JOIN moves m ON m.p <= g.p GROUP BY g.p
),
starts AS (
  -- Runs that begin in period p: those whose customer was active at the end of p - 1 too
  -- (continuing), and first runs (new customers still active at the end of their first period).
  SELECT q AS p, COUNT(*) AS starts,
         SUM(CASE WHEN prev_r = q - 1 THEN 1 ELSE 0 END) AS continuing,
         SUM(CASE WHEN q = fp THEN 1 ELSE 0 END) AS new_active
  FROM live
  GROUP BY q
),
firsts AS (
  -- Each customer's first purchase period (one row per customer).
  SELECT customer_id, fp FROM spans WHERE q = fp
),
news AS (
  SELECT fp AS p, COUNT(*) AS n FROM firsts GROUP BY fp
),
revenue AS (
  SELECT d.q AS p, SUM(d.amount) AS revenue,
         SUM(CASE WHEN fi.fp = d.q THEN d.amount END) AS revenue_new,
         SUM(CASE WHEN fi.fp = d.q THEN NULL ELSE d.amount END) AS revenue_returning
  FROM days d LEFT JOIN firsts fi ON fi.customer_id = d.customer_id
  GROUP BY d.q
),
figures AS (
  -- Retained = active at both ends: the runs that began before p, and those beginning at p
  -- right after the customer's previous run.
  SELECT g.p AS period_index, g.start_day, g.end_day,
         COALESCE(prev.e, 0) AS s, COALESCE(c.e, 0) AS e, COALESCE(nw.n, 0) AS n,
         COALESCE(c.e, 0) - COALESCE(st.starts, 0) + COALESCE(st.continuing, 0) AS retained, COALESCE(st.new_active, 0) AS new_active,
         CASE WHEN g.end_day <= b.last_day THEN 1 ELSE 0 END AS complete,
         COALESCE(r.revenue, 0) AS revenue, COALESCE(r.revenue_new, 0) AS revenue_new, COALESCE(r.revenue_returning, 0) AS revenue_returning
  FROM grid g
  CROSS JOIN bounds b
  LEFT JOIN ends c ON c.p = g.p
  LEFT JOIN ends prev ON prev.p = g.p - 1
  LEFT JOIN starts st ON st.p = g.p
  LEFT JOIN news nw ON nw.p = g.p
  LEFT JOIN revenue r ON r.p = g.p
  WHERE g.p BETWEEN b.g0 AND b.g1
),
rows_out AS (
  SELECT figures.*, s - retained AS lost, n - new_active AS new_lost, e - retained - new_active AS reactivated FROM figures
)
SELECT period_index, start_day, end_day, s, e, n, retained, lost, reactivated, new_lost,
       CASE WHEN s = 0 THEN NULL ELSE CAST(e - n AS DOUBLE) / s * 100 END AS crr,
       CASE WHEN s = 0 THEN NULL ELSE CAST(retained AS DOUBLE) / s * 100 END AS exact_retention,
       CASE WHEN s = 0 THEN NULL ELSE CAST(lost AS DOUBLE) / s * 100 END AS churn_a,
       CASE WHEN s + n = 0 THEN NULL ELSE CAST(lost + new_lost AS DOUBLE) / (s + n) * 100 END AS churn_b,
       CASE WHEN s + n - new_lost = 0 THEN NULL ELSE CAST(lost AS DOUBLE) / (s + n - new_lost) * 100 END AS churn_c,
       complete, revenue, revenue_new, revenue_returning
FROM rows_out
ORDER BY period_index
