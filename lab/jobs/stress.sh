#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/stress.sh BASE [VARIANT...]: the series under the debug flavour
# (KASAN, lockdep, debugobjects, kmemleak, ref_tracker; lab/config/
# debug.config).  Boots the patched kernel and, as the control, the
# unpatched one (VARIANTs: patched unpatched by default) and runs
# lab/guest/stress in each: the selftest STRESS_RUNS times (default 20),
# then STRESS_SECONDS (default 600) of race loops with xfrm policies while
# namespaces holding TIME-WAIT and FIN-WAIT-2 sockets are created and
# destroyed, then the checks (timewait slabs back to their boot count,
# kmemleak, dmesg).  Prints one table.  Passes when the patched kernel is
# clean, passes every selftest run and loses no RST in the mixed load; the
# control is reported, not judged.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:?usage: lab/jobs/stress.sh BASE [patched|unpatched...]}
shift
if [ $# -gt 0 ]; then variants=("$@"); else variants=(patched unpatched); fi
runs=${STRESS_RUNS:-20}
secs=${STRESS_SECONDS:-600}
flavour=${STRESS_FLAVOUR:-debug}
[[ $runs =~ ^[0-9]+$ && $secs =~ ^[1-9][0-9]*$ ]] ||
	die "STRESS_RUNS takes a count, STRESS_SECONDS a positive number of seconds"
for v in "${variants[@]}"; do
	case $v in patched|unpatched) ;; *) die "stress: unknown variant '$v' (patched or unpatched)" ;; esac
done
check_base "$base"
lock_base "$base"
[ -n "$(series_files "$base")" ] || die "there is no $base series (patches/$base/ holds no patches)"
t0=$SECONDS
dir=$(run_dir "stress-$base")
inst=$(series_selftests "$base" 2>>"$dir/setup.log") ||
	die "building the selftest failed, see $dir/setup.log"
gcc -O2 -Wall -o "$dir/tw_hold" "$LAB_DIR/workload/tw_hold.c"
export LAB_NEED_GB=${LAB_NEED_GB:-6}
for v in "${variants[@]}"; do
	say "building the $v $flavour kernel ($(elapsed $t0) so far; compiler output: $(obj_dir "$base" "$v" "$flavour")/build.log)"
	kernel_of "$base" "$v" "$flavour" >"$dir/kernel-$v" 2>>"$dir/setup.log" ||
		die "building the $v $flavour kernel failed, see $dir/setup.log"
done

# slub_debug: exact timewait slab counts (no per-CPU slabs on debug
# caches), and SLUB's own poisoning and red zones on top of KASAN.
# pci=noacpi: under TCG this kernel takes over 30 s per evaluation of
# ACPI's PCI interrupt routing (_PRT, AE_AML_LOOP_TIMEOUT) and starves the
# RCU kthread into a stall warning at boot; the BIOS's PIRQ table routes
# the virtio interrupts just as well, and boot takes 77 s instead of 140.
export LAB_APPEND="pci=noacpi slub_debug=FZPU,tw_sock_TCP,tw_sock_TCPv6${LAB_APPEND:+ $LAB_APPEND}"
declare -A rc secs_taken
for v in "${variants[@]}"; do
	s=$SECONDS
	say "$v $flavour guest: $runs selftest runs, then $secs s of mixed load (serial log: $dir/$v/serial.log; $(elapsed $t0) so far)"
	# Exit 3: a splat during the boot, before any test, which turned lock
	# debugging off; such a boot is kept aside and the guest booted again.
	for attempt in 1 2 3; do
		rc[$v]=0
		"$LAB_DIR/host/boot-guest.sh" --run "$dir/$v" --mem 2048 --timeout $((runs * 60 + secs + 900)) \
			"$(cat "$dir/kernel-$v")" -- \
			"$LAB_DIR/guest/stress $inst/net/tcp_rst_timewait $dir/tw_hold $runs $secs" \
			>"$dir/$v.console" 2>&1 || rc[$v]=$?
		if [ "${rc[$v]}" -ne 3 ] || [ "$attempt" -ge 3 ]; then break; fi
		say "$v: $(sed -n 's/^stress: boot splat/boot splat/p' "$dir/$v/out/stress.log"); booting again (kept in $dir/$v-boot$attempt)"
		mv "$dir/$v" "$dir/$v-boot$attempt"
		mv "$dir/$v.console" "$dir/$v-boot$attempt.console"
	done
	secs_taken[$v]=$((SECONDS - s))
	[ -s "$dir/$v/out/stress.log" ] || {
		tail -n 20 "$dir/$v.console" >&2
		die "the $v guest gave no result (exit ${rc[$v]}), see $dir/$v.console"
	}
	sed 's/^/  /' "$dir/$v/out/stress.log" >&2
done

# field VARIANT SED-EXPR: one figure out of a guest's stress.log
field() { sed -n "$2" "$dir/$1/out/stress.log"; }
echo
echo "Base $base, $flavour flavour, $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores; guests: TCG, ${LAB_SMP:-2} vCPUs, 2 GiB"
echo
echo "| kernel | selftest runs passed | lost RSTs (selftest) | mixed load | race runs | connections | lost RSTs (load) | namespaces (timewait sockets) | timewait objects boot/peak/end | kmemleak | dmesg splats | guest time |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"
ok=1
for v in "${variants[@]}"; do
	passed=$(field "$v" 's/^stress: selftest: \([0-9]* of [0-9]*\) runs passed.*/\1/p')
	lost1=$(field "$v" 's/^stress: selftest: .*lost RSTs \([0-9]*\)/\1/p')
	load=$(field "$v" 's/^stress: mixed load ended after \([0-9]*\) s/\1 s/p')
	rruns=$(field "$v" 's/^stress: race loops: \([0-9]*\) runs.*/\1/p')
	conns=$(field "$v" 's/^stress: race loops: .* runs ([^)]*), \([0-9]*\) connections.*/\1/p')
	lost2=$(field "$v" 's/^stress: race loops: .*lost RSTs \([0-9]*\),.*/\1/p')
	nets=$(field "$v" 's/^stress: namespaces: \([0-9]*\) created .* holding \([0-9]*\) timewait.*/\1 (\2)/p')
	slab=$(field "$v" 's/^stress: timewait objects: boot \([0-9]*\), peak \([0-9]*\), end \([0-9]*\).*/\1 \/ \2 \/ \3/p')
	leaks=$(field "$v" 's/^stress: kmemleak: \([0-9]*\).*/\1/p')
	splats=$(field "$v" 's/^stress: dmesg: \([0-9]*\) splat.*/\1/p')
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s s |\n' "$v" \
		"${passed:-?}" "${lost1:-?}" "${load:-?}" "${rruns:-?}" "${conns:-?}" "${lost2:-?}" \
		"${nets:-?}" "${slab:-?}" "${leaks:-n/a}" "${splats:-?}" "${secs_taken[$v]}"
	[ "$v" = patched ] || continue
	# The patched kernel: a clean guest (slabs, kmemleak, dmesg, every
	# namespace made), every selftest run passed, no RST lost anywhere.
	[ "${rc[$v]}" -eq 0 ] && [ "$passed" = "$runs of $runs" ] &&
		[ "${lost1:-1}" -eq 0 ] && [ "${lost2:-1}" -eq 0 ] || ok=0
done
# Data races (KCSAN flavour) in the functions the series changes (and the
# helper it adds, inlined into tcp_v{4,6}_rcv), and in the timewait code
# it hands segments to.
touched='tcp_v[46]_(rcv|fill_cb)|__inet6?_lookup_established|inet_twsk_(hashdance|put)|tcp_rcv_raced_timewait|tcp_timewait_state_process'
for v in "${variants[@]}"; do
	[ "$flavour" = kcsan ] || [ -f "$dir/$v/out/kcsan.log" ] || continue
	touch "$dir/$v/out/kcsan.log"
	echo
	echo "$v, KCSAN: $(field "$v" 's/^stress: kcsan: //p' | grep . || echo "no data-race reports"); in the functions the series changes or hands segments to:"
	grep -E "data-race in .*($touched)" "$dir/$v/out/kcsan.log" | sed 's/^/    /' || echo "    none"
done
echo
for v in "${variants[@]}"; do
	echo "$v: $(field "$v" 's/^stress: verdict: //p'), guest exit ${rc[$v]}; splats: $dir/$v/out/splats.log; dmesg: $dir/$v/out/dmesg-stress.log"
done
echo "Logs: $dir ($(elapsed $t0))"
[[ " ${variants[*]} " != *" patched "* ]] || [ $ok = 1 ] || die "the patched $flavour kernel did not pass the stress"
