#!/bin/bash
# The kselftest path as a user runs it: the series' tests on the patched
# kernel pass, the new one fails on the unpatched kernel.
. "$(dirname "$0")/lib.sh"
expect_rc 0 "$tmp/p" $LAB kselftest "$BASE" --patched -- tcp_rst_timewait
expect_msg "$tmp/p" '^ok 1 selftests: net: tcp_rst_timewait'
expect_rc 1 "$tmp/u" $LAB kselftest "$BASE" -- tcp_rst_timewait
expect_msg "$tmp/u" '^not ok 1 selftests: net: tcp_rst_timewait'
expect_msg "$tmp/u" '# not ok [12] ipv[46]'
