#!/bin/bash
# The selftest's KTAP output is valid as root, as a user who cannot make a
# network namespace, and when it may run on one CPU only; the last two
# skip every test, with the reason, and exit 0 as the harness does.  Runs
# on the host's own kernel, no guest: as root the tests' verdicts depend on
# that kernel, so only the form of the output is checked.
. "$(dirname "$0")/lib.sh"
inst=$(bash -c '. lab/lib.sh; series_selftests "$0" tcp_rst_timewait' "$BASE") ||
	fail "building the selftest of $BASE"
# A copy that the unprivileged user can run wherever the checkout is.
chmod 755 "$tmp"
install -m 755 "$inst/net/tcp_rst_timewait" "$tmp/"
bin=$tmp/tcp_rst_timewait

expect_rc 0 "$tmp/user" setpriv --reuid=65534 --regid=65534 --clear-groups "$bin"
ktap "$tmp/user"
[ "$(grep -c '^ok [0-9] tcp_rst_timewait\.ipv[46]\.[a-z0-9]* # SKIP no network namespace of its own (not root)$' "$tmp/user")" = 8 ] ||
	fail "not every test skipped for want of a network namespace"

expect_rc 0 "$tmp/one" taskset -c 0 "$bin"
ktap "$tmp/one"
[ "$(grep -c '^ok [0-9] tcp_rst_timewait\.ipv[46]\.[a-z0-9]* # SKIP the race needs two CPUs$' "$tmp/one")" = 8 ] ||
	fail "not every test skipped for want of a second CPU"

[ "$(nproc)" -ge 2 ] || { echo "one CPU here: the root run would skip too"; exit 0; }
# Two tests, with the harness's own filter.
rc=0
"$bin" -r tcp_rst_timewait.ipv4.rst -r tcp_rst_timewait.ipv6.fin >"$tmp/root" 2>&1 || rc=$?
cat "$tmp/root"
[ $rc -eq 0 ] || [ $rc -eq 1 ] || fail "as root: exit $rc, wanted 0 or 1"
ktap "$tmp/root"
expect_msg "$tmp/root" '^1\.\.2$'
expect_msg "$tmp/root" '^(not )?ok 1 tcp_rst_timewait\.ipv4\.rst$'
expect_msg "$tmp/root" '^(not )?ok 2 tcp_rst_timewait\.ipv6\.fin$'
expect_msg "$tmp/root" '^# ipv4\.rst: [0-9]+ connections, [0-9]+ ms, [0-9]+ lost, [0-9]+ over 1 s$'

# A bad option: the harness's usage, and a failure.
expect_rc 1 "$tmp/usage" "$bin" -c rst
expect_msg "$tmp/usage" '^Usage: '
