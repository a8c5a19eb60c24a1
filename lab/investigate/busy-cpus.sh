#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/busy-cpus.sh BASE|host [ROUNDS] [N]: why the selftest keeps
# its two CPUs busy.  Runs the RFC's loop (lab/workload/rfc_loop.c, rst
# case, N connections per family, default 20000) ROUNDS times (default 2)
# without and with -B (a SCHED_IDLE thread spinning on each of the two
# CPUs, as tcp_rst_timewait does), alternating, on BASE's unpatched kernel
# in a 2-vCPU TCG guest, or on the running kernel ("host", as root).
# Prints the lost RSTs per variant and per 10000 connections.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

usage="usage: lab/investigate/busy-cpus.sh BASE|host [ROUNDS] [N]"
where=${1:?$usage} rounds=${2:-2} n=${3:-20000}
positive ROUNDS "$rounds"
positive N "$n"
base=$where
[ "$where" != host ] || base=$(newest_base)
check_base "$base"
lock_base "$base"
dir=$(run_dir "busy-cpus-$where")
loop=$(rfc_loop "$base" "$dir")
cmd="for r in \$(seq $rounds); do $loop -c rst -n $n >plain-\$r.log; $loop -B -c rst -n $n >busy-\$r.log; done; true"
if [ "$where" = host ]; then
	[ "$(id -u)" -eq 0 ] || die "busy-cpus host needs root (the loop makes a network namespace)"
	mkdir -p "$dir/out"
	(cd "$dir/out" && bash -c "$cmd")
	about="this host's $(uname -r), $(nproc) CPUs"
else
	kernel=$(kernel_of "$base" unpatched)
	rc=0
	"$LAB_DIR/host/boot-guest.sh" --run "$dir" --timeout $((rounds * 600 + 300)) "$kernel" -- "$cmd" \
		>"$dir/console" 2>&1 || rc=$?
	[ $rc -eq 0 ] || { tail -n 15 "$dir/console" >&2; die "the guest failed (exit $rc), see $dir/console"; }
	about="$base unpatched, 2-vCPU TCG guest"
fi
echo "$about: lost RSTs of the RFC's loop, $rounds x $n connections per family and variant"
for v in plain busy; do
	c=0 l=0 line=
	for r in $(seq "$rounds"); do
		for f in ipv4 ipv6; do
			x=$(result "$dir/out/$v-$r.log" "${f}_rst" lost)
			c=$((c + $(result "$dir/out/$v-$r.log" "${f}_rst" connections))) l=$((l + x)) line+=" $x"
		done
	done
	printf '  %-24s lost per run (v4 v6):%s; %d in %d connections, %d.%d per 10000\n' \
		"$([ $v = busy ] && echo "-B (both CPUs busy)" || echo "plain")" "$line" "$l" "$c" \
		$((l * 10000 / c)) $((l * 100000 / c % 10))
done
echo "(results in $dir)"
