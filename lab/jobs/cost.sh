#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/cost.sh [--dir DIR] BASE...: the cost in instructions (TCP_RR,
# TCP_CRR, loops), interleaved icount boots.  For each base, boots the
# unpatched and the patched kernel LAB_ROUNDS times each (default 3),
# interleaved, with --accel icount: the guest's clock counts instructions,
# so a rate measured in the guest repeats across boots, blind to the host's
# load.  Each boot runs, on 2 vCPUs (lab/data/icount-smp.txt names the
# bases that get one, and then run TCP_RR only):
#   lab/workload/tcp_rr.c  3 x LAB_RR_N transactions per family (default 50000)
#                          and 3 x LAB_CRR_N TCP_CRR ones (default 2000)
#   lab/workload/rfc_loop.c -c rst -n LAB_CONN_N   the RFC's loop (default 10000)
#   lab/workload/rfc_loop.c -c fin -n LAB_CONN_N   the same loop, closed with a FIN
# Results go to DIR/BASE/{unpatched,patched}-R/out (default build/runs/cost-BASES-<time>);
# lab/jobs/cost-table.sh DIR prints their table, as this script does at its end.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

dir=
if [ "${1:-}" = --dir ]; then
	[ $# -ge 2 ] || die "option --dir needs a directory"
	dir=$2
	shift 2
fi
[ $# -gt 0 ] || die "usage: lab/jobs/cost.sh [--dir DIR] BASE..."
rounds=${LAB_ROUNDS:-3} rr_n=${LAB_RR_N:-50000} crr_n=${LAB_CRR_N:-2000} conn_n=${LAB_CONN_N:-10000}
positive LAB_ROUNDS "$rounds" LAB_RR_N "$rr_n" LAB_CRR_N "$crr_n" LAB_CONN_N "$conn_n"
for base in "$@"; do
	check_base "$base"
	[ -n "$(series_files "$base")" ] || die "there is no $base series (patches/$base/ holds no patches)"
done
bases="$*"	# "${*// /-}" would replace within each base, not between them
if [ -n "$dir" ]; then mkdir -p "$dir"; else dir=$(run_dir "cost-${bases// /-}"); fi
dir=$(cd "$dir" && pwd)
t0=$SECONDS

gcc -O2 -Wall -pthread -o "$dir/tcp_rr" "$LAB_DIR/workload/tcp_rr.c"
for base in "$@"; do
	lock_base "$base"
	# Kernels and programs are kept: the results stay with what made them.
	mkdir -p "$dir/$base"
	rfc_loop "$base" "$dir/$base" >/dev/null
	for v in unpatched patched; do
		say "cost $base: building the $v kernel"
		kernel=$(kernel_of "$base" $v)
		cp "$kernel" "$dir/$base/bzImage-$v"
	done
	git -C "$(tree_dir "$base" unpatched)" log -1 --format=%s >"$dir/$base/source"
	smp=$(awk -v b="$base" '$1 == b { print $2 }' "$LAB_DIR/data/icount-smp.txt")
	smp=${smp:-2}
	cmd="for i in 1 2 3; do for f in 4 6; do $dir/tcp_rr -\$f $rr_n >rr\$f-\$i.log
$dir/tcp_rr -\$f $crr_n crr >crr\$f-\$i.log; done; done"
	metrics="rr4 rr6 crr4 crr6"
	if [ "$smp" -ge 2 ]; then
		cmd+="
$dir/$base/rfc_loop -c rst -n $conn_n >rst.log; echo \$? >rst.rc
$dir/$base/rfc_loop -c fin -n $conn_n >fin.log; echo \$? >fin.rc"
		metrics+=" rst4 rst6 fin4 fin6"
	fi
	# What cost-table.sh reads for this base.
	echo "$metrics" >"$dir/$base/metrics"
	echo "$smp" >"$dir/$base/smp"
	for r in $(seq "$rounds"); do
		for v in unpatched patched; do
			run=$dir/$base/$v-$r
			say "cost $base: round $r/$rounds, $v kernel ($(elapsed $t0) so far)"
			guest_must "$run.console" --accel icount --smp "$smp" --timeout 900 --run "$run" \
				"$dir/$base/bzImage-$v" -- "$cmd"
		done
	done
done
"$LAB_DIR/jobs/cost-table.sh" "$dir"
say "cost: $(elapsed $t0); results in $dir"
