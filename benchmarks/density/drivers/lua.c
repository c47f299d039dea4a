/* Lua: a state with the standard libraries, a small script run (tables,
 * strings, a closure), then stay alive with the state open (common.h). */
#include "common.h"
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static const char script[] =
	"local t = {}\n"
	"for i = 1, 1000 do t[i] = string.format('k%d', i * i) end\n"
	"local function counter() local n = 0; return function() n = n + 1; return n end end\n"
	"local c = counter(); for i = 1, 10 do c() end\n"
	"table.sort(t)\n"
	"return #t + c()\n";

int main(int argc, char **argv)
{
	lua_State *L = luaL_newstate();
	if (!L) return 1;
	luaL_openlibs(L);
	if (luaL_dostring(L, script) != LUA_OK) {
		fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
		return 1;
	}
	printf("lua: %d\n", (int)lua_tointeger(L, -1));
	fflush(stdout);
	ready_and_wait(argc, argv);
}
