#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/prove.sh BASE [RUNS]: the selftest of the series must fail on the
# unpatched kernel and pass on the patched one.  Boots each kernel once,
# runs tcp_rst_timewait RUNS times (default 20), prints lost RSTs per run,
# and on the patched kernel runs fin_ack_lat.sh too.  Passes when the
# unpatched kernel fails at least RUNS-1 runs and the patched one none.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:?usage: lab/prove.sh BASE [RUNS]}
runs=${2:-20}
test=tcp_rst_timewait
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
check_base "$base"
series_files "$base" | xargs -r grep -lq "selftests/net/$test.c" ||
	die "the $base series has no $test selftest yet (patches/$base/)"
inst=$(series_selftests "$base" "$test" fin_ack_lat.sh)
stamp=$(date +%Y%m%d-%H%M%S)
t0=$SECONDS
mkdir -p "$LAB_BUILD/runs"

# lost FAMILY LOG: the lost-RST count the test printed for FAMILY
lost() { sed -n "s/^# $1: lost RSTs (FIN-WAIT-2 left): \([0-9]*\),.*/\1/p" "$2"; }
slow() { sed -n "s/^# $1: lost RSTs (FIN-WAIT-2 left): [0-9]*, over 1 s: \([0-9]*\)/\1/p" "$2"; }

declare -A failed
for variant in unpatched patched; do
	opt=()
	[ $variant = unpatched ] || opt=(--patched)
	run=$LAB_BUILD/runs/prove-$base-$variant-$stamp
	cmd="$LAB_DIR/guest-repeat $test $runs $inst/net/$test"
	[ $variant = unpatched ] || cmd+="; cd $inst/net && ./fin_ack_lat.sh >\$LAB_OUT/fin_ack_lat.log 2>&1; echo \$? >\$LAB_OUT/fin_ack_lat.rc"
	say "$base $variant: $runs runs of $test ($(elapsed $t0) so far)"
	rc=0
	"$LAB_DIR/lab" run "$base" "${opt[@]}" --run "$run" \
		--timeout $((runs * 40 + 120)) -- "$cmd" >"$run.console" 2>&1 || rc=$?
	[ "$rc" -eq 0 ] || { tail -n 20 "$run.console" >&2; die "$base $variant guest failed (exit $rc), see $run.console"; }
	n=0
	for i in $(seq "$runs"); do
		log=$run/out/$test-$i.log
		[ -f "$log" ] || die "no output of run $i in $run/out"
		r=$(cat "$run/out/$test-$i.rc")
		[ "$r" -eq 0 ] && verdict=pass || { verdict=FAIL; n=$((n + 1)); }
		printf '%s %-9s run %2d: ipv4 lost %3s, ipv6 lost %3s, over 1 s %s/%s: %s\n' \
			"$base" "$variant" "$i" "$(lost ipv4 "$log")" "$(lost ipv6 "$log")" \
			"$(slow ipv4 "$log")" "$(slow ipv6 "$log")" "$verdict"
	done
	failed[$variant]=$n
done
fal=$(cat "$run/out/fin_ack_lat.rc" 2>/dev/null || echo missing)

echo "$base: $test failed ${failed[unpatched]}/$runs runs unpatched (want >= $((runs - 1))), ${failed[patched]}/$runs patched (want 0); fin_ack_lat.sh on patched: exit $fal; $(elapsed $t0)"
[ "${failed[unpatched]}" -ge $((runs - 1)) ] && [ "${failed[patched]}" -eq 0 ] && [ "$fal" = 0 ]
