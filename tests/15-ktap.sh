#!/bin/bash
# The selftest's KTAP output is valid as root, as a user who cannot make a
# network namespace, and when it may run on one CPU only; the last two
# skip the whole test (exit 4) before any plan.  Runs on the host's own
# kernel, no guest: as root the cases' verdicts depend on that kernel, so
# only the form of the output is checked.
. "$(dirname "$0")/lib.sh"
inst=$(bash -c '. lab/lib.sh; series_selftests "$0" tcp_rst_timewait' "$BASE") ||
	fail "building the selftest of $BASE"
# A copy that the unprivileged user can run wherever the checkout is.
chmod 755 "$tmp"
install -m 755 "$inst/net/tcp_rst_timewait" "$tmp/"
bin=$tmp/tcp_rst_timewait

expect_rc 4 "$tmp/user" setpriv --reuid=65534 --regid=65534 --clear-groups "$bin"
ktap "$tmp/user"
expect_msg "$tmp/user" '^1\.\.0 # SKIP unshare\(CLONE_NEWNET\)'

expect_rc 4 "$tmp/one" taskset -c 0 "$bin"
ktap "$tmp/one"
expect_msg "$tmp/one" '^1\.\.0 # SKIP the race needs two CPUs'

[ "$(nproc)" -ge 2 ] || { echo "one CPU here: the root run would skip too"; exit 0; }
rc=0
"$bin" -T 1 >"$tmp/root" 2>&1 || rc=$?
cat "$tmp/root"
[ $rc -eq 0 ] || [ $rc -eq 1 ] || fail "as root: exit $rc, wanted 0 or 1"
ktap "$tmp/root"
expect_msg "$tmp/root" '^1\.\.8$'
for c in ipv4_rst ipv6_rst ipv4_fin ipv6_fin; do
	expect_msg "$tmp/root" "^(not )?ok [0-9]+ $c\$"
done

# Bad options: usage and KSFT_FAIL.
expect_rc 1 "$tmp/usage" "$bin" -c nosuchcase
expect_msg "$tmp/usage" '^usage: '
