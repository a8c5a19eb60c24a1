#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/stress-table.sh DIR: the table and verdict of a lab/jobs/stress.sh
# result directory (DIR/base, DIR/flavour, DIR/about; per kernel that ran,
# DIR/VARIANT.result with the guest's exit and time, DIR/VARIANT.config,
# and in DIR/VARIANT/out the figures of lab/guest/stress, stress.result,
# with splats.log and, KCSAN flavour, kcsan.log).
# A guest that did not run to the end is an error.  A kernel is clean when
# every run and namespace gave its result, every race run got its xfrm
# policies, the timewait slabs came back to their boot count, kmemleak
# (which must have run where the kernel has it) found nothing and dmesg
# holds no splat.  Race runs that failed for another reason than a lost
# RST (a connection over 1 s) are shown, not judged.  Passes (exit 0)
# when the patched kernel is clean, passes every selftest run and loses
# no RST in the mixed load; the control (unpatched) is reported, not
# judged.  A missing result is an error.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

dir=${1:-}
[ -n "$dir" ] || die "usage: lab/jobs/stress-table.sh DIR"
[ -f "$dir/base" ] || die "$dir is not a stress result directory (no $dir/base)"
[ -f "$dir/flavour" ] || die "no $dir/flavour"
[ -f "$dir/about" ] || die "no $dir/about"
flavour=$(cat "$dir/flavour")
variants=()
for v in patched unpatched; do
	[ ! -f "$dir/$v.result" ] || variants+=("$v")
done
[ ${#variants[@]} -gt 0 ] || die "$dir holds no guest result (patched.result, unpatched.result)"

# Data races (KCSAN flavour) in the functions the series changes (and the
# helper it adds, inlined into tcp_v{4,6}_rcv), and in the timewait code
# it hands segments to.
touched='tcp_v[46]_(rcv|fill_cb)|__inet6?_lookup_established|inet_twsk_(hashdance|put)|tcp_rcv_raced_timewait|tcp_timewait_state_process'

cat "$dir/about"
echo
kcsan_head='' kcsan_rule=''
if [ "$flavour" = kcsan ]; then
	kcsan_head=' KCSAN reports | distinct, in the touched functions |' kcsan_rule='---:|---:|'
fi
echo "| kernel | selftest runs passed (XFAIL tests) | lost RSTs (selftest) | mixed load | race runs (failed) | connections | lost RSTs (load) | namespaces (timewait sockets) | timewait objects boot/peak/end | kmemleak | dmesg splats |$kcsan_head guest time |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|$kcsan_rule---:|"
declare -A why passes
for v in "${variants[@]}"; do
	r=$dir/$v/out/stress.result
	gexit=$(result "$dir/$v.result" guest exit)
	gsecs=$(result "$dir/$v.result" guest seconds)
	[ "$gexit" -eq 0 ] || exit_as "$gexit" "the $v guest did not run to the end (exit $gexit), see $dir/$v.console"
	for f in "$dir/$v.config" "$dir/$v/out/splats.log"; do
		[ -f "$f" ] || die "no $f"
	done
	runs=$(result "$r" stress runs)
	passed=$(result "$r" selftest passed)
	lost1=$(result "$r" selftest lost)
	noresult1=$(result "$r" selftest noresult)
	xfail=$(result "$r" selftest xfail)
	load=$(result "$r" load seconds)
	r4=$(result "$r" load runs_ipv4)
	r6=$(result "$r" load runs_ipv6)
	rfail=$(result "$r" load failed_runs)
	conns=$(result "$r" load connections)
	lost2=$(result "$r" load lost)
	noresult2=$(result "$r" load noresult)
	noxfrm=$(result "$r" load no_xfrm)
	made=$(result "$r" namespaces made)
	nfail=$(result "$r" namespaces failed)
	tws=$(result "$r" namespaces timewait_sockets)
	twb=$(result "$r" tw_objects boot)
	twp=$(result "$r" tw_objects peak)
	twe=$(result "$r" tw_objects end)
	kml=n/a
	kml_on=$(result "$r" kmemleak available)
	[ "$kml_on" = 0 ] || kml=$(result "$r" kmemleak unreferenced)
	splats=$(result "$r" dmesg splats)
	kcsan=$(result "$r" dmesg kcsan_reports)
	kcsan_cols=
	if [ "$flavour" = kcsan ]; then
		[ -f "$dir/$v/out/kcsan.log" ] || die "no $dir/$v/out/kcsan.log"
		in_touched=$(grep -Ec "data-race in .*($touched)" "$dir/$v/out/kcsan.log" || true)
		kcsan_cols=" $kcsan | $in_touched |"
	fi
	printf '| %s | %s of %s (%s) | %s | %s s | %s | %s | %s | %s (%s) | %s / %s / %s | %s | %s |%s %s s |\n' \
		"$v" "$passed" "$runs" "$xfail" "$lost1" "$load" "$((r4 + r6)) ($rfail)" "$conns" "$lost2" \
		"$made" "$tws" "$twb" "$twp" "$twe" "$kml" "$splats" "$kcsan_cols" "$gsecs"

	# What keeps the kernel from being clean, if anything.
	w=()
	[ "$noresult1" -eq 0 ] || w+=("$noresult1 selftest runs without a result")
	[ "$noresult2" -eq 0 ] || w+=("$noresult2 race runs without a result")
	[ "$noxfrm" -eq 0 ] || w+=("$noxfrm race runs without xfrm policies")
	[ "$made" -gt 0 ] || w+=("no namespace made")
	[ "$nfail" -eq 0 ] || w+=("$nfail namespaces failed")
	[ "$twe" -eq "$twb" ] || w+=("timewait objects $twe at the end, $twb at boot")
	if [ "$kml" != n/a ]; then
		[ "$kml" -eq 0 ] || w+=("kmemleak: $kml unreferenced objects")
	elif grep -q '^CONFIG_DEBUG_KMEMLEAK=y' "$dir/$v.config"; then
		w+=("kmemleak did not run, although the kernel has it")
	fi
	[ "$splats" -eq 0 ] || w+=("$splats splat lines, first: $(head -n 1 "$dir/$v/out/splats.log")")
	why[$v]=
	for x in "${w[@]}"; do why[$v]+="${why[$v]:+; }$x"; done
	passes[$v]=$([ "$passed" -eq "$runs" ] && [ "$lost1" -eq 0 ] && [ "$lost2" -eq 0 ] && echo 1 || echo 0)
done
if [ "$flavour" = kcsan ]; then
	for v in "${variants[@]}"; do
		echo
		echo "$v, KCSAN data races in the functions the series changes or hands segments to:"
		grep -E "data-race in .*($touched)" "$dir/$v/out/kcsan.log" | sed 's/^/    /' || echo "    none"
	done
fi
echo
ok=1
for v in "${variants[@]}"; do
	echo "$v: $([ -z "${why[$v]}" ] && echo clean || echo "NOT clean (${why[$v]})"); splats: $dir/$v/out/splats.log; dmesg: $dir/$v/out/dmesg-stress.log"
	[ "$v" = patched ] || continue
	[ -z "${why[$v]}" ] && [ "${passes[$v]}" = 1 ] || ok=0
done
if [ -n "${passes[patched]:-}" ]; then
	echo "the patched $flavour kernel: $([ $ok = 1 ] && echo "passes (clean, every selftest run passed, no RST lost)" || echo "FAILS")"
fi
[ $ok = 1 ]
