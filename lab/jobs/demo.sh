#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/demo.sh [BASE]: the race (lost RSTs, stalls) and the cost,
# unpatched vs patched.  Builds (or reuses) the unpatched and the patched
# kernel of BASE, runs the RFC's loop (lab/workload/rfc_loop.c: the
# selftest's loop, counting every lost RST where the selftest stops at the
# first) in each, LAB_BATCHES batches of 20000 connections per family, each
# batch in a fresh netns and well under tcp_fin_timeout, then measures what
# the fix costs with lab/jobs/cost.sh (LAB_ROUNDS instruction-counted boots
# of each kernel).  Prints two tables; logs are named as it goes.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-7.3} conns=20000
batches=${LAB_BATCHES:-3} rounds=${LAB_ROUNDS:-3}
positive LAB_BATCHES "$batches" LAB_ROUNDS "$rounds"
take_base "$base"
[ -n "$(series_files "$base")" ] ||
	die "there is no $base series yet: patches/$base/ holds no patches, so there is nothing to compare"
dir=$(run_dir "demo-$base")
t0=$SECONDS
step=0 steps=7
progress() {
	step=$((step + 1))
	printf 'demo [%d/%d] %s (%ss elapsed)\n' "$step" "$steps" "$*" $((SECONDS - t0)) >&2
}

progress "base tree and series for $base"
"$LAB_DIR/host/apply-series.sh" "$base" 2>>"$dir/setup.log"
for v in unpatched patched; do
	progress "building the $v kernel (compiler output: $(obj_dir "$base" $v "$LAB_FLAVOUR")/build.log)"
	kernel_of "$base" $v >"$dir/kernel-$v" 2>>"$dir/setup.log" ||
		die "building the $v kernel failed, see $dir/setup.log"
done
progress "building lab/workload/rfc_loop.c"
race=$(rfc_loop "$base" "$dir" 2>>"$dir/setup.log")
for v in unpatched patched; do
	progress "race workload on the $v kernel: $batches x $conns connections per family (serial log: $dir/race-$v/serial.log)"
	kernel=$(cat "$dir/kernel-$v")
	guest_must "$dir/race-$v.console" --run "$dir/race-$v" --timeout $((batches * 100 + 60)) "$kernel" -- \
		"for b in \$(seq $batches); do $race -c rst -n $conns -T 40 >\$LAB_OUT/batch-\$b.log; done; true"
done
progress "the cost: $rounds instruction-counted boots of each kernel (lab/jobs/cost.sh, log: $dir/cost.log)"
LAB_ROUNDS=$rounds "$LAB_DIR/jobs/cost.sh" --dir "$dir/cost" "$base" >"$dir/cost.table" 2>"$dir/cost.log" ||
	{ rc=$?; tail -n 15 "$dir/cost.log" >&2; exit_as $rc "lab/jobs/cost.sh failed, see $dir/cost.log"; }

# The table: sums over the batches of each kernel and family.
echo
echo "Base $base ($(git -C "$(tree_dir "$base" unpatched)" log -1 --format=%s)), $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores"
echo
echo "The race: the RFC's loop, $batches x $conns connections per family (TCG, ${LAB_SMP:-2} vCPUs, wall-clock):"
echo
echo "| kernel | family | connections | lost RSTs (FIN-WAIT-2 left) | > 1 ms | > 1 s | max latency |"
echo "|---|---|---:|---:|---:|---:|---:|"
for v in unpatched patched; do
	logs=("$dir/race-$v/out/"batch-*.log)
	for f in ipv4 ipv6; do
		max=0
		for l in "${logs[@]}"; do
			m=$(result "$l" ${f}_rst max_us)
			[ "$m" -le "$max" ] || max=$m
		done
		c=$(result_sum connections ${f}_rst "${logs[@]}")
		l=$(result_sum lost ${f}_rst "${logs[@]}")
		ms1=$(result_sum over_1ms ${f}_rst "${logs[@]}")
		s1=$(result_sum over_1s ${f}_rst "${logs[@]}")
		printf '| %s | %s | %d | %d | %d | %d | %d.%d ms |\n' $v $f "$c" "$l" "$ms1" "$s1" \
			$((max / 1000)) $((max % 1000 / 100))
	done
done
echo
cat "$dir/cost.table"
echo
echo "Workloads: $LAB_DIR/workload/rfc_loop.c and $LAB_DIR/workload/tcp_rr.c."
echo "Logs and per-boot results: $dir ($(elapsed $t0))"
