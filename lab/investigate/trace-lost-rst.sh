#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/trace-lost-rst.sh BASE [RUNS] [VARIANT] [TEST...]: the
# selftest on a kernel that traces every RST ending without effect, until a run
# fails.  Builds the kernel of VARIANT (patched, default, or unpatched) with
# lab/investigate/trace-lost-rst.py's trace_printk()s in the scratch worktree
# and runs the selftest's TESTs (default: ipv4.ao and ipv6.ao) up to RUNS times
# (default 300) under lab/guest/trace-drops (skb:kfree_skb off: trace_printk()
# alone, which writes only when a RST ends without effect, keeps the timing of
# an untraced run).  Prints the runs and the clients' RSTs that ended without
# effect (client-rst-lines.txt of the result directory, every RST in
# rst-lines.txt; a failed run's whole trace is its drops-N.trace).  Measures,
# does not judge: exit 0 when the runs ran.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

usage="usage: lab/investigate/trace-lost-rst.sh BASE [RUNS] [patched|unpatched] [TEST...]"
[ $# -ge 1 ] || die "$usage"
base=$1 runs=${2:-300} variant=${3:-patched}
shift $(($# < 3 ? $# : 3))
positive RUNS "$runs"
case $variant in patched) commit=patched ;; unpatched) commit=base-$base ;; *) die "$usage" ;; esac
[ $# -gt 0 ] || set -- ipv4.ao ipv6.ao
take_base "$base"
test=tcp_rst_timewait
inst=$(series_selftests "$base" "$test")
dir=$(run_dir "trace-lost-rst-$base-$variant")
"$LAB_DIR/host/scratch-kernel.sh" "$base" "$commit" "$dir/bzImage" \
	python3 "$LAB_DIR/investigate/trace-lost-rst.py" .
filters=
for t in "$@"; do filters+=" -r $test.$t"; done
say "$base $variant with trace-lost-rst.py: up to $runs runs of$filters (console: $dir/console)"
guest_must "$dir/console" --run "$dir/run" --timeout $((runs * 30 + 300)) "$dir/bzImage" -- \
	"LAB_TRACE_SKB=0 LAB_TRACE_STOP=1 $LAB_DIR/guest/trace-drops $runs sh -c '$inst/net/$test$filters; rc=\$?; grep -h rst- /sys/kernel/tracing/trace >>\$LAB_OUT/rst-lines.txt; exit \$rc'"
out=$dir/run/out
done_runs=$(find "$out" -name 'drops-*.rc' | wc -l)
[ "$done_runs" -gt 0 ] || die "no run finished, see $dir/console"
failed=$(cat "$out"/drops-*.rc | grep -cvx 0 || true)
touch "$out/rst-lines.txt"
# The clients' RSTs go to the server's port 1000; the others are the
# listener's answers to stray ACKs, which meet no socket.
grep -e '-> 1000 ' -e 'rst-unsent' "$out/rst-lines.txt" >"$out/client-rst-lines.txt" || true
echo "$base $variant with trace-lost-rst.py: $failed of $done_runs runs failed; clients' RSTs that ended without effect: $(wc -l <"$out/client-rst-lines.txt") (client-rst-lines.txt; all RSTs: rst-lines.txt)"
head -n 20 "$out/client-rst-lines.txt" | sed 's/^ */  /'
echo "(results in $dir)"
