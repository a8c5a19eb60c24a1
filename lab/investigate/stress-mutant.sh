#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/stress-mutant.sh BASE: the stress catches a deliberate
# refcount bug.  Builds the series as a debug kernel with one deliberate bug in
# patch 1's re-dispatch (IPv4): the reference of the first lookup is put twice,
# so every raced RST or FIN that is re-dispatched leaves a full socket with one
# reference too few.  Runs a short stress (LAB_STRESS_RUNS, default 2;
# LAB_STRESS_SECONDS, default 60).  Passes when the guest reports it: a
# refcount_t or KASAN splat in dmesg or on the serial console (the guest may
# also die of it).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/investigate/stress-mutant.sh BASE"
take_base "$base"
runs=${LAB_STRESS_RUNS:-2} secs=${LAB_STRESS_SECONDS:-60}
positive LAB_STRESS_RUNS "$runs" LAB_STRESS_SECONDS "$secs"
dir=$(run_dir "stress-mutant-$base")
inst=$(series_selftests "$base")
loop=$(rfc_loop "$base" "$dir")
gcc -O2 -Wall -o "$dir/tw_hold" "$LAB_DIR/workload/tw_hold.c"
# The mutation: an unconditional sock_put(sk) before the "sk = tw_sk;" of
# the re-dispatch after the lock (the one followed by the restore of the
# IP control block), not the TCP-AO one before the lock, which a segment
# takes only rarely.
# shellcheck disable=SC2016 # a perl expression
LAB_SCRATCH_FLAVOUR=debug LAB_NEED_GB=${LAB_NEED_GB:-6} "$LAB_DIR/host/scratch-kernel.sh" "$base" patched "$dir/bzImage" \
	perl -0pi -e 's/^(\t+)(sk = tw_sk;\n\t+tcp_v4_restore_cb\(skb\);)/$1sock_put(sk);\t\/* lab mutant: one put too many *\/\n$1$2/m or die "no re-dispatch found\n"' \
	net/ipv4/tcp_ipv4.c
# Exit 3: a splat during the boot, before the stress (see lab/jobs/stress.sh);
# boot again.  Only what the kernel reports once the stress has started
# counts: the serial console from lab/guest/stress's first line on (the guest
# may die of the bug) and the stress's own dmesg.
for attempt in 1 2 3; do
	rc=0
	rm -rf "$dir/run"
	LAB_APPEND="pci=noacpi slub_debug=FZPU,tw_sock_TCP,tw_sock_TCPv6" \
		guest_run --run "$dir/run" --mem 2048 --timeout $((runs * 60 + secs + 600)) "$dir/bzImage" -- \
		"$LAB_DIR/guest/stress $inst/net/tcp_rst_timewait $loop $dir/tw_hold $runs $secs" >"$dir/console" 2>&1 || rc=$?
	if [ "$rc" -ne 3 ] || [ "$attempt" -ge 3 ]; then break; fi
	say "mutant: a splat during the boot, before the stress; booting again"
done
found=$({ sed -n '/^stress: kernel/,$p' "$dir/run/serial.log"; cat "$dir/run/out/dmesg-stress.log" 2>/dev/null; } |
	grep -m1 -oE 'refcount_t: [a-z-]+[^.]*|BUG: KASAN: [a-z-]+ in [^ ]+' || true)
# The guest may die of the bug before it writes its dmesg line.
splats="none (the guest died)"
if grep -q '^# dmesg: ' "$dir/run/out/stress.result" 2>/dev/null; then
	splats=$(result "$dir/run/out/stress.result" dmesg splats)
fi
echo "$base with one put too many: guest exit $rc, splat lines in the stress's dmesg: $splats; first report: ${found:-none} (serial log: $dir/run/serial.log)"
[ "$rc" -ne 3 ] && [ -n "$found" ] && [ "$splats" != 0 ]
