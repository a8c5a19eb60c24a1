#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/loop-variants.sh BASE|host ROUNDS N OPTIONS...: how the way
# the RFC's loop is run changes the rate of lost RSTs, the choices behind
# tcp_rst_timewait's threads.  Runs lab/workload/rfc_loop.c (rst case, N
# connections per family) with each OPTIONS string in turn ("" for none,
# "-B" for both CPUs kept busy, "-t 2 -B" for two client/server pairs),
# ROUNDS times, alternating, on BASE's unpatched kernel in a 2-vCPU TCG
# guest or on the running kernel ("host", as root).  Prints the lost RSTs
# per variant, per 10000 connections and per second.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

usage='usage: lab/investigate/loop-variants.sh BASE|host ROUNDS N OPTIONS... (e.g. "" -B "-t 2 -B")'
[ $# -ge 4 ] || die "$usage"
where=$1 rounds=$2 n=$3
shift 3
positive ROUNDS "$rounds" N "$n"
for v in "$@"; do
	[[ $v =~ ^[-\ Bt0-9]*$ ]] || die "not options of rfc_loop: '$v'"
done
base=$where
[ "$where" != host ] || base=$(newest_base)
take_base "$base"
dir=$(run_dir "loop-variants-$where")
loop=$(rfc_loop "$base" "$dir")
cmd="for r in \$(seq $rounds); do"
for i in $(seq $#); do
	cmd+=" $loop ${!i} -c rst -n $n >v$i-\$r.log;"
done
cmd+=" done; true"
if [ "$where" = host ]; then
	[ "$(id -u)" -eq 0 ] || die "loop-variants host needs root (the loop makes a network namespace)"
	mkdir -p "$dir/out"
	(cd "$dir/out" && bash -c "$cmd")
	about="this host's $(uname -r), $(nproc) CPUs"
else
	kernel=$(kernel_of "$base" unpatched)
	guest_must "$dir/console" --run "$dir" --timeout $((rounds * $# * 400 + 300)) "$kernel" -- "$cmd"
	about="$base unpatched, 2-vCPU TCG guest"
fi
echo "$about: lost RSTs of the RFC's loop, $rounds x $n connections per family and variant"
for i in $(seq $#); do
	c=0 l=0 ms=0 line=
	for r in $(seq "$rounds"); do
		for f in ipv4 ipv6; do
			x=$(result "$dir/out/v$i-$r.log" "${f}_rst" lost)
			nc=$(result "$dir/out/v$i-$r.log" "${f}_rst" connections)
			tm=$(result "$dir/out/v$i-$r.log" "${f}_rst" ms)
			c=$((c + nc)) ms=$((ms + tm)) l=$((l + x)) line+=" $x"
		done
	done
	printf '  %-12s lost per run (v4 v6):%s; %d in %d connections: %d.%d per 10000, %d.%d per second\n' \
		"${!i:-(none)}" "$line" "$l" "$c" $((l * 10000 / c)) $((l * 100000 / c % 10)) \
		$((l * 1000 / ms)) $((l * 10000 / ms % 10))
done
echo "(results in $dir)"
