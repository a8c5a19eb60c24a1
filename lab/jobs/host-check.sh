#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/host-check.sh [--beside-guest] [RUNS]: does the running kernel lose
# RSTs? the selftest in its own netns, as root.  Whether the kernel running
# this machine loses RSTs or FINs to the TIME_WAIT race: runs the series'
# selftest, tcp_rst_timewait as patches/<newest base>/ adds it, RUNS times
# (default 20) on the running kernel, each run in its own network
# namespace, with its default options.  Root only; traffic stays on the
# namespace's loopback.
#
# --beside-guest: a lab guest (virtme-ng, TCG, 2 vCPUs) runs the same selftest
# in a loop meanwhile, as on a busy CI machine; it is stopped at the end.
#
# Prints one line per run and a verdict.  Exit status: 0 when no run lost
# a segment or was slower than 1 s, 1 when any did (the kernel has the
# race), 2 on a usage or set-up error.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

beside=0
[ "${1:-}" != --beside-guest ] || { beside=1; shift; }
runs=${1:-20}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "usage: lab/jobs/host-check.sh [--beside-guest] [RUNS]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "host-check needs root (the selftest makes a network namespace)"
base=$(newest_base)
[ -n "$base" ] || die "no series in patches/"
lock_base "$base"
test=tcp_rst_timewait
bin=$(series_selftests "$base" "$test" 2>/dev/null)/net/$test ||
	exit_as $? "building $test from patches/$base failed (try: lab/host/build-selftests.sh $base patched $test)"
dir=$(run_dir host-check)

guest=
stop_guest() {	# the lab run's process group, and its qemu, which timeout(1) put in another
	[ -n "$guest" ] || return 0
	kill -TERM -- -"$guest" 2>/dev/null || true
	pkill -TERM -f -- "path=$dir/guest/out" 2>/dev/null || true
}
trap stop_guest EXIT
trap 'exit 130' INT TERM
if [ $beside = 1 ]; then
	# Built first, so that the wait below is only for the boot.
	kernel=$(kernel_of "$base" unpatched) || die "building the $base kernel failed"
	say "booting a lab guest ($base, unpatched) that runs $test in a loop (console: $dir/guest.console)"
	setsid "$LAB_DIR/lab" boot "$kernel" --run "$dir/guest" --timeout $((runs * 60 + 600)) -- \
		"while :; do $bin >/dev/null 2>&1; done" >"$dir/guest.console" 2>&1 &
	# shellcheck disable=SC2031 # $! of this shell, not of guest_run's subshell (lab/lib.sh)
	guest=$!
	t=$SECONDS
	until grep -q '^lab-guest: up after' "$dir/guest.console" 2>/dev/null; do
		kill -0 "$guest" 2>/dev/null || die "the guest ended before it was up, see $dir/guest.console"
		[ $((SECONDS - t)) -lt 300 ] || die "the guest was not up after 300 s, see $dir/guest.console"
		sleep 2
	done
	say "guest up after $((SECONDS - t)) s"
fi

kernel="$(uname -r), $(nproc) CPUs"
[ $beside = 0 ] || kernel+=", beside a lab guest"
failed=0
declare -A test_failed
for i in $(seq "$runs"); do
	log=$dir/run-$i.log
	s=$SECONDS rc=0
	"$bin" >"$log" 2>&1 || rc=$?
	case $rc in
	0) v=pass ;;
	1) v=FAIL failed=$((failed + 1)) ;;
	*) cat "$log" >&2; die "the selftest exited $rc" ;;
	esac
	line='' ran=0
	for c in "${SELFTEST_CASES[@]}"; do
		l=$(case_lost "$log" "$c")
		line+=" $c $l"
		[ "$l" = - ] || ran=1
		tv=$(verdict "$log" "$c")	# dies, and so does this job, without a result
		[ "$tv" != fail ] || test_failed[$c]=$((${test_failed[$c]:-0} + 1))
	done
	[ $ran = 1 ] || { cat "$log" >&2; die "the selftest skipped every test (see above): nothing was tested"; }
	printf 'run %2d: %2ds, lost%s: %s\n' "$i" $((SECONDS - s)) "$line" "$v"
done
line=
for c in "${SELFTEST_CASES[@]}"; do
	[ "$(case_lost "$dir/run-1.log" "$c")" = - ] || line+=" $c ${test_failed[$c]:-0}"
done
echo "runs in which each test failed:$line"
if [ $failed -gt 0 ]; then
	echo "host-check: $kernel: this kernel has the race: $failed of $runs runs lost segments or stalled (logs: $dir)"
	exit 1
fi
echo "host-check: $kernel: no lost segment in $runs runs (logs: $dir)"
