/* SQLite: an in-memory database, a table filled and queried, then stay
 * alive with the connection open (common.h). */
#include "common.h"
#include <sqlite3.h>

static int row(void *arg, int n, char **v, char **names)
{
	(void)arg; (void)names;
	printf("sqlite: %s\n", n > 0 && v[0] ? v[0] : "NULL");
	return 0;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	char *err = NULL;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
	const char *sql =
		"CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);"
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500)"
		" INSERT INTO t SELECT x, printf('row %d', x) FROM c;"
		"SELECT count(*) || ' ' || sum(length(b)) FROM t WHERE a % 3 = 0;";
	if (sqlite3_exec(db, sql, row, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "sqlite: %s\n", err);
		return 1;
	}
	fflush(stdout);
	ready_and_wait(argc, argv);
}
