#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/widen.sh BASE [RUNS]: the lookup-miss window, widened.  Builds the
# unpatched base, patch 1 of the series alone, and the whole series, each
# with lab/widen.py (a lookup that meets a full socket locked by another
# CPU waits 300 us before taking its reference; a debugging aid, never in
# a series), and runs the selftest RUNS times (default 2) in each.  Passes
# when patch 1 alone loses RSTs through that window and the series none.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:?usage: lab/widen.sh BASE [RUNS]}
runs=${2:-2}
inst=$(series_selftests "$base")
# The first patch of the series: no "| head" here, as under pipefail a
# rev-list killed by SIGPIPE would end the script without a word.
mapfile -t commits < <(git -C "$(tree_dir "$base" patched)" rev-list --reverse "base-$base..patched")
[ ${#commits[@]} -gt 0 ] || die "widen: the $base series is empty"
first=${commits[0]}
dir=$LAB_BUILD/runs/widen-$base-$(date +%Y%m%d-%H%M%S)
mkdir -p "$dir"
for v in unpatched patch1 series; do
	case $v in
	unpatched) c=base-$base ;;
	patch1) c=$first ;;
	series) c=patched ;;
	esac
	"$LAB_DIR/scratch.sh" "$base" "$c" "$dir/bzImage-$v" "$LAB_DIR/widen.py" .
done
declare -A lost
for v in unpatched patch1 series; do
	"$LAB_DIR/vm.sh" --run "$dir/$v" --timeout $((runs * 60 + 60)) "$dir/bzImage-$v" -- \
		"$LAB_DIR/guest-repeat tcp_rst_timewait $runs $inst/net/tcp_rst_timewait" \
		>"$dir/$v.console" 2>&1 || true
	for i in $(seq "$runs"); do
		log=$dir/$v/out/tcp_rst_timewait-$i.log
		[ -f "$log" ] || die "widened $v: no output of run $i, see $dir/$v.console"
		printf '%s widened %-9s run %d: %s\n' "$base" "$v" "$i" \
			"$(grep -h 'lost RSTs' "$log" | sed 's/^# //' | xargs)"
	done
	lost[$v]=$(cat "$dir/$v/out/"tcp_rst_timewait-*.log |
		sed -n 's/^# ipv[46]: lost RSTs (FIN-WAIT-2 left): \([0-9]*\),.*/\1/p' |
		awk '{ n += $1 } END { print n + 0 }')
done
echo "$base widened: lost RSTs in $runs runs: unpatched ${lost[unpatched]}, patch 1 alone ${lost[patch1]} (want > 0), series ${lost[series]} (want 0)"
[ "${lost[patch1]}" -gt 0 ] && [ "${lost[series]}" -eq 0 ]
