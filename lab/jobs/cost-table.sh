#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/cost-table.sh DIR: the cost table of a cost.sh result directory.
# Reads DIR/BASE/{unpatched,patched}-R/out/*.log; one block per base.
#
# Every figure is a count of guest instructions (lab/lab boot
# --accel icount: 1 ns of guest time per instruction).  Per boot: the
# median of its three TCP_RR runs and of its three TCP_CRR runs, and the
# RST and FIN loops' connection rate.  Per kernel: the median of its
# boots and their spread, (max - min) / 2 / median.  The verdict:
# "within the spread" when the two kernels' ranges of boots (min..max)
# overlap, widened by the figure's resolution (the selftest times its
# connections in ms: 1 ms over N connections is 1000000 / N
# instructions); otherwise every boot of one kernel was above every boot
# of the other, which n boots each of two equal kernels also give, by
# chance, once in C(2n, n) / 2 tries (10 for 3 boots, 126 for 5).
# A missing or malformed result is an error, never a zero.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

dir=${1:-}
[ -n "$dir" ] || die "usage: lab/jobs/cost-table.sh DIR"
[ -d "$dir" ] || die "no cost run directory $dir"
mapfile -t bases < <(find "$dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -rV)
[ ${#bases[@]} -gt 0 ] || die "$dir holds no base's results"

# rr_instr LOG CASE: guest instructions (ns) per transaction
rr_instr() {
	local us n
	us=$(result "$1" "$2" us)
	n=$(result "$1" "$2" transactions)
	echo $((us * 1000 / n))
}
# conn_instr LOG CASE: guest instructions (ns) per connection; a run with
# errors measured something else
conn_instr() {
	local errors ms n
	errors=$(result "$1" "$2" errors)
	[ "$errors" -eq 0 ] || die "$1: $2 had errors"
	ms=$(result "$1" "$2" ms)
	n=$(result "$1" "$2" connections)
	echo $((ms * 1000000 / n))
}
# quantum OUT METRIC: the resolution of a figure, in instructions
quantum() {
	local n
	case $2 in
	rr?|crr?) n=$(result "$1/$2-1.log" "${2%?}_ipv${2: -1}" transactions); echo $((1000 / n)) ;;
	*) n=$(result "$1/${2%?}.log" "ipv${2: -1}_${2%?}" connections); echo $((1000000 / n)) ;;
	esac
}
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

# figure OUT METRIC: one boot's figure, instructions per unit of work
figure() {
	local o=$1 a b c
	case $2 in
	rr?|crr?)
		a=$(rr_instr "$o/$2-1.log" "${2%?}_ipv${2: -1}")
		b=$(rr_instr "$o/$2-2.log" "${2%?}_ipv${2: -1}")
		c=$(rr_instr "$o/$2-3.log" "${2%?}_ipv${2: -1}")
		median3 "$a" "$b" "$c" ;;
	rst4|rst6|fin4|fin6) conn_instr "$o/${2%?}.log" "ipv${2: -1}_${2%?}" ;;
	esac
}

echo "Cost of the series, in guest instructions per unit of work (lower is cheaper):"
echo "lab/lab boot --accel icount (virtme-ng); median of each kernel's boots, interleaved."
for base in "${bases[@]}"; do
	b=$dir/$base
	n=$(find "$b" -mindepth 1 -maxdepth 1 -type d -name 'unpatched-[0-9]*' | wc -l)
	[ "$n" -gt 0 ] || die "$b: no boots of the unpatched kernel"
	for r in $(seq "$n"); do [ -d "$b/patched-$r/out" ] || die "$b: round $r has no patched boot"; done
	for f in metrics smp source; do [ -f "$b/$f" ] || die "$b: no $f file"; done
	read -r -a metrics <"$b/metrics"
	echo
	echo "Base $base: $(cat "$b/source"), $n boots of each kernel, $(cat "$b/smp") vCPU(s)"
	echo
	echo "| metric | unpatched | spread | patched | spread | resolution | patched - unpatched | patched/unpatched - 1 | verdict |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
	for m in "${metrics[@]}"; do
		u='' p=''
		for r in $(seq "$n"); do
			x=$(figure "$b/unpatched-$r/out" "$m")
			u+=" $x"
			x=$(figure "$b/patched-$r/out" "$m")
			p+=" $x"
		done
		q=$(quantum "$b/unpatched-1/out" "$m")
		case $m in
		rr*) name="TCP_RR IPv${m: -1}, per transaction" ;;
		crr*) name="TCP_CRR IPv${m: -1}, per transaction" ;;
		rst*) name="RST loop IPv${m: -1}, per connection" ;;
		fin*) name="FIN loop IPv${m: -1}, per connection" ;;
		esac
		awk -v name="$name" -v u="$u" -v p="$p" -v q="$q" '
		function med(s, A,   n, i, j, t) {
			# the median of the numbers in s; sets lo and hi
			n = split(s, A)
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (A[j] + 0 < A[i] + 0) { t = A[i]; A[i] = A[j]; A[j] = t }
			lo = A[1]; hi = A[n]
			return n % 2 ? A[(n + 1) / 2] : (A[n / 2] + A[n / 2 + 1]) / 2 }
		BEGIN {
			mu = med(u); su = (hi - lo) / 2 / mu; ulo = lo; uhi = hi
			mp = med(p); sp = (hi - lo) / 2 / mp; plo = lo; phi = hi
			d = mp / mu - 1; n = split(u, A)
			luck = 1; for (i = 1; i <= n; i++) luck = luck * (n + i) / i; luck /= 2
			chance = sprintf(" every unpatched one (by chance: 1 in %d)", luck)
			if (plo > uhi + q) v = "costs more: every patched boot above" chance
			else if (phi + q < ulo) v = "cheaper: every patched boot below" chance
			else v = "within the spread"
			printf "| %s | %.0f | +-%.2f%% | %.0f | +-%.2f%% | %.0f | %+.0f | %+.2f%% | %s |\n",
				name, mu, 100 * su, mp, 100 * sp, q, mp - mu, 100 * d, v }'
	done
done
