-- Shared by retention-periods.sql, cohorts.sql and repurchase-spells.sql (docs/sql/README.md):
-- the orders as integer day numbers and period indexes, the grid's bounds and a numbers table,
-- as three views the other files read. Run this file first (the engine does).
--
-- Reads  orders(customer_id, order_date DATE, amount)   one row per order; amount NULL = no amount
--        retention_params(window_days, months_per_period, range_from DATE, range_to DATE)   one row
-- Writes views order_days(customer_id, amount, activates, day, month_index, q),
--        order_bounds(g0, g1, last_day, w, mpp) and order_numbers(n) = 0 .. 999.
CREATE OR REPLACE VIEW order_days AS
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
)
SELECT customer_id, amount, activates, day, month_index, q FROM days;

CREATE OR REPLACE VIEW order_bounds AS
WITH
params AS (
  SELECT window_days AS w, months_per_period AS mpp, range_from, range_to FROM retention_params
),
data_range AS (
  SELECT MIN(month_index) AS first_month, MAX(month_index) AS last_month, MAX(day) AS last_day FROM order_days
),
bounds AS (
  -- The grid runs from the period holding range_from to the one holding range_to (default: the
  -- first and the last order, refunds included).
  SELECT CAST(FLOOR(COALESCE(EXTRACT(YEAR FROM p.range_from) * 12 + EXTRACT(MONTH FROM p.range_from) - 1, r.first_month) / p.mpp) AS BIGINT) AS g0,
         CAST(FLOOR(COALESCE(EXTRACT(YEAR FROM p.range_to) * 12 + EXTRACT(MONTH FROM p.range_to) - 1, r.last_month) / p.mpp) AS BIGINT) AS g1,
         r.last_day, p.w, p.mpp
  FROM params p CROSS JOIN data_range r
)
SELECT g0, g1, last_day, w, mpp FROM bounds;

CREATE OR REPLACE VIEW order_numbers AS
WITH
digits AS (
  SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
),
numbers AS (
  -- 0 .. 999: more than the 360 periods a report may have.
  SELECT a.n + 10 * b.n + 100 * c.n AS n FROM digits a CROSS JOIN digits b CROSS JOIN digits c
)
SELECT n FROM numbers;
