-- The repurchase spells behind the suggested activity window W (docs/metrics.md sections 1 and
-- 7a): every purchase day (a day with an order of amount > 0 or without an amount) opens a
-- spell that ends with the customer's next purchase day (an event) or is still open on the last
-- order's day (censored). The engine reads W off the Kaplan-Meier curve of these counts (the
-- day by which 80 % of the repeat purchases that happen at all have happened).
--
-- Reads  orders(customer_id, order_date DATE, amount), retention_params (months_per_period only)
-- Writes one row per spell length: duration (days), events, spells (events + censored), by duration.
WITH
-- The orders, the grid and 0 .. 999 from order-grid.sql (run first).
days AS (SELECT * FROM order_days),
bounds AS (SELECT * FROM order_bounds),
numbers AS (SELECT n FROM order_numbers),
latest AS (
  -- A customer's last purchase day (an order that activates) in each period with one.
  SELECT customer_id, q, MAX(day) AS last_day FROM days WHERE activates = 1 GROUP BY customer_id, q
),
purchase_days AS (
  SELECT DISTINCT customer_id, day FROM days WHERE activates = 1
),
spells AS (
  SELECT customer_id, day, LEAD(day) OVER (PARTITION BY customer_id ORDER BY day) AS next_day FROM purchase_days
),
lengths AS (
  SELECT CASE WHEN s.next_day IS NULL THEN b.last_day - s.day ELSE s.next_day - s.day END AS duration,
         CASE WHEN s.next_day IS NULL THEN 0 ELSE 1 END AS event
  FROM spells s CROSS JOIN bounds b
)
SELECT duration, SUM(event) AS events, COUNT(*) AS spells
FROM lengths
GROUP BY duration
ORDER BY duration
