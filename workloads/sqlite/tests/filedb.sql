-- A database file created by one run of the shell and reopened by the
-- next ones (rollback journal, then WAL), plus an attached second file.
-- "-- @run ARGS" starts the part of the script one shell run executes.
-- @run data.db
PRAGMA page_size = 4096;
PRAGMA journal_mode;
CREATE TABLE log (id INTEGER PRIMARY KEY, t TEXT, level TEXT, msg TEXT);
CREATE INDEX log_level ON log(level, t);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO log (t, level, msg)
SELECT datetime(1700000000 + i * 37, 'unixepoch'),
       CASE WHEN i % 50 = 0 THEN 'error' WHEN i % 7 = 0 THEN 'warn' ELSE 'info' END,
       printf('message %d: %s', i, substr('abcdefghijklmnopqrstuvwxyz', 1 + i % 26, 10))
FROM n;
COMMIT;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
INSERT INTO meta VALUES ('created', 'run 1');
SELECT count(*), min(t), max(t) FROM log;
PRAGMA page_count;
-- @run data.db
SELECT v FROM meta;
SELECT level, count(*) FROM log GROUP BY level ORDER BY level;
SELECT id, msg FROM log WHERE level = 'error' ORDER BY t DESC LIMIT 3;
UPDATE meta SET v = 'run 2' WHERE k = 'created';
DELETE FROM log WHERE level = 'info' AND id % 3 = 0;
SELECT count(*) FROM log;
PRAGMA integrity_check;
PRAGMA freelist_count;
VACUUM;
PRAGMA freelist_count;
PRAGMA page_count;
ATTACH 'second.db' AS second;
CREATE TABLE second.copy AS SELECT * FROM log WHERE level = 'warn';
SELECT count(*) FROM second.copy;
DETACH second;
-- @run data.db
PRAGMA journal_mode = WAL;
INSERT INTO meta VALUES ('wal', 'yes');
BEGIN;
UPDATE log SET msg = upper(msg) WHERE id <= 100;
COMMIT;
SELECT count(*) FROM log WHERE msg GLOB 'MESSAGE*';
PRAGMA wal_checkpoint(TRUNCATE);
PRAGMA journal_mode = DELETE;
-- @run data.db
SELECT * FROM meta ORDER BY k;
SELECT count(*), sum(length(msg)) FROM log;
ATTACH 'second.db' AS second;
SELECT count(*) FROM second.copy JOIN main.log USING (id);
PRAGMA quick_check;
.tables
.schema meta
.dbinfo
