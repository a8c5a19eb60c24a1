#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/selftest-runs.sh BASE unpatched|patched RUNS [VCPUS]
# [FLAVOUR]: the selftest RUNS times on one kernel: per test, runs failed,
# XFAIL, skipped; seconds per run.  Boots it with VCPUS (default 2) under TCG,
# with KSFT_MACHINE_SLOW=1 when LAB_MACHINE_SLOW=1 (as NIPA's slow runners), and
# prints per test the runs in which it failed, was XFAIL, skipped or passed.
# Measures, does not judge: exit 0 when the runs ran.  Results in
# build/runs/selftest-runs-BASE-.../.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

usage="usage: lab/investigate/selftest-runs.sh BASE unpatched|patched RUNS [VCPUS] [FLAVOUR]"
[ $# -ge 3 ] || die "$usage"
base=$1 variant=$2 runs=$3 smp=${4:-2} flavour=${5:-$LAB_FLAVOUR}
case $variant in unpatched|patched) ;; *) die "$usage" ;; esac
positive RUNS "$runs" VCPUS "$smp"
take_base "$base"
test=tcp_rst_timewait
inst=$(series_selftests "$base" "$test")
kernel=$(kernel_of "$base" "$variant" "$flavour")
dir=$(run_dir "selftest-runs-$base-$variant-$smp-$flavour")
env=
[ "${LAB_MACHINE_SLOW:-0}" = 0 ] || env="KSFT_MACHINE_SLOW=1 "
say "$base $variant ($flavour), $smp vCPUs: $runs runs of $test (console: $dir/console)"
guest_must "$dir/console" --smp "$smp" --mem 2048 --run "$dir/run" --timeout $((runs * 120 + 300)) "$kernel" -- \
	"$env$LAB_DIR/guest/repeat-selftest $test $runs $inst/net/$test"
out=$dir/run/out
declare -A n
failed=0
for i in $(seq "$runs"); do
	if [ ! -f "$out/$test-$i.rc" ] || [ ! -f "$out/$test-$i.seconds" ]; then die "no output of run $i in $out"; fi
	[ "$(cat "$out/$test-$i.rc")" = 0 ] || failed=$((failed + 1))
	for c in "${SELFTEST_CASES[@]}"; do
		v=$(verdict "$out/$test-$i.log" "$c")
		n[$c.$v]=$((${n[$c.$v]:-0} + 1))
	done
done
secs=$(sort -n "$out"/$test-*.seconds | awk '{ a[NR] = $1 } END { printf "%d / %d / %d", a[1], a[int((NR + 1) / 2)], a[NR] }')
echo "$base $variant ($flavour), $smp vCPUs${env:+, KSFT_MACHINE_SLOW=1}: $failed of $runs runs failed; seconds per run (min / median / max): $secs"
for c in "${SELFTEST_CASES[@]}"; do
	printf '  %-9s failed %2d, xfail %2d, skipped %2d, passed %2d\n' "$c" \
		"${n[$c.fail]:-0}" "${n[$c.xfail]:-0}" "${n[$c.skip]:-0}" "${n[$c.pass]:-0}"
done
echo "(results in $dir)"
