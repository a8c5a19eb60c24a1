#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/stress-table.sh DIR: the table and verdict of a stress.sh result
# directory.  Reads DIR/base, DIR/flavour, DIR/about; per kernel that ran,
# DIR/VARIANT.result with the guest's exit and time, DIR/VARIANT.config,
# and in DIR/VARIANT/out the figures of lab/guest/stress, stress.result,
# with splats.log and, KCSAN flavour, kcsan.log.
# A kernel is clean when every run and namespace gave its result, every race
# run got its xfrm policies, the timewait slabs came back to their boot count,
# kmemleak (which must have run where the kernel has it) found nothing and
# dmesg holds no splat.  Race runs that failed for another reason than a lost
# RST (a connection over 1 s) are shown, not judged.  Passes (exit 0) when the
# patched kernel is clean, passes every selftest run and loses no RST in the
# mixed load; the control (unpatched) is reported, not judged.  A missing
# result, or a guest that did not run to the end, is an error.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

dir=${1:-}
[ -n "$dir" ] || die "usage: lab/jobs/stress-table.sh DIR"
[ -f "$dir/base" ] || die "$dir is not a stress result directory (no $dir/base)"
for f in flavour about; do [ -f "$dir/$f" ] || die "no $dir/$f"; done
flavour=$(cat "$dir/flavour")
variants=()
for v in patched unpatched; do [ ! -f "$dir/$v.result" ] || variants+=("$v"); done
[ ${#variants[@]} -gt 0 ] || die "$dir holds no guest result (patched.result, unpatched.result)"

# Data races (KCSAN flavour) in the functions the series changes (and the
# helper it adds, inlined into tcp_v{4,6}_rcv), and in the timewait code
# it hands segments to.
touched='tcp_v[46]_(rcv|fill_cb)|__inet6?_lookup_established|inet_twsk_(hashdance|put)|tcp_rcv_raced_timewait|tcp_timewait_state_process'

cat "$dir/about"
echo
kcsan_head='' kcsan_rule=''
[ "$flavour" != kcsan ] || kcsan_head=' KCSAN reports | distinct, in the touched functions |' kcsan_rule='---:|---:|'
echo "| kernel | selftest runs passed (XFAIL tests) | lost RSTs (selftest) | mixed load | race runs (failed) | connections | lost RSTs (load) | namespaces (timewait sockets) | timewait objects boot/peak/end | kmemleak | dmesg splats |$kcsan_head guest time |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|$kcsan_rule---:|"
# n[PART:KEY]: the figures of lab/guest/stress, one line per PART
declare -A why passes n
for v in "${variants[@]}"; do
	r=$dir/$v/out/stress.result
	gexit=$(result "$dir/$v.result" guest exit)
	gsecs=$(result "$dir/$v.result" guest seconds)
	[ "$gexit" -eq 0 ] || exit_as "$gexit" "the $v guest did not run to the end (exit $gexit), see $dir/$v.console"
	for f in "$dir/$v.config" "$dir/$v/out/splats.log"; do [ -f "$f" ] || die "no $f"; done
	for pk in stress:runs selftest:{passed,lost,noresult,xfail} \
		load:{seconds,runs_ipv4,runs_ipv6,failed_runs,connections,lost,noresult,no_xfrm} \
		namespaces:{made,failed,timewait_sockets} tw_objects:{boot,peak,end} \
		kmemleak:available dmesg:{splats,kcsan_reports}; do
		n[$pk]=$(result "$r" "${pk%:*}" "${pk#*:}")
	done
	kml=n/a
	[ "${n[kmemleak:available]}" = 0 ] || kml=$(result "$r" kmemleak unreferenced)
	kcsan_cols=
	if [ "$flavour" = kcsan ]; then
		[ -f "$dir/$v/out/kcsan.log" ] || die "no $dir/$v/out/kcsan.log"
		in_touched=$(grep -Ec "data-race in .*($touched)" "$dir/$v/out/kcsan.log" || true)
		kcsan_cols=" ${n[dmesg:kcsan_reports]} | $in_touched |"
	fi
	printf '| %s | %s of %s (%s) | %s | %s s | %s (%s) | %s | %s | %s (%s) | %s / %s / %s | %s | %s |%s %s s |\n' \
		"$v" "${n[selftest:passed]}" "${n[stress:runs]}" "${n[selftest:xfail]}" "${n[selftest:lost]}" \
		"${n[load:seconds]}" "$((${n[load:runs_ipv4]} + ${n[load:runs_ipv6]}))" "${n[load:failed_runs]}" \
		"${n[load:connections]}" "${n[load:lost]}" "${n[namespaces:made]}" \
		"${n[namespaces:timewait_sockets]}" "${n[tw_objects:boot]}" "${n[tw_objects:peak]}" \
		"${n[tw_objects:end]}" "$kml" "${n[dmesg:splats]}" "$kcsan_cols" "$gsecs"

	# What keeps the kernel from being clean, if anything.
	w=()
	[ "${n[selftest:noresult]}" -eq 0 ] || w+=("${n[selftest:noresult]} selftest runs without a result")
	[ "${n[load:noresult]}" -eq 0 ] || w+=("${n[load:noresult]} race runs without a result")
	[ "${n[load:no_xfrm]}" -eq 0 ] || w+=("${n[load:no_xfrm]} race runs without xfrm policies")
	[ "${n[namespaces:made]}" -gt 0 ] || w+=("no namespace made")
	[ "${n[namespaces:failed]}" -eq 0 ] || w+=("${n[namespaces:failed]} namespaces failed")
	[ "${n[tw_objects:end]}" -eq "${n[tw_objects:boot]}" ] ||
		w+=("timewait objects ${n[tw_objects:end]} at the end, ${n[tw_objects:boot]} at boot")
	if [ "$kml" != n/a ]; then
		[ "$kml" -eq 0 ] || w+=("kmemleak: $kml unreferenced objects")
	elif grep -q '^CONFIG_DEBUG_KMEMLEAK=y' "$dir/$v.config"; then
		w+=("kmemleak did not run, although the kernel has it")
	fi
	[ "${n[dmesg:splats]}" -eq 0 ] ||
		w+=("${n[dmesg:splats]} splat lines, first: $(head -n 1 "$dir/$v/out/splats.log")")
	why[$v]=
	for x in "${w[@]}"; do why[$v]+="${why[$v]:+; }$x"; done
	passes[$v]=$([ "${n[selftest:passed]}" -eq "${n[stress:runs]}" ] && [ "${n[selftest:lost]}" -eq 0 ] &&
		[ "${n[load:lost]}" -eq 0 ] && echo 1 || echo 0)
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
[ -z "${passes[patched]:-}" ] ||
	echo "the patched $flavour kernel: $([ $ok = 1 ] && echo "passes (clean, every selftest run passed, no RST lost)" || echo "FAILS")"
[ $ok = 1 ]
