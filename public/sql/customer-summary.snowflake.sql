-- Customer summary for the "Your numbers from your orders" page of Customer for Life: Snowflake.
--
-- Reads a table orders(customer_id, order_date, amount) and writes one line per customer, as of a
-- calibration end, with the columns the page reads:
--   customer_id     the customer (an email address in lower case, as the page groups them)
--   frequency       repeat purchase days: days with an order after the first one
--   recency_weeks   weeks from the first purchase to the last repeat purchase (0 with no repeat)
--   age_weeks       weeks from the first purchase to the calibration end
--   monetary_value  mean spend per repeat purchase day (0 with no repeat)
-- Orders on the same day are one purchase, their amounts added up; a week is 7 days; orders after the
-- calibration end, negative amounts (refunds) and blank customer ids are left out, as the page does.
--
-- Use: change the one date in params below to your calibration end (usually your last order day), then
--   run it in a worksheet, then Download results → CSV (or COPY INTO a stage with HEADER = TRUE).
-- and give customer-summary.csv to the page. Nothing but these five numbers per customer is in it.
WITH params AS (
  SELECT DATE '2024-12-31' AS calibration_end
),
purchase_days AS (
  SELECT
    CASE
      WHEN POSITION('@' IN TRIM(CAST(o.customer_id AS VARCHAR))) > 0 THEN LOWER(TRIM(CAST(o.customer_id AS VARCHAR)))
      ELSE TRIM(CAST(o.customer_id AS VARCHAR))
    END AS customer_id,
    CAST(o.order_date AS DATE) AS purchase_day,
    SUM(o.amount) AS spend
  FROM orders AS o
  CROSS JOIN params AS p
  WHERE CAST(o.order_date AS DATE) <= p.calibration_end
    AND o.amount >= 0
    AND TRIM(CAST(o.customer_id AS VARCHAR)) <> ''
  GROUP BY 1, 2
),
ranked AS (
  SELECT
    customer_id,
    purchase_day,
    spend,
    MIN(purchase_day) OVER (PARTITION BY customer_id) AS first_day,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY purchase_day) AS nth
  FROM purchase_days
)
SELECT
  r.customer_id,
  COUNT(*) - 1 AS frequency,
  CAST(DATEDIFF('day', MIN(r.first_day), MAX(r.purchase_day)) AS DOUBLE) / 7 AS recency_weeks,
  CAST(DATEDIFF('day', MIN(r.first_day), p.calibration_end) AS DOUBLE) / 7 AS age_weeks,
  CASE
    WHEN COUNT(*) > 1 THEN CAST(SUM(CASE WHEN r.nth > 1 THEN r.spend ELSE 0 END) AS DOUBLE) / (COUNT(*) - 1)
    ELSE 0
  END AS monetary_value
FROM ranked AS r
CROSS JOIN params AS p
GROUP BY r.customer_id, p.calibration_end
ORDER BY r.customer_id;
