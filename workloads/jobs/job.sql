-- A small SQLite job for the deploy tests, run as
--   sqlite3 DBFILE ".parameter set @seed N" ".read /share/job.sql"
-- on a new database file of its own: everything it prints follows from N.
CREATE TABLE item (id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, price REAL, doc TEXT);
WITH RECURSIVE r(i, x) AS (
  SELECT 1, @seed UNION ALL SELECT i + 1, (x * 1103515245 + 12345) % 2147483648 FROM r WHERE i < 300 + @seed)
INSERT INTO item (grp, name, price, doc)
SELECT x % 7, printf('item-%d-%d', @seed, x % 1000), (x % 10000) / 100.0,
       json_object('seed', @seed, 'i', i, 'tags', json_array(x % 3, x % 5))
FROM r;
CREATE TABLE grp (id INTEGER PRIMARY KEY, label TEXT);
INSERT INTO grp SELECT value, 'group ' || value FROM json_each('[0,1,2,3,4,5,6]');
CREATE INDEX item_grp ON item(grp, price);
CREATE TABLE audit (n INTEGER);
CREATE TRIGGER item_del AFTER DELETE ON item BEGIN INSERT INTO audit VALUES (OLD.id); END;
DELETE FROM item WHERE price < 5;
SELECT 'seed', @seed, count(*), (SELECT count(*) FROM audit), round(sum(price), 2) FROM item;
SELECT g.label, count(*), round(avg(i.price), 3), max(i.name) FROM item i JOIN grp g ON g.id = i.grp GROUP BY g.id ORDER BY g.id;
SELECT id, name, price, rank() OVER (PARTITION BY grp ORDER BY price DESC, id) AS r FROM item ORDER BY price DESC, id LIMIT 5;
SELECT doc ->> '$.tags[1]' AS t, count(*) FROM item GROUP BY t ORDER BY t;
SELECT sum(json_extract(doc, '$.i')) FROM item WHERE json_extract(doc, '$.tags[0]') = 1;
PRAGMA integrity_check;
