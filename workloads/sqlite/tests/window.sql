-- Window functions: ranking, offsets, frames, named windows, EXCLUDE.
.headers on
.mode box
CREATE TABLE scores (name TEXT, team TEXT, game INTEGER, points INTEGER);
INSERT INTO scores VALUES
  ('ann', 'red', 1, 10), ('bob', 'red', 1, 7), ('cid', 'blue', 1, 12), ('dee', 'blue', 1, 7),
  ('ann', 'red', 2, 3), ('bob', 'red', 2, 15), ('cid', 'blue', 2, 9), ('dee', 'blue', 2, 9),
  ('ann', 'red', 3, 8), ('bob', 'red', 3, 8), ('cid', 'blue', 3, 4), ('dee', 'blue', 3, 20);
SELECT name, game, points,
  row_number() OVER (PARTITION BY game ORDER BY points DESC, name) AS rn,
  rank() OVER (PARTITION BY game ORDER BY points DESC) AS rk,
  dense_rank() OVER (PARTITION BY game ORDER BY points DESC) AS drk,
  round(percent_rank() OVER (PARTITION BY game ORDER BY points), 3) AS prk,
  round(cume_dist() OVER (PARTITION BY game ORDER BY points), 3) AS cd,
  ntile(3) OVER (PARTITION BY game ORDER BY points DESC, name) AS tile
FROM scores ORDER BY game, rn;
SELECT name, game, points,
  sum(points) OVER (PARTITION BY name ORDER BY game) AS running,
  lag(points) OVER (PARTITION BY name ORDER BY game) AS prev,
  lead(points, 1, -1) OVER (PARTITION BY name ORDER BY game) AS next,
  first_value(points) OVER (PARTITION BY name ORDER BY game) AS first,
  last_value(points) OVER (PARTITION BY name ORDER BY game ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last,
  nth_value(points, 2) OVER (PARTITION BY name ORDER BY game ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second
FROM scores ORDER BY name, game;
.mode list
CREATE TABLE series (x INTEGER, v INTEGER);
INSERT INTO series VALUES (1, 5), (2, 3), (2, 4), (3, 8), (5, 1), (6, 6), (6, 2), (9, 7);
SELECT x, v,
  sum(v) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS rows3,
  sum(v) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS range1,
  sum(v) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS groups1,
  sum(v) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS excl,
  sum(v) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES) AS ties,
  count(*) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND 0 FOLLOWING EXCLUDE GROUP) AS grp,
  round(avg(v) OVER w, 3) AS moving_avg, max(v) OVER w AS moving_max, group_concat(v, '.') OVER w AS members
FROM series WINDOW w AS (ORDER BY x, v ROWS 2 PRECEDING) ORDER BY x, v;
SELECT team, game, sum(points) AS total,
  sum(sum(points)) OVER (PARTITION BY team ORDER BY game) AS cumulative,
  rank() OVER (PARTITION BY game ORDER BY sum(points) DESC) AS place
FROM scores GROUP BY team, game ORDER BY team, game;
SELECT name, total, round(100.0 * total / sum(total) OVER (), 2) AS pct
FROM (SELECT name, sum(points) AS total FROM scores GROUP BY name) ORDER BY pct DESC;
SELECT name, game, points FROM (
  SELECT *, row_number() OVER (PARTITION BY name ORDER BY points DESC, game) AS r FROM scores
) WHERE r = 1 ORDER BY name;
SELECT game, count(*) FILTER (WHERE points >= 9) OVER (ORDER BY game RANGE UNBOUNDED PRECEDING) AS nines FROM scores GROUP BY game;
SELECT x, v, sum(v) FILTER (WHERE v > 3) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) AS sum_big FROM series ORDER BY x, v;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
SELECT count(*), sum(r), max(m) FROM (SELECT i, row_number() OVER (ORDER BY i % 97, i) AS r, max(i) OVER (PARTITION BY i % 13) AS m FROM n);
