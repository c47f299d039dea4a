-- In-memory databases: the main one, an attached one, temp tables, bulk
-- work, and the shell's output modes and dot-commands.
ATTACH ':memory:' AS aux;
CREATE TABLE aux.big (k INTEGER PRIMARY KEY, g INTEGER, s TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO aux.big SELECT i, (i * 2654435761) % 1000, hex(i * 31) FROM n;
SELECT count(*), count(DISTINCT g), sum(g), max(length(s)) FROM aux.big;
CREATE INDEX aux.big_g ON big(g);
SELECT g, count(*) FROM aux.big WHERE g < 5 GROUP BY g ORDER BY g;
SELECT k, s FROM aux.big ORDER BY s DESC, k LIMIT 3;
CREATE TEMP TABLE t AS SELECT g, count(*) AS n FROM aux.big GROUP BY g;
SELECT min(n), max(n), sum(n) FROM temp.t;
SELECT name FROM pragma_database_list ORDER BY seq;
CREATE TABLE pets (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, weight REAL, photo BLOB);
INSERT INTO pets VALUES (1, 'Rex', 'dog', 30.5, x'89504e47'), (2, 'Tom', 'cat', 4.25, NULL),
  (3, 'Polly "P"', 'bird', 0.4, x''), (4, 'Ed, the 2nd', 'horse', 500, NULL);
.headers on
.mode list
SELECT * FROM pets;
.mode csv
SELECT * FROM pets;
.mode json
SELECT * FROM pets;
.mode markdown
SELECT id, name, weight FROM pets;
.mode box
SELECT id, name, kind FROM pets;
.mode table
SELECT kind, weight FROM pets ORDER BY weight;
.mode line
SELECT * FROM pets WHERE id = 2;
.mode insert pets2
SELECT * FROM pets;
.mode quote
SELECT * FROM pets;
.mode tabs
SELECT id, kind FROM pets;
.mode column
.width 4 12
SELECT id, name, kind FROM pets;
.mode list
.separator " :: "
SELECT id, name FROM pets;
.separator "|"
.nullvalue NULL
SELECT id, photo FROM pets;
.headers off
.tables
.schema pets
.indexes
.dump pets
.show
SELECT sqlite_version() IS NOT NULL, sqlite_source_id() LIKE '2022-12-28%';
SELECT compile_options FROM pragma_compile_options WHERE compile_options NOT LIKE 'COMPILER=%';
