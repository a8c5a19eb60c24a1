#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/prove.sh BASE [RUNS]: the selftest of the series must fail on the
# unpatched kernel and pass on the patched one.  Boots each kernel once,
# runs tcp_rst_timewait RUNS times (default 20), prints the lost segments
# of each case per run, and on the patched kernel runs fin_ack_lat.sh too.
# Passes when the unpatched kernel fails at least RUNS-1 runs, each case
# (rst, md5, ao, fin; IPv4 and IPv6) fails in at least half of them, and
# the patched kernel fails none.
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

# Per case and kernel: the runs in which the case failed, and its lost
# segments over all runs ("skip" when it never ran).
declare -A failed case_fail case_lost
for variant in unpatched patched; do
	opt=()
	[ $variant = unpatched ] || opt=(--patched)
	run=$LAB_BUILD/runs/prove-$base-$variant-$stamp
	cmd="$LAB_DIR/guest-repeat $test $runs $inst/net/$test"
	[ $variant = unpatched ] || cmd+="; cd $inst/net && ./fin_ack_lat.sh >\$LAB_OUT/fin_ack_lat.log 2>&1; echo \$? >\$LAB_OUT/fin_ack_lat.rc"
	say "$base $variant: $runs runs of $test ($(elapsed $t0) so far)"
	rc=0
	"$LAB_DIR/lab" run "$base" "${opt[@]}" --run "$run" \
		--timeout $((runs * 60 + 120)) -- "$cmd" >"$run.console" 2>&1 || rc=$?
	[ "$rc" -eq 0 ] || { tail -n 20 "$run.console" >&2; die "$base $variant guest failed (exit $rc), see $run.console"; }
	n=0
	for c in "${SELFTEST_CASES[@]}"; do case_fail[$variant.$c]=0 case_lost[$variant.$c]=skip; done
	for i in $(seq "$runs"); do
		log=$run/out/$test-$i.log
		[ -f "$log" ] || die "no output of run $i in $run/out"
		r=$(cat "$run/out/$test-$i.rc")
		if [ "$r" -eq 0 ]; then v=pass; else v=FAIL n=$((n + 1)); fi
		line=
		for c in "${SELFTEST_CASES[@]}"; do
			k=$variant.$c
			case $(verdict "$log" "$c") in
			skip) line+=" $c -"; continue ;;
			fail) case_fail[$k]=$((case_fail[$k] + 1)) ;;
			esac
			l=$(result "$log" "$c" lost)
			[ "${case_lost[$k]}" = skip ] && case_lost[$k]=0
			case_lost[$k]=$((case_lost[$k] + l))
			line+=" $c $l"
		done
		printf '%s %-9s run %2d: lost%s: %s\n' "$base" "$variant" "$i" "$line" "$v"
	done
	failed[$variant]=$n
done
fal=$(cat "$run/out/fin_ack_lat.rc" 2>/dev/null || echo missing)

echo "$base: per case, runs failed unpatched / patched (lost segments unpatched / patched):"
ok=1
for c in "${SELFTEST_CASES[@]}"; do
	u=${case_fail[unpatched.$c]} p=${case_fail[patched.$c]}
	if [ "${case_lost[unpatched.$c]}" = skip ] && [ "${case_lost[patched.$c]}" = skip ]; then
		# Only where the base has no such option (TCP-AO before 6.7).
		case $c in *_md5) o=CONFIG_TCP_MD5SIG ;; *_ao) o=CONFIG_TCP_AO ;; *) o=CONFIG_INET ;; esac
		if grep -q "^$o=y" "$(obj_dir "$base" patched "$LAB_FLAVOUR")/.config"; then
			printf '  %-9s skipped on both kernels, although they have %s\n' "$c" "$o"
			ok=0
		else
			printf '  %-9s skipped on both kernels (no %s in %s)\n' "$c" "$o" "$base"
		fi
		continue
	fi
	printf '  %-9s %2d/%d / %d/%d (%s / %s)\n' "$c" "$u" "$runs" "$p" "$runs" \
		"${case_lost[unpatched.$c]}" "${case_lost[patched.$c]}"
	# Each case must show the race unpatched and pass every patched run.
	[ "$u" -ge $(((runs + 1) / 2)) ] && [ "$p" -eq 0 ] || ok=0
done
echo "$base: $test failed ${failed[unpatched]}/$runs runs unpatched (want >= $((runs - 1))), ${failed[patched]}/$runs patched (want 0), every case failed in at least half the unpatched runs: $([ $ok = 1 ] && echo yes || echo NO); fin_ack_lat.sh on patched: exit $fal; $(elapsed $t0)"
[ "${failed[unpatched]}" -ge $((runs - 1)) ] && [ "${failed[patched]}" -eq 0 ] && [ "$fal" = 0 ] && [ $ok = 1 ]
