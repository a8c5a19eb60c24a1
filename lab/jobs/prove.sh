#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/prove.sh BASE [RUNS]: the selftest fails on the unpatched kernel,
# passes on the patched one.  Boots each kernel once,
# runs tcp_rst_timewait RUNS times (default 20), and on the patched kernel
# fin_ack_lat.sh too; results in build/runs/prove-BASE-<time>/.
# lab/jobs/prove-table.sh reads them, prints the table and gives the verdict.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/jobs/prove.sh BASE [RUNS]"
runs=${2:-20} test=tcp_rst_timewait
positive RUNS "$runs"
take_base "$base"
series_files "$base" | xargs -r grep -lq "selftests/net/$test.c" ||
	die "the $base series has no $test selftest yet (patches/$base/)"
inst=$(series_selftests "$base" "$test" fin_ack_lat.sh)
dir=$(run_dir "prove-$base")
echo "$base" >"$dir/base"
t0=$SECONDS

for variant in unpatched patched; do
	run=$dir/$variant
	cmd="$LAB_DIR/guest/repeat-selftest $test $runs $inst/net/$test"
	[ $variant = unpatched ] || cmd+="; cd $inst/net && ./fin_ack_lat.sh >\$LAB_OUT/fin_ack_lat.log 2>&1; echo \$? >\$LAB_OUT/fin_ack_lat.rc"
	say "$base $variant: $runs runs of $test ($(elapsed $t0) so far)"
	kernel=$(kernel_of "$base" $variant)
	# What the kernel was built with: the table explains a skipped case.
	cp "$(dirname "$kernel")/../../../.config" "$run.config"
	guest_must "$run.console" --run "$run" --timeout $((runs * 60 + 120)) "$kernel" -- "$cmd"
done
say "$base: both kernels ran in $(elapsed $t0); results in $dir"
exec "$LAB_DIR/jobs/prove-table.sh" "$dir"
