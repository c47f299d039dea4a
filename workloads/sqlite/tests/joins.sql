-- Joins, subqueries, compound selects, CTEs (recursive too).
.headers on
.mode column
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL, day TEXT);
CREATE TABLE items (order_id INTEGER, product TEXT, qty INTEGER);
INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Brian', 'Paris'), (3, 'Chen', 'London'),
  (4, 'Dora', 'Berlin'), (5, 'Eli', NULL);
INSERT INTO orders VALUES (10, 1, 120.5, '2024-01-03'), (11, 1, 80.0, '2024-01-09'),
  (12, 2, 200.0, '2024-02-01'), (13, 3, 15.25, '2024-02-14'), (14, 3, 99.99, '2024-03-01'),
  (15, 9, 50.0, '2024-03-02');
INSERT INTO items VALUES (10, 'pen', 3), (10, 'ink', 1), (11, 'pad', 2), (12, 'pen', 10),
  (13, 'ink', 5), (14, 'pad', 1), (14, 'pen', 1), (15, 'box', 4);

SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.name, o.id;
SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;
SELECT c.name, o.id FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id ORDER BY o.id;
SELECT c.name, o.id FROM customers c FULL OUTER JOIN orders o ON o.customer_id = c.id ORDER BY c.id NULLS LAST, o.id;
SELECT a.name AS a, b.name AS b FROM customers a JOIN customers b ON a.city = b.city AND a.id < b.id;
SELECT count(*) AS pairs FROM customers CROSS JOIN orders;
SELECT o.id, i.product, i.qty FROM orders o JOIN items i ON i.order_id = o.id WHERE i.product = 'pen' ORDER BY o.id;
SELECT name, (SELECT sum(amount) FROM orders WHERE customer_id = c.id) AS total FROM customers c ORDER BY total DESC NULLS LAST, name;
SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 100) ORDER BY name;
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders) ORDER BY name;
SELECT id FROM orders WHERE customer_id NOT IN (SELECT id FROM customers);
SELECT city FROM customers WHERE city IS NOT NULL UNION SELECT 'Rome' ORDER BY 1;
SELECT city FROM customers UNION ALL SELECT city FROM customers WHERE id < 3 ORDER BY 1 NULLS FIRST;
SELECT product FROM items WHERE order_id < 13 INTERSECT SELECT product FROM items WHERE order_id >= 13 ORDER BY 1;
SELECT product FROM items EXCEPT SELECT product FROM items WHERE qty > 2 ORDER BY 1;
SELECT * FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) WHERE n > 1;
CREATE TABLE t1 (k INTEGER, a TEXT);
CREATE TABLE t2 (k INTEGER, b TEXT);
INSERT INTO t1 VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');
INSERT INTO t2 VALUES (2, 'b2'), (3, 'b3'), (4, 'b4');
SELECT * FROM t1 NATURAL JOIN t2;
SELECT * FROM t1 JOIN t2 USING (k);
SELECT * FROM t1 LEFT JOIN t2 USING (k) WHERE b IS NULL;

-- CTEs
WITH totals AS (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id)
SELECT c.name, t.total FROM totals t JOIN customers c ON c.id = t.customer_id ORDER BY t.total DESC;
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 50)
SELECT n, a FROM fib WHERE n IN (1, 2, 10, 30, 50);
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt LIMIT 1000)
SELECT count(*), sum(x), min(x), max(x) FROM cnt;
CREATE TABLE tree (id INTEGER PRIMARY KEY, parent INTEGER, label TEXT);
INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'usr'), (3, 1, 'etc'), (4, 2, 'lib'), (5, 2, 'bin'),
  (6, 4, 'x86_64'), (7, 3, 'passwd');
WITH RECURSIVE path(id, depth, p) AS (
  SELECT id, 0, label FROM tree WHERE parent IS NULL
  UNION ALL
  SELECT t.id, depth + 1, p || '/' || t.label FROM tree t JOIN path ON t.parent = path.id
  ORDER BY 2 DESC, 3
)
SELECT depth, p FROM path;
WITH RECURSIVE
  xaxis(x) AS (VALUES(-2.0) UNION ALL SELECT x + 0.1 FROM xaxis WHERE x < 1.2),
  yaxis(y) AS (VALUES(-1.0) UNION ALL SELECT y + 0.2 FROM yaxis WHERE y < 1.0),
  m(iter, cx, cy, x, y) AS (
    SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis
    UNION ALL
    SELECT iter + 1, cx, cy, x * x - y * y + cx, 2.0 * x * y + cy FROM m
     WHERE (x * x + y * y) < 4.0 AND iter < 28
  ),
  m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m GROUP BY cx, cy),
  a(t) AS (SELECT group_concat(substr(' .+*#', 1 + min(iter / 7, 4), 1), '') FROM m2 GROUP BY cy)
SELECT group_concat(rtrim(t), x'0a') FROM a;
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v ORDER BY 1 DESC;
SELECT c.name, o.id FROM customers c, orders o WHERE o.customer_id = c.id AND c.city = 'London' ORDER BY o.amount LIMIT 2 OFFSET 1;
