-- Full-text search (FTS5 and FTS4) and R*Tree, as Debian builds SQLite.
CREATE VIRTUAL TABLE notes USING fts5(title, body);
INSERT INTO notes VALUES
  ('shopping', 'buy apples, pears and plums at the market'),
  ('work', 'finish the quarterly report and send it to the team'),
  ('garden', 'plant apple trees; water the plums every morning'),
  ('reading', 'a report on apple orchards in the north'),
  ('travel', 'train to the market town, then the coast');
SELECT title FROM notes WHERE notes MATCH 'apple*' ORDER BY rank;
SELECT title, highlight(notes, 1, '[', ']') FROM notes WHERE notes MATCH 'market' ORDER BY title;
SELECT title FROM notes WHERE notes MATCH 'report NOT quarterly';
SELECT title FROM notes WHERE notes MATCH 'title:garden OR body:coast' ORDER BY title;
SELECT title, snippet(notes, 1, '<', '>', '...', 4) FROM notes WHERE notes MATCH '"the market"' ORDER BY title;
SELECT title, round(bm25(notes), 6) FROM notes WHERE notes MATCH 'the' ORDER BY bm25(notes), title;
SELECT count(*) FROM notes WHERE notes MATCH 'NEAR(apple plums, 5)';
CREATE VIRTUAL TABLE old USING fts4(content, tokenize=porter);
INSERT INTO old VALUES ('running runners run quickly'), ('the runner ran'), ('walking is slow');
SELECT rowid, content FROM old WHERE old MATCH 'run' ORDER BY rowid;
SELECT rowid, offsets(old) FROM old WHERE old MATCH 'runner' ORDER BY rowid;
SELECT rowid, hex(matchinfo(old)) FROM old WHERE old MATCH 'walk*';
CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx, miny, maxy);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399)
INSERT INTO boxes SELECT i, (i % 20) * 10, (i % 20) * 10 + 5, (i / 20) * 10, (i / 20) * 10 + 5 FROM n;
SELECT count(*) FROM boxes WHERE minx >= 20 AND maxx <= 60 AND miny >= 0 AND maxy <= 45;
SELECT id FROM boxes WHERE minx <= 101 AND maxx >= 101 AND miny <= 52 AND maxy >= 52;
SELECT count(*) FROM boxes WHERE maxx < 0;
