#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/prove-table.sh DIR: the table and verdict of a prove.sh result
# directory.  Reads DIR/base, DIR/{unpatched,patched}/out/tcp_rst_timewait-N.{log,rc},
# DIR/patched/out/fin_ack_lat.rc and DIR/{unpatched,patched}.config.
# Prints the lost segments of each case per run, then per case the runs
# that failed.  Passes (exit 0) when the unpatched kernel fails at least
# RUNS-1 runs, and so does each test (rst, md5, ao, fin; IPv4 and IPv6),
# the patched kernel fails none and fin_ack_lat.sh passes on it.  A test
# may be skipped on both kernels only when they lack its option.  A
# missing result is an error.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

dir=${1:-}
[ -n "$dir" ] || die "usage: lab/jobs/prove-table.sh DIR"
test=tcp_rst_timewait
[ -f "$dir/base" ] || die "$dir is not a prove result directory (no $dir/base)"
base=$(cat "$dir/base")
runs=$(find "$dir/unpatched/out" -name "$test-*.log" 2>/dev/null | wc -l)
[ "$runs" -gt 0 ] || die "$dir/unpatched/out holds no $test run"

# Per case and kernel: the runs in which the case failed, and its lost
# segments over all runs ("skip" when it never ran).
declare -A failed case_fail case_lost
for variant in unpatched patched; do
	out=$dir/$variant/out n=0
	for c in "${SELFTEST_CASES[@]}"; do case_fail[$variant.$c]=0 case_lost[$variant.$c]=skip; done
	for i in $(seq "$runs"); do
		log=$out/$test-$i.log
		if [ ! -f "$log" ] || [ ! -f "$out/$test-$i.rc" ]; then die "no output of run $i in $out"; fi
		r=$(cat "$out/$test-$i.rc")
		[[ $r =~ ^[0-9]+$ ]] || die "$out/$test-$i.rc holds no exit status: '$r'"
		if [ "$r" -eq 0 ]; then v=pass; else v=FAIL n=$((n + 1)); fi
		line=
		for c in "${SELFTEST_CASES[@]}"; do
			k=$variant.$c
			vc=$(verdict "$log" "$c")
			case $vc in
			skip) line+=" $c -"; continue ;;
			fail) case_fail[$k]=$((case_fail[$k] + 1)) ;;
			esac
			l=$(result "$log" "$c" lost)
			case_lost[$k]=$((${case_lost[$k]/skip/0} + l))
			line+=" $c $l"
		done
		printf '%s %-9s run %2d: lost%s: %s\n' "$base" "$variant" "$i" "$line" "$v"
	done
	failed[$variant]=$n
done
fal=$(cat "$dir/patched/out/fin_ack_lat.rc" 2>/dev/null) || die "no fin_ack_lat.sh result in $dir/patched/out"

echo "$base: per case, runs failed unpatched / patched (lost segments unpatched / patched):"
ok=1
for c in "${SELFTEST_CASES[@]}"; do
	u=${case_fail[unpatched.$c]} p=${case_fail[patched.$c]}
	if [ "${case_lost[unpatched.$c]}" = skip ] && [ "${case_lost[patched.$c]}" = skip ]; then
		# Only where the base has no such option (TCP-AO before 6.7).
		case $c in *.md5) o=CONFIG_TCP_MD5SIG ;; *.ao) o=CONFIG_TCP_AO ;; *) o=CONFIG_INET ;; esac
		[ -f "$dir/patched.config" ] || die "no $dir/patched.config to tell why $c was skipped"
		if grep -q "^$o=y" "$dir/patched.config"; then
			printf '  %-9s skipped on both kernels, although they have %s\n' "$c" "$o"
			ok=0
		else
			printf '  %-9s skipped on both kernels (no %s in %s)\n' "$c" "$o" "$base"
		fi
		continue
	fi
	printf '  %-9s %2d/%d / %d/%d (%s / %s)\n' "$c" "$u" "$runs" "$p" "$runs" \
		"${case_lost[unpatched.$c]}" "${case_lost[patched.$c]}"
	if [ "$u" -lt $((runs - 1)) ] || [ "$p" -ne 0 ]; then ok=0; fi
done
echo "$base: $test failed ${failed[unpatched]}/$runs runs unpatched (want >= $((runs - 1))), ${failed[patched]}/$runs patched (want 0), every case failed in >= $((runs - 1)) unpatched runs and none patched: $([ $ok = 1 ] && echo yes || echo NO); fin_ack_lat.sh on patched: exit $fal"
[ "${failed[unpatched]}" -ge $((runs - 1)) ] && [ "${failed[patched]}" -eq 0 ] && [ "$fal" = 0 ] && [ $ok = 1 ]
