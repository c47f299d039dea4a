-- Aggregates, GROUP BY / HAVING, FILTER, scalar functions (string, math,
-- date and time on fixed dates), CAST and typeof, printf.
CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, product TEXT, qty INTEGER, price REAL, day TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO sales (region, product, qty, price, day)
SELECT CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END,
       CASE i % 3 WHEN 0 THEN 'apple' WHEN 1 THEN 'pear' ELSE 'plum' END,
       (i * 37) % 11 + 1, round(((i * 7919) % 1000) / 100.0, 2),
       date('2024-01-01', '+' || (i % 90) || ' days')
FROM n;
.headers on
SELECT count(*), count(DISTINCT region), sum(qty), total(qty), round(avg(price), 4), min(price), max(price) FROM sales;
SELECT region, count(*) AS n, sum(qty) AS q, round(sum(qty * price), 2) AS revenue FROM sales GROUP BY region ORDER BY revenue DESC;
SELECT region, product, sum(qty) FROM sales GROUP BY region, product HAVING sum(qty) > 90 ORDER BY 1, 2;
SELECT product, count(*) FILTER (WHERE qty > 5) AS big, count(*) FILTER (WHERE qty <= 5) AS small FROM sales GROUP BY product ORDER BY product;
SELECT group_concat(DISTINCT region) FROM (SELECT region FROM sales ORDER BY region);
SELECT region, group_concat(qty, '+') FROM (SELECT region, qty FROM sales WHERE id <= 12 ORDER BY id) GROUP BY region ORDER BY region;
SELECT strftime('%m', day) AS month, count(*), sum(qty) FROM sales GROUP BY month ORDER BY month;
SELECT min(day), max(day), julianday(max(day)) - julianday(min(day)) AS span FROM sales;
SELECT count(*) FROM sales WHERE price BETWEEN 2 AND 4 AND product IN ('apple', 'plum') AND region LIKE '%th';
SELECT sum(x), avg(x), count(x), count(*) FROM (SELECT NULL AS x UNION ALL SELECT NULL);
SELECT max(qty) AS mq, product FROM sales GROUP BY product ORDER BY product;

-- strings
SELECT upper('abc'), lower('ÀBC'), length('héllo'), length(x'0001'), substr('hello', 2, 3), substr('hello', -3),
  replace('a-b-c', '-', '+'), trim('  x  '), ltrim('xxy', 'x'), rtrim('yxx', 'x'), instr('hello', 'll'),
  'a' || 'b' || 1 || 2.5, quote('it''s'), hex('AB'), unhex('4142'), char(72, 105), unicode('€');
SELECT printf('%5d|%-5s|%.3f|%x|%e|%q|%w|%c', 42, 'ab', 3.14159, 255, 12345.6789, 'it''s', 'a"b', 'z');
SELECT format('%s has %d items costing %.2f', 'cart', 3, 9.5), printf('%,d', 1234567), printf('%08.3f', -3.5);
SELECT 'abc' LIKE 'A%', 'abc' GLOB 'A*', 'abc' GLOB 'a?c', 'a_c' LIKE 'a\_c' ESCAPE '\', 'x' REGEXP 'x' IS NULL;
SELECT soundex('Robert'), soundex('Rupert'), soundex('Tymczak');
SELECT coalesce(NULL, NULL, 'c'), ifnull(NULL, 2), nullif(3, 3), nullif(3, 4), iif(1 < 2, 'yes', 'no');
SELECT likely(1), unlikely(0), typeof(zeroblob(4)), length(zeroblob(1000)), length(randomblob(16));

-- numbers and math
SELECT 7 / 2, 7 / 2.0, 7 % 3, -7 % 3, 2 * 3 + 4, (1 << 40), 5 & 3, 5 | 3, ~5, abs(-9), round(2.5), round(-2.5), round(3.14159, 3);
SELECT 9223372036854775807 + 0, 9223372036854775807 + 1, -9223372036854775808 - 1, 1e308 * 10, 0.1 + 0.2;
SELECT sqrt(2), pow(2, 10), exp(1), ln(10), log10(1000), log(2, 1024), floor(-1.5), ceil(-1.5), trunc(2.7), pi(), sin(pi() / 2), atan2(1, 1), degrees(pi()), mod(10, 3);
SELECT sign(-4), sign(0), sign(2.5), max(1, 'a', 2.5), min(3, 1, 2), random() IS NOT NULL;
SELECT CAST('12abc' AS INTEGER), CAST('3.7' AS INTEGER), CAST(3.7 AS TEXT), CAST('x' AS REAL), CAST(10 AS BLOB), CAST(x'3132' AS INTEGER);
SELECT typeof(1), typeof(1.0), typeof('1'), typeof(x'01'), typeof(NULL), typeof(1 + '1'), typeof('1' || 1);
SELECT 10 = '10', 10 = CAST('10' AS INTEGER), 'abc' < 'abd', x'01' > 'z', NULL = NULL, NULL IS NULL, 1 IS NOT 2;

-- dates and times (fixed instants only)
SELECT date('2024-02-28', '+1 day'), date('2023-02-28', '+1 day'), datetime('2024-01-31 10:00:00', '+1 month'),
  date('2024-03-15', 'start of month'), date('2024-03-15', 'start of year', '+6 months', '-1 day'),
  date('2024-03-15', 'weekday 0'), time('12:34:56', '+30 minutes'), datetime(0, 'unixepoch'),
  datetime(1700000000, 'unixepoch'), strftime('%s', '2024-01-01'), strftime('%Y-%j %H:%M:%f %w', '2024-12-31 23:59:58.5'),
  julianday('2000-01-01 12:00:00'), unixepoch('2024-01-01 00:00:01');
SELECT CASE WHEN qty > 8 THEN 'high' WHEN qty > 4 THEN 'mid' ELSE 'low' END AS band, count(*) FROM sales GROUP BY band ORDER BY band;
SELECT total_changes() > 0, changes();
