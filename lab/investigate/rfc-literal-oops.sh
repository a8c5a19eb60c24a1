#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/rfc-literal-oops.sh BASE: the RFC's re-dispatch, skb->dev
# cleared before the lock, oopses: why patch 1 clears it only after its test.
# Builds the series with skb->dev cleared before the lock again, as
# tcp_v{4,6}_rcv() do without it (the 2020 RFC's re-dispatch, ported literally),
# and runs the RFC's loop: with CONFIG_XFRM=y the first segment that is
# re-dispatched must oops in xfrm4_policy_check() (or xfrm6).  Passes when it
# does.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/investigate/rfc-literal-oops.sh BASE"
take_base "$base"
dir=$(run_dir "rfc-literal-$base")
loop=$(rfc_loop "$base" "$dir")
# shellcheck disable=SC2016 # a perl expression
"$LAB_DIR/host/scratch-kernel.sh" "$base" patched "$dir/bzImage" \
	perl -0pi -e 's/^(\tbh_lock_sock_nested\(sk\);\n)/\tskb->dev = NULL;\n$1/m or die "no socket lock found\n"' \
	net/ipv4/tcp_ipv4.c net/ipv6/tcp_ipv6.c
rc=0
guest_run --run "$dir/run" --timeout 180 "$dir/bzImage" -- \
	"$loop -c rst -n 20000" >"$dir/console" 2>&1 || rc=$?
oops=$(grep -m1 -o 'RIP: [^ ]*xfrm[46]_policy_check[^ ]*' "$dir/run/serial.log" || true)
echo "$base with skb->dev cleared before the lock: guest exit $rc; ${oops:-no xfrm oops} (serial log: $dir/run/serial.log)"
[ "$rc" -eq 1 ] && [ -n "$oops" ]
