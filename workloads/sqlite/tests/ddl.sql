-- DDL: tables with constraints, indexes, views, ALTER TABLE, STRICT and
-- WITHOUT ROWID tables, generated columns, upserts, RETURNING, errors.
.headers on
PRAGMA foreign_keys = ON;
CREATE TABLE dept (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  budget REAL CHECK (budget >= 0) DEFAULT 1000.0
);
CREATE TABLE emp (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  dept_id INTEGER REFERENCES dept(id) ON DELETE CASCADE,
  salary INTEGER NOT NULL CHECK (salary > 0),
  email TEXT COLLATE NOCASE UNIQUE,
  bonus INTEGER GENERATED ALWAYS AS (salary / 10) VIRTUAL,
  grade TEXT GENERATED ALWAYS AS (CASE WHEN salary >= 5000 THEN 'senior' ELSE 'junior' END) STORED
);
CREATE INDEX emp_dept ON emp(dept_id);
CREATE INDEX emp_salary_desc ON emp(salary DESC, name);
CREATE UNIQUE INDEX dept_lower ON dept(lower(name));
CREATE VIEW emp_view AS
  SELECT e.name, d.name AS dept, e.salary, e.bonus, e.grade FROM emp e JOIN dept d ON d.id = e.dept_id;
INSERT INTO dept (name, budget) VALUES ('eng', 50000), ('ops', 20000), ('sales', 30000);
INSERT INTO dept (name) VALUES ('hr');
INSERT INTO emp (name, dept_id, salary, email) VALUES
  ('ann', 1, 7000, 'ann@x.org'), ('bob', 1, 4000, 'bob@x.org'), ('cid', 2, 3000, 'cid@x.org'),
  ('dee', 3, 5500, 'dee@x.org'), ('eve', 3, 2500, 'eve@x.org');
SELECT * FROM dept ORDER BY id;
SELECT * FROM emp_view ORDER BY name;
SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name;
SELECT name, seq FROM sqlite_sequence;
PRAGMA table_info(emp);
PRAGMA index_list(emp);
PRAGMA foreign_key_list(emp);

-- constraint violations (errors go to stderr; the script goes on)
INSERT INTO emp (name, dept_id, salary, email) VALUES ('bad', 1, -5, 'bad@x.org');
INSERT INTO emp (name, dept_id, salary, email) VALUES ('dup', 1, 100, 'ANN@x.org');
INSERT INTO emp (name, dept_id, salary, email) VALUES ('orphan', 99, 100, 'o@x.org');
INSERT INTO emp (name, dept_id, salary, email) VALUES (NULL, 1, 100, 'n@x.org');
INSERT INTO dept (name) VALUES ('ENG');
UPDATE emp SET bonus = 1 WHERE id = 1;
SELECT count(*) AS still FROM emp;

-- upsert and RETURNING
CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER, n INTEGER DEFAULT 1);
INSERT INTO kv (k, v) VALUES ('a', 1), ('b', 2) RETURNING k, v;
INSERT INTO kv (k, v) VALUES ('a', 10) ON CONFLICT (k) DO UPDATE SET v = v + excluded.v, n = n + 1 RETURNING *;
INSERT INTO kv (k, v) VALUES ('b', 20) ON CONFLICT DO NOTHING;
INSERT OR REPLACE INTO kv (k, v) VALUES ('c', 3);
INSERT OR IGNORE INTO kv (k, v) VALUES ('c', 30);
UPDATE kv SET v = v * 2 WHERE k <> 'a' RETURNING k, v AS doubled;
DELETE FROM kv WHERE k = 'c' RETURNING *;
SELECT * FROM kv ORDER BY k;

-- ALTER TABLE
ALTER TABLE kv ADD COLUMN note TEXT DEFAULT 'none';
ALTER TABLE kv RENAME COLUMN n TO hits;
ALTER TABLE kv RENAME TO kv2;
ALTER TABLE kv2 DROP COLUMN note;
SELECT sql FROM sqlite_schema WHERE name = 'kv2';
SELECT * FROM kv2 ORDER BY k;

-- ON DELETE CASCADE
DELETE FROM dept WHERE name = 'sales';
SELECT name FROM emp ORDER BY name;

-- STRICT and WITHOUT ROWID
CREATE TABLE strict_t (i INTEGER, r REAL, t TEXT, b BLOB, a ANY) STRICT;
INSERT INTO strict_t VALUES (1, 2.5, 'x', x'00ff', 'anything');
INSERT INTO strict_t VALUES ('12', 3, 'y', NULL, 4);
INSERT INTO strict_t VALUES ('abc', 1, 'z', NULL, NULL);
SELECT i, typeof(i), r, typeof(r), t, hex(b), a, typeof(a) FROM strict_t;
CREATE TABLE wr (a TEXT, b INTEGER, c, PRIMARY KEY (a, b)) WITHOUT ROWID;
INSERT INTO wr VALUES ('x', 2, 'x2'), ('x', 1, 'x1'), ('a', 9, 'a9');
SELECT * FROM wr;
SELECT rowid FROM wr;

-- type affinity
CREATE TABLE aff (i INTEGER, t TEXT, n NUMERIC, r REAL, x);
INSERT INTO aff VALUES ('42', 42, '3.0', '1', '7'), ('4.5', 4.5, 'abc', 2, 8);
SELECT i, typeof(i), t, typeof(t), n, typeof(n), r, typeof(r), x, typeof(x) FROM aff;

-- temp objects, DROP
CREATE TEMP TABLE scratch AS SELECT name FROM emp;
SELECT count(*) FROM temp.scratch;
DROP VIEW emp_view;
DROP INDEX emp_salary_desc;
DROP TABLE scratch;
SELECT name FROM sqlite_schema WHERE type IN ('index', 'view') ORDER BY name;
PRAGMA integrity_check;
PRAGMA foreign_key_check;
