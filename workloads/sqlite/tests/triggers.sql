-- Triggers: BEFORE/AFTER/INSTEAD OF, WHEN, RAISE, audit logs, cascades,
-- recursive triggers.
.headers on
CREATE TABLE account (id INTEGER PRIMARY KEY, owner TEXT, balance INTEGER NOT NULL DEFAULT 0);
CREATE TABLE audit (seq INTEGER PRIMARY KEY, what TEXT, account INTEGER, old_balance INTEGER, new_balance INTEGER);
CREATE TRIGGER account_insert AFTER INSERT ON account BEGIN
  INSERT INTO audit (what, account, new_balance) VALUES ('open', NEW.id, NEW.balance);
END;
CREATE TRIGGER account_update AFTER UPDATE OF balance ON account WHEN OLD.balance <> NEW.balance BEGIN
  INSERT INTO audit (what, account, old_balance, new_balance) VALUES ('change', NEW.id, OLD.balance, NEW.balance);
END;
CREATE TRIGGER account_delete BEFORE DELETE ON account BEGIN
  SELECT RAISE(ABORT, 'account not empty') WHERE OLD.balance <> 0;
  INSERT INTO audit (what, account, old_balance) VALUES ('close', OLD.id, OLD.balance);
END;
CREATE TRIGGER no_overdraft BEFORE UPDATE OF balance ON account WHEN NEW.balance < 0 BEGIN
  SELECT RAISE(FAIL, 'overdraft refused');
END;
INSERT INTO account (owner, balance) VALUES ('ann', 100), ('bob', 50), ('cid', 0);
UPDATE account SET balance = balance - 30 WHERE owner = 'ann';
UPDATE account SET balance = balance + 30 WHERE owner = 'bob';
UPDATE account SET balance = balance WHERE owner = 'cid';
UPDATE account SET balance = balance - 500 WHERE owner = 'bob';
DELETE FROM account WHERE owner = 'ann';
DELETE FROM account WHERE owner = 'cid';
SELECT * FROM account ORDER BY id;
SELECT * FROM audit ORDER BY seq;

-- a transfer in a transaction, rolled back on error
BEGIN;
UPDATE account SET balance = balance - 20 WHERE owner = 'ann';
UPDATE account SET balance = balance + 20 WHERE owner = 'bob';
COMMIT;
BEGIN;
UPDATE account SET balance = balance + 1000 WHERE owner = 'bob';
ROLLBACK;
SAVEPOINT sp1;
UPDATE account SET balance = 1 WHERE owner = 'ann';
ROLLBACK TO sp1;
RELEASE sp1;
SELECT owner, balance FROM account ORDER BY id;

-- INSTEAD OF triggers make a view writable
CREATE VIEW balances AS SELECT owner, balance FROM account;
CREATE TRIGGER balances_insert INSTEAD OF INSERT ON balances BEGIN
  INSERT INTO account (owner, balance) VALUES (NEW.owner, NEW.balance * 2);
END;
CREATE TRIGGER balances_update INSTEAD OF UPDATE ON balances BEGIN
  UPDATE account SET balance = NEW.balance WHERE owner = OLD.owner;
END;
INSERT INTO balances VALUES ('dee', 21);
UPDATE balances SET balance = 99 WHERE owner = 'ann';
SELECT * FROM balances ORDER BY owner;

-- cascades through triggers, and a recursive trigger
CREATE TABLE node (id INTEGER PRIMARY KEY, parent INTEGER);
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4), (6, 3), (7, NULL);
CREATE TABLE removed (id INTEGER);
PRAGMA recursive_triggers = ON;
CREATE TRIGGER node_delete AFTER DELETE ON node BEGIN
  INSERT INTO removed VALUES (OLD.id);
  DELETE FROM node WHERE parent = OLD.id;
END;
DELETE FROM node WHERE id = 2;
SELECT group_concat(id, ',') FROM (SELECT id FROM removed ORDER BY id);
SELECT group_concat(id, ',') FROM (SELECT id FROM node ORDER BY id);

-- counters kept by triggers, across many rows
CREATE TABLE stats (k TEXT PRIMARY KEY, n INTEGER);
INSERT INTO stats VALUES ('rows', 0), ('sum', 0);
CREATE TABLE data (v INTEGER);
CREATE TRIGGER data_count AFTER INSERT ON data BEGIN
  UPDATE stats SET n = n + 1 WHERE k = 'rows';
  UPDATE stats SET n = n + NEW.v WHERE k = 'sum';
END;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO data SELECT i FROM n;
SELECT * FROM stats ORDER BY k;
SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name;
DROP TRIGGER data_count;
INSERT INTO data VALUES (1);
SELECT * FROM stats ORDER BY k;
