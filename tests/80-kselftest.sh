#!/bin/bash
# The kselftest path as netdev's CI runs it: the net tests built and
# installed by the kselftest rules, run by run_kselftest.sh -t
# net:tcp_rst_timewait in the guest.  On the patched kernel the test
# passes, on the unpatched one it fails; either way its nested KTAP names
# all eight tests, as the runner prints it and as NIPA's nested-result
# parser reads it (tests/nipa_nested.py).
. "$(dirname "$0")/lib.sh"
# nested LOG RESULT: NIPA reads the eight tests from LOG, each with RESULT
nested() {
	local t
	python3 tests/nipa_nested.py "$1" >"$1.nested" || { cat "$1.nested"; fail "NIPA's parser cannot read $1"; }
	cat "$1.nested"
	[ "$(wc -l <"$1.nested")" = 8 ] || fail "NIPA reads $(wc -l <"$1.nested") nested results, not 8"
	for t in ipv4.rst ipv4.md5 ipv4.ao ipv4.fin ipv6.rst ipv6.md5 ipv6.ao ipv6.fin; do
		grep -qx "$2 tcp_rst_timewait\\.$t" "$1.nested" || fail "NIPA does not read $t as $2"
	done
}
expect_rc 0 "$tmp/p" $LAB kselftest "$BASE" --patched -- tcp_rst_timewait
expect_msg "$tmp/p" '^ok 1 selftests: net: tcp_rst_timewait'
nested "$tmp/p" pass
expect_rc 1 "$tmp/u" $LAB kselftest "$BASE" -- tcp_rst_timewait
expect_msg "$tmp/u" '^not ok 1 selftests: net: tcp_rst_timewait'
expect_msg "$tmp/u" '^# not ok [0-9] tcp_rst_timewait\.ipv[46]\.'
nested "$tmp/u" fail
