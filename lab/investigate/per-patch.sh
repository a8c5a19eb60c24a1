#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/per-patch.sh BASE [RUNS] [PATCHES]: every prefix of the
# series: lost RSTs, drops by reason.  Builds the base and every prefix of the
# series' kernel patches (scratch kernels; only the first PATCHES prefixes when
# given), runs the RFC's RST loop (lab/workload/rfc_loop.c) RUNS times (default
# 10: 200000 connections per family) in each with skb:kfree_skb traced
# (lab/guest/trace-drops), and prints lost RSTs and drops per state.  A segment
# that reaches the listener without SYN is dropped in tcp_v{4,6}_do_rcv(), as
# TCP_FLAGS (6.12) or NOT_SPECIFIED (6.1); a late ACK there is answered by a
# reset that the client drops (NO_SOCKET), a RST is not.  So those drops minus
# NO_SOCKET count the RSTs that went to the listener (at-listen).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/investigate/per-patch.sh BASE [RUNS] [PATCHES]"
take_base "$base"
runs=${2:-10} upto=${3:-0}
positive RUNS "$runs"
[ "$upto" = 0 ] || positive PATCHES "$upto"
pt=$(tree_dir "$base" patched)
dir=$(run_dir "per-patch-$base")
loop=$(rfc_loop "$base" "$dir")
states=("base-$base")
names=("$base unpatched")
for c in $(git -C "$pt" rev-list --reverse "base-$base..patched"); do
	git -C "$pt" diff --quiet "$c~1" "$c" -- net include && continue
	[ "$upto" = 0 ] || [ ${#states[@]} -le "$upto" ] || break
	states+=("$c")
	names+=("+ $(git -C "$pt" log -1 --format=%s "$c" | cut -c1-50)")
done
# reason NAME [FUNCTION-REGEX]: drops of that reason over the runs of state
# $o (a run's .reasons file lists none when it dropped nothing)
reason() {
	cat "$o"/drops-*.reasons | awk -v r="$1" -v f="${2:-.}" '$2 == r && $3 ~ f { n += $1 } END { print n + 0 }'
}
printf '%-55s %9s %9s %9s %9s %9s\n' state conns lost-v4 lost-v6 TCP_CLOSE at-listen
for i in "${!states[@]}"; do
	k=$dir/bzImage-$i
	"$LAB_DIR/host/scratch-kernel.sh" "$base" "${states[$i]}" "$k"
	# Raw addresses in the trace (6.1 prints the drop location with %p),
	# named with the kernel's System.map below.
	LAB_APPEND=no_hash_pointers guest_must "$dir/$i.console" --run "$dir/$i" --timeout $((runs * 60 + 60)) "$k" -- \
		"$LAB_DIR/guest/trace-drops $runs $loop -c rst -n 20000"
	o=$dir/$i/out
	for r in "$o"/drops-*.reasons; do	# addresses to function names
		awk 'NR == FNR { if ($2 ~ /^[tTwW]$/) { a[++n] = $1; s[n] = $3 } next }
		$3 ~ /^[0-9a-f]+$/ && length($3) == 16 {
			lo = 1; hi = n
			while (lo < hi) { m = int((lo + hi + 1) / 2); if (a[m] <= $3) lo = m; else hi = m - 1 }
			$3 = s[lo] }
		{ print }' "$k.map" "$r" >"$r.tmp" && mv "$r.tmp" "$r"
	done
	conns=$(result_sum connections ipv4_rst "$o"/drops-*.log)
	lost4=$(result_sum lost ipv4_rst "$o"/drops-*.log)
	lost6=$(result_sum lost ipv6_rst "$o"/drops-*.log)
	for r in $(seq "$runs"); do [ -f "$o/drops-$r.reasons" ] || die "no $o/drops-$r.reasons"; done
	flags=$(reason TCP_FLAGS)
	unspec=$(reason NOT_SPECIFIED '^tcp_v[46]_do_rcv$')
	nosock=$(reason NO_SOCKET)
	closed=$(reason TCP_CLOSE)
	listen=$((flags + unspec - nosock))
	printf '%-55s %9s %9s %9s %9s %9s\n' "${names[$i]}" "$conns" "$lost4" "$lost6" "$closed" "$listen"
done
echo "($runs runs per state; conns per family; results in $dir)"
