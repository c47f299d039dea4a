# Shell functions the workload tests share (sourced, bash).
#   build=...  the build directory (absolute), set by the caller
# shellcheck shell=bash disable=SC2154

# new_root DIR LIB...: a cVM root holding the runtime's libc.so and the
# given ORC libraries (paths) in /lib, and empty /bin and /tmp.
new_root() {
  local root=$1; shift
  mkdir -p "$root/lib" "$root/bin" "$root/tmp"
  cp "$build/runtime/lib/libc.so" "$root/lib/"
  local l
  for l in "$@"; do cp "$l" "$root/lib/"; done
}

# same WHAT A B: compares two files, prints a diff on mismatch; status.
same() {
  local what=$1 a=$2 b=$3
  if cmp -s "$a" "$b"; then return 0; fi
  echo "FAIL $what: native and cVM differ (< native, > cVM):"
  if LC_ALL=C grep -qP '\x00' "$a" "$b" 2>/dev/null; then
    cmp "$a" "$b" | head -3
  else
    diff "$a" "$b" | head -30
  fi
  return 1
}

# compare_runs NAME NDIR CDIR: NDIR and CDIR each hold out, err, status of
# one run (native, cVM); all three must be equal.
compare_runs() {
  local name=$1 n=$2 c=$3 ok=0
  if [ "$(cat "$n/status")" != "$(cat "$c/status")" ]; then
    echo "FAIL $name: exit status native $(cat "$n/status"), cVM $(cat "$c/status")"
    ok=1
  fi
  same "$name stdout" "$n/out" "$c/out" || ok=1
  same "$name stderr" "$n/err" "$c/err" || ok=1
  return $ok
}

# Both runs get only the environment in RUN_ENV (K=V words; TZ=UTC unless
# the caller says otherwise: musl reads the host's /etc/localtime without
# TZ, a cVM root has none).
RUN_ENV=${RUN_ENV-TZ=UTC}

# run_native DIR CWD ARGV0 PROG ARGS...: runs the native PROG as ARGV0 in
# CWD with only RUN_ENV and no stdin; out, err, status into DIR.
run_native() {
  local d=$1 cwd=$2 argv0=$3 prog=$4; shift 4
  mkdir -p "$d"
  # shellcheck disable=SC2086
  timeout 120 env -i $RUN_ENV perl -e \
    'chdir(shift) or exit 126; my $p = shift; exec {$p} @ARGV or exit 127' \
    "$cwd" "$prog" "$argv0" "$@" >"$d/out" 2>"$d/err" </dev/null
  echo $? >"$d/status"
}

# run_cvm DIR ROOT PROG ARGS...: runs PROG (a path inside ROOT) in a cVM
# with RUN_ENV; out, err, status into DIR.
run_cvm() {
  local d=$1 root=$2; shift 2
  local envflags=() kv
  for kv in $RUN_ENV; do envflags+=(--env "$kv"); done
  mkdir -p "$d"
  # The root belongs to the user the monitor runs as (nobody when this runs
  # as root: the monitor drops root), so that the cVM may write into it.
  [ "$(id -u)" = 0 ] && chown -R nobody: "$root"
  timeout 120 "$build/bin/orc" run --root "$root" "${envflags[@]}" "$@" \
    >"$d/out" 2>"$d/err" </dev/null
  echo $? >"$d/status"
}
