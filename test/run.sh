#!/bin/sh
# kitroot's test suite: `make test` runs it all, `make unit-test` only
# the unit tests (--unit).
#
#  1. unit tests of our C programs, built for the host with ASan/UBSan
#  2. bounded fuzz runs of init's parsers, kr-elfcheck's ELF reader and
#     kr-bundle's service-spec parser
#  3. tests of the build infrastructure's error paths (hash mismatch,
#     mirrors, unknown defconfig, Kconfig errors, permission tables)
#  4. the system test: build the x86_64 containerd system and the minimal
#     aarch64 and s390x systems from scratch in temporary output
#     directories, boot each in QEMU and check it over the serial console
#     (test/system-test.sh, test/container-test.sh)
#
# Each check prints PASS or FAIL; the last line is "N passed, N failed".
# KR_TEST_KEEP=1 keeps the temporary directories for a look afterwards.
set -eu
# The builds the suite starts pick their own parallelism (the system
# builds say -j2), whatever make started the suite.
unset MAKEFLAGS MFLAGS MAKELEVEL

top=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-all}
work=$(mktemp -d "${TMPDIR:-/tmp}/kitroot-test.XXXXXX")
passed=0 failed=0

cleanup() {
	if [ "${KR_TEST_KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Where the suite's time goes: the seconds since the previous result,
# charged to each result (the slowest are listed at the end).
started=$(date +%s) last_result=$started
timed() {
	now=$(date +%s)
	printf '%s\t%s\n' "$((now - last_result))" "${1%% (*}" >> "$work/times"
	last_result=$now
}
pass() { passed=$((passed + 1)); echo "PASS: $1"; timed "$1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; timed "$1"; }
# check NAME CMD...: runs CMD, output to $work/NAME.log, shown on failure.
check() {
	name=$1
	shift
	if "$@" > "$work/$name.log" 2>&1; then
		pass "$name"
	else
		fail "$name"
		sed 's/^/    /' "$work/$name.log" | tail -n 40
	fi
}

. "$top/test/unit-tests.sh"
. "$top/test/infra-tests.sh"
. "$top/test/system-test.sh"

run_unit_tests
run_fuzz
if [ "$mode" != --unit ]; then
	run_infra_tests
	run_system_test
fi

echo
echo "Slowest steps (seconds up to each result; $(( $(date +%s) - started )) s in all):"
sort -rn "$work/times" | head -n 12 | sed 's/^/  /'
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
