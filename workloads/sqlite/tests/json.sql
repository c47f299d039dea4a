-- JSON functions: construction, extraction, -> and ->>, modification,
-- table-valued json_each / json_tree, aggregates.
.headers on
SELECT json('{"a" : 1, "b" : [1, 2, 3]}'), json_valid('{"x":1}'), json_valid('{x:1}'), json_type('[1,2]'), json_type('{"a":1.5}', '$.a');
SELECT json_object('name', 'orc', 'n', 3, 'pi', 3.14, 'ok', json('true'), 'none', NULL, 'list', json_array(1, 'two', 3.0));
SELECT json_array(1, 2.5, 'x', NULL, json('{"k":[]}')), json_array_length('[1,2,3,[4,5]]'), json_array_length('[1,[4,5]]', '$[1]');
SELECT json_quote('say "hi"'), json_quote(12), json_quote(NULL);
CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs (body) VALUES
  ('{"user": {"name": "ann", "age": 31, "tags": ["admin", "dev"]}, "active": true, "score": 9.5}'),
  ('{"user": {"name": "bob", "age": 25, "tags": ["dev"]}, "active": false, "score": 7}'),
  ('{"user": {"name": "cid", "age": 40, "tags": []}, "active": true, "score": null, "extra": {"x": [1, {"y": 2}]}}');
SELECT id, json_extract(body, '$.user.name') AS name, json_extract(body, '$.user.age') AS age,
  json_extract(body, '$.user.tags[0]') AS first_tag, json_extract(body, '$.active') AS active, json_extract(body, '$.score') AS score
FROM docs ORDER BY id;
SELECT id, body -> '$.user' AS user_json, body ->> '$.user.name' AS name, body -> 'active' AS active_json,
  body ->> '$.user.tags[#-1]' AS last_tag, body -> '$.extra.x[1].y' AS y FROM docs ORDER BY id;
SELECT json_extract(body, '$.user.name', '$.user.age') FROM docs WHERE id = 1;
SELECT id FROM docs WHERE body ->> '$.active' AND body ->> '$.user.age' > 30;
SELECT json_set(body, '$.user.age', 32, '$.new', 'x') FROM docs WHERE id = 1;
SELECT json_insert('{"a":1}', '$.a', 99, '$.b', 2), json_replace('{"a":1}', '$.a', 99, '$.b', 2);
SELECT json_remove('[0,1,2,3]', '$[1]', '$[1]'), json_remove('{"a":1,"b":2}', '$.a');
SELECT json_patch('{"a":1,"b":{"c":2,"d":3}}', '{"b":{"c":null,"e":4},"f":5}');
SELECT json_set('{}', '$.nested', json('{"deep":[1,2]}')), json_set('{}', '$.str', '{"not":"json"}');
SELECT key, value, type, atom, fullkey, path FROM json_each('{"a":1,"b":[2,3],"c":{"d":"e"},"f":null}');
SELECT fullkey, type, atom FROM json_tree('{"a":[1,{"b":true}],"c":"x"}') ORDER BY id;
SELECT d.id, t.value AS tag FROM docs d, json_each(d.body, '$.user.tags') t ORDER BY d.id, t.key;
SELECT json_group_array(body ->> '$.user.name') AS names, json_group_object(body ->> '$.user.name', body -> '$.user.age') AS ages FROM (SELECT * FROM docs ORDER BY id);
SELECT tag, count(*) FROM docs, json_each(docs.body, '$.user.tags') AS j(key, tag) GROUP BY tag ORDER BY tag;
SELECT json_object('total', (SELECT count(*) FROM docs), 'avg_age', (SELECT avg(body ->> '$.user.age') FROM docs));
SELECT json('[1, 2, "three", {"four": 4.0e0}, [5e-1]]'), json(' { } '), json('1e400'), json('-0.0');
SELECT json('{"a":1');
SELECT json_extract('{"a":"\u00e9\n"}', '$.a') = 'é' || char(10), length(json_object('k', char(0x1F600)));
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
SELECT length(json_group_array(json_object('i', i, 'sq', i * i, 's', printf('%04d', i)))), sum(json_extract(json_object('v', i), '$.v')) FROM n;
CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT CHECK (json_valid(payload)));
INSERT INTO events (payload) VALUES ('{"type":"click","x":10}'), ('{"type":"key","code":65}');
INSERT INTO events (payload) VALUES ('not json');
CREATE INDEX events_type ON events (payload ->> '$.type');
SELECT id, payload ->> 'type' FROM events WHERE payload ->> '$.type' = 'key';
