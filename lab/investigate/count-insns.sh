#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/count-insns.sh BASE [TRANSACTIONS] [rr|closed]:
# instructions per call of tcp_v{4,6}_rcv() (TCP_RR) or of the established
# lookups (SYNs to a closed port), traced by qemu.  What a function executes
# per call, itself (not its callees), on the unpatched and the patched
# kernel, counted exactly: qemu logs every translated block in the
# function's address range and every execution of one (-d
# in_asm,exec,nochain -dfilter), while lab/workload/tcp_rr.c runs
# TRANSACTIONS (default 2000) transactions per family; instructions = the
# sum of the executed blocks' sizes, calls = the executions of the block at
# the function's entry.  Needs a kernel without KASLR (tinyconfig has none).
# The workload and the functions:
#   rr (default)  TCP_RR: tcp_v4_rcv() and tcp_v6_rcv(), two calls per
#                 transaction, data segments without RST or FIN
#   closed        connect() to a port where nothing listens:
#                 __inet_lookup_established() and
#                 __inet6_lookup_established(), a miss for each SYN, a
#                 hit for the RST that answers it
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/investigate/count-insns.sh BASE [TRANSACTIONS] [rr|closed]"
n=${2:-2000} workload=${3:-rr}
positive TRANSACTIONS "$n"
case $workload in
rr) functions="tcp_v4_rcv:4 tcp_v6_rcv:6" ;;
closed) functions="__inet_lookup_established:4 __inet6_lookup_established:6" ;;
*) die "unknown workload '$workload' (rr or closed)" ;;
esac
take_base "$base"
dir=$(run_dir "count-insns-$workload-$base")
gcc -O2 -Wall -pthread -o "$dir/tcp_rr" "$LAB_DIR/workload/tcp_rr.c"
# vCPUs: as lab/jobs/cost.sh's (lab/data/icount-smp.txt)
smp=$(awk -v b="$base" '$1 == b { print $2 }' "$LAB_DIR/data/icount-smp.txt")

# count LOG ENTRY: "CALLS INSTRUCTIONS" of the function entered at ENTRY
count() {
	awk -v entry="$2" '
		/^IN:/ { size = 0; translated = 1; next }
		translated && /^0x[0-9a-f]+:/ { size++; next }
		/^Trace [0-9]+: / {
			# Trace 0: HOST-TB [CS_BASE/PC/FLAGS/CFLAGS]: the block right
			# after an IN: listing is the one just translated.
			split($4, f, "/")
			if (translated) { insns[$3] = size; translated = 0 }
			if (!($3 in insns)) { print "no listing for block " $3 > "/dev/stderr"; exit 1 }
			total += insns[$3]
			if (f[2] == entry) calls++
		}
		END { if (calls) print calls, total }' "$1"
}

echo "| base | function | unpatched: calls | instructions per call | patched: calls | instructions per call | added per call |"
echo "|---|---|---:|---:|---:|---:|---:|"
for fn in $functions; do
	f=${fn%:*} fam=${fn#*:}
	declare -A per=() calls=()
	for v in unpatched patched; do
		kernel=$(kernel_of "$base" $v)
		map=$(dirname "$kernel")/../../../System.map
		start=$(awk -v f="$f" '$3 == f { print $1; exit }' "$map")
		next=$(awk -v f="$f" '$3 == f { s = $1; next } s && $1 != s { print $1; exit }' "$map")
		if [ -z "$start" ] || [ -z "$next" ]; then die "no $f in $map"; fi
		end=$(printf '%x' $((0x$next - 1)))
		run=$dir/$v-$f
		LAB_QEMU_ARGS="-d in_asm,exec,nochain -dfilter 0x$start..0x$end -D $run.trace" \
			guest_must "$run.console" --accel icount --smp "${smp:-2}" --run "$run" --timeout 600 "$kernel" -- \
			"$dir/tcp_rr -$fam $n $workload >rr.log"
		r=$(count "$run.trace" "$start") || die "cannot read $run.trace"
		read -r c t <<<"$r"
		[ "${c:-0}" -ge "$n" ] || die "$run.trace: $f called ${c:-0} times, fewer than the $n transactions"
		calls[$v]=$c
		per[$v]=$(awk -v c="$c" -v t="$t" 'BEGIN { printf "%.2f", t / c }')
		rm -f "$run.trace"
	done
	printf '| %s | %s() | %d | %s | %d | %s | %s |\n' "$base" "$f" "${calls[unpatched]}" "${per[unpatched]}" \
		"${calls[patched]}" "${per[patched]}" "$(awk -v u="${per[unpatched]}" -v p="${per[patched]}" 'BEGIN { printf "%+.2f", p - u }')"
done
say "count-insns: results in $dir"
