#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/investigate/widen-window.sh BASE [RUNS] [lookup|hash|hashdance|reuse]:
# a race window widened by widen-window.py, the series with and without the
# patch that closes it.  widen-window.py is a debugging aid, never in a
# series (a wait of 300 us when another CPU holds the socket's spinlock);
# the RFC's loop (lab/workload/rfc_loop.c) runs RUNS times (default 2) in
# kernels built with it.
#
# WINDOW lookup (default): a lookup that matched a full socket and has not
#   taken its reference yet.  Builds the unpatched base, the series
#   without its lookup patch (the one that adds
#   inet_lookup_established_locked()) and the whole series, runs the rst cases; passes when the series without
#   the lookup patch loses RSTs through that window and the series none.
# WINDOW hash: a signed RST that holds the full socket and is about to
#   check its signature while another CPU moves the socket to TIME_WAIT.
#   Builds the unpatched base, the series up to its signature patch (the
#   one that looks up again a segment refused by tcp_inbound_hash()), and
#   the whole series, runs the md5 and ao cases; passes when the series
#   loses none.
# WINDOW hashdance (6.1): the timewait socket published with a zero
#   refcount; the series without its b8ec80b13021 backport, and the series.
# WINDOW reuse: a lookup reads a full socket that its move to TIME_WAIT
#   freed and a new child socket reuses (widen-window.py says how).
#   Builds the series without its patch to hlist_nulls_replace_init_rcu()
#   (include/linux/rculist_nulls.h) and the series, runs the rst cases;
#   passes when the first loses RSTs and the series none.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/investigate/widen-window.sh BASE [RUNS] [lookup|hash|hashdance|reuse]"
take_base "$base"
runs=${2:-2} window=${3:-lookup}
positive RUNS "$runs"
pt=$(tree_dir "$base" patched)
commits() { git -C "$pt" log --format=%H "base-$base..patched" "$@"; }
variants=(without series) cases=(ipv4_rst ipv6_rst) opt="-c rst -n 20000"
# fix: the patch that closes the window; the series is built without it.
case $window in
lookup) variants=(unpatched without series)
	fix=$(commits -S 'inet_lookup_established_locked(' -- net/ipv4/inet_hashtables.c) ;;
hash) variants=(unpatched without series) cases=(ipv4_md5 ipv6_md5 ipv4_ao ipv6_ao) opt="-c md5,ao -n 10000"
	fix=$(commits -S 'tcp_rcv_raced_timewait(sk, tcp_flag_byte(th))' -- net/ipv4/tcp_ipv4.c) ;;
hashdance) fix=$(commits -- net/ipv4/inet_timewait_sock.c) ;;
reuse) fix=$(commits -- include/linux/rculist_nulls.h) ;;
*) die "unknown window '$window' (lookup, hash, hashdance or reuse)" ;;
esac
[[ $fix =~ ^[0-9a-f]{40}$ ]] || die "widen: no single $window patch in the $base series (found: ${fix:-none})"
say "widen $window: the series without $(git -C "$pt" log -1 --format='%h ("%s")' "$fix")"
dir=$(run_dir "widen-$window-$base")
loop=$(rfc_loop "$base" "$dir")
for v in "${variants[@]}"; do
	cmd=("$LAB_DIR/investigate/widen-window.py" . "$window")
	case $v in
	unpatched) c=base-$base ;;
	without) c=$fix~1 ;;
	series) c=patched ;;
	esac
	if [ "$window" = hashdance ] && [ "$v" = without ]; then
		# the first patch of the series: reverted on top of the rest
		c=patched
		# shellcheck disable=SC2016 # expanded by that sh
		cmd=(sh -c 'git diff "$1~1" "$1" | git apply -R && "$0" . hashdance' "${cmd[0]}" "$fix")
	fi
	"$LAB_DIR/host/scratch-kernel.sh" "$base" "$c" "$dir/bzImage-$v" "${cmd[@]}"
done
declare -A lost
for v in "${variants[@]}"; do
	guest_run --run "$dir/$v" --timeout $((runs * 120 + 60)) "$dir/bzImage-$v" -- \
		"$LAB_DIR/guest/repeat-selftest rfc_loop $runs $loop $opt" \
		>"$dir/$v.console" 2>&1 || true
	lost[$v]=0
	for i in $(seq "$runs"); do
		log=$dir/$v/out/rfc_loop-$i.log
		[ -f "$log" ] || die "widened $v: no output of run $i, see $dir/$v.console"
		line=
		for c in "${cases[@]}"; do
			l=$(case_lost "$log" "$c")
			line+=" $c $l"
			[ "$l" = - ] || lost[$v]=$((lost[$v] + l))
		done
		printf '%s widened (%s) %-9s run %d: lost%s\n' "$base" "$window" "$v" "$i" "$line"
	done
done
case $window in
lookup) echo "$base widened ($window): lost RSTs in $runs runs: unpatched ${lost[unpatched]}, without the lookup patch ${lost[without]} (want > 0), series ${lost[series]} (want 0)" ;;
hash) echo "$base widened ($window): lost signed RSTs in $runs runs: unpatched ${lost[unpatched]}, without the signature patch ${lost[without]}, series ${lost[series]} (want 0)" ;;
*) echo "$base widened ($window): lost RSTs in $runs runs: the series without $(git -C "$pt" log -1 --format=%h "$fix") ${lost[without]} (want > 0), series ${lost[series]} (want 0)" ;;
esac
# Passes when the series loses none and (but for hash) the series without the fix some.
[ "${lost[series]}" -eq 0 ] && { [ "$window" = hash ] || [ "${lost[without]}" -gt 0 ]; }
