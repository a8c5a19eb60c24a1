#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/cost-table.sh DIR: the cost table of a lab/cost.sh run directory
# (DIR/BASE/{unpatched,patched}-R/out/*.log), one block per base.
#
# Every figure is a count of guest instructions (lab/vm.sh --accel icount:
# 1 ns of guest time per instruction).  Per boot: the median of its three
# TCP_RR runs, and the RST and FIN loops' connection rate.  Per kernel: the
# median of its boots and their spread, (max - min) / 2 / median.  The
# verdict compares patched/unpatched - 1 with the larger of the two spreads.
# A missing or malformed result is an error, never a zero.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=${1:?usage: lab/cost-table.sh DIR}
[ -d "$dir" ] || die "no cost run directory $dir"
mapfile -t bases < <(find "$dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -rV)
[ ${#bases[@]} -gt 0 ] || die "$dir holds no base's results"

# rr_instr LOG CASE: guest instructions (ns) per transaction
rr_instr() { echo $(($(result "$1" "$2" us) * 1000 / $(result "$1" "$2" transactions))); }
# conn_instr LOG CASE: guest instructions (ns) per connection; a run with
# errors measured something else
conn_instr() {
	[ "$(result "$1" "$2" errors)" -eq 0 ] || die "$1: $2 had errors"
	echo $(($(result "$1" "$2" ms) * 1000000 / $(result "$1" "$2" connections)))
}
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

# figure OUT METRIC: one boot's figure, instructions per unit of work
figure() {
	local o=$1
	case $2 in
	rr4|rr6) median3 "$(rr_instr "$o/rr${2#rr}-1.log" "rr_ipv${2#rr}")" \
		"$(rr_instr "$o/rr${2#rr}-2.log" "rr_ipv${2#rr}")" \
		"$(rr_instr "$o/rr${2#rr}-3.log" "rr_ipv${2#rr}")" ;;
	rst4|rst6|fin4|fin6) conn_instr "$o/${2%?}.log" "ipv${2: -1}_${2%?}" ;;
	esac
}

echo "Cost of the series, in guest instructions per unit of work (lower is cheaper):"
echo "lab/vm.sh --accel icount, 2 vCPUs; median of each kernel's boots, interleaved."
for base in "${bases[@]}"; do
	b=$dir/$base
	mapfile -t boots < <(find "$b" -mindepth 1 -maxdepth 1 -type d -name 'unpatched-[0-9]*' -printf '%f\n' | sort -V)
	n=${#boots[@]}
	[ "$n" -gt 0 ] || die "$b: no boots of the unpatched kernel"
	for r in $(seq "$n"); do
		[ -d "$b/patched-$r/out" ] || die "$b: round $r has no patched boot"
	done
	echo
	echo "Base $base: $(cat "$b/source" 2>/dev/null || echo "$base"), $n boots of each kernel"
	echo
	echo "| metric | unpatched | spread | patched | spread | patched - unpatched | patched/unpatched - 1 | verdict |"
	echo "|---|---:|---:|---:|---:|---:|---:|---|"
	for m in rr4 rr6 rst4 rst6 fin4 fin6; do
		u='' p=''
		for r in $(seq "$n"); do
			u+=" $(figure "$b/unpatched-$r/out" $m)"
			p+=" $(figure "$b/patched-$r/out" $m)"
		done
		case $m in
		rr*) name="TCP_RR IPv${m: -1}, per transaction" ;;
		rst*) name="RST loop IPv${m: -1}, per connection" ;;
		fin*) name="FIN loop IPv${m: -1}, per connection" ;;
		esac
		awk -v name="$name" -v u="$u" -v p="$p" '
		function med(s, A,   n, i, j, t) {
			n = split(s, A)
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (A[j] + 0 < A[i] + 0) { t = A[i]; A[i] = A[j]; A[j] = t }
			lo = A[1]; hi = A[n]
			return n % 2 ? A[(n + 1) / 2] : (A[n / 2] + A[n / 2 + 1]) / 2 }
		BEGIN {
			mu = med(u); su = (hi - lo) / 2 / mu
			mp = med(p); sp = (hi - lo) / 2 / mp
			band = su > sp ? su : sp; d = mp / mu - 1; ad = d < 0 ? -d : d
			printf "| %s | %.0f | +-%.2f%% | %.0f | +-%.2f%% | %+.0f | %+.2f%% | %s |\n",
				name, mu, 100 * su, mp, 100 * sp, mp - mu, 100 * d,
				ad <= band ? "within the spread" : (d > 0 ? "COSTS MORE than the spread" : "cheaper, beyond the spread") }'
	done
done
