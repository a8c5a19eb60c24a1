#!/bin/bash
# Without IPv6 the selftest skips its IPv6 tests, runs the IPv4 ones and
# stays valid KTAP: a kernel booted with ipv6.disable=1 (no AF_INET6), and
# one booted with ipv6.disable_ipv6=1 (IPv6 loaded, but no ::1 in the
# test's namespace).  Patched kernel, the rst and fin tests only.
. "$(dirname "$0")/lib.sh"
inst=$(bash -c '. lab/lib.sh; series_selftests "$0" tcp_rst_timewait' "$BASE") ||
	fail "building the selftest of $BASE"
bin=$inst/net/tcp_rst_timewait
# boot NAME APPEND REASON: the IPv6 tests skip for REASON, the IPv4 ones pass
boot() {
	local run=$PWD/build/runs/test-ipv6-off-$1 t
	rm -rf "$run"
	expect_rc 0 "$tmp/$1" env LAB_APPEND="$2" $LAB run "$BASE" --patched --run "$run" -- \
		"$bin -t rst -t fin >\$LAB_OUT/selftest.log 2>&1"
	cat "$run/out/selftest.log"
	ktap "$run/out/selftest.log"
	expect_msg "$run/out/selftest.log" '^1\.\.4$'
	for t in rst fin; do
		expect_msg "$run/out/selftest.log" "^ok [0-9] tcp_rst_timewait\\.ipv4\\.$t\$"
		expect_msg "$run/out/selftest.log" "^ok [0-9] tcp_rst_timewait\\.ipv6\\.$t # SKIP $3\$"
	done
}
boot disabled ipv6.disable=1 'no ipv6'
boot no-address ipv6.disable_ipv6=1 'no ::1 on lo'
