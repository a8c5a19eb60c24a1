#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/stress.sh BASE [VARIANT...]: debug kernels (KASAN, lockdep, kmemleak,
# ...) under load.  The debug flavour: lab/config/debug.config (KASAN, lockdep,
# debugobjects, kmemleak, ref_tracker).  Boots the patched kernel and, as the
# control, the unpatched one (VARIANTs: patched unpatched by default) and runs
# lab/guest/stress in each: the selftest LAB_STRESS_RUNS times (default 20),
# then LAB_STRESS_SECONDS (default 600) of race loops with xfrm policies while
# namespaces holding TIME-WAIT and FIN-WAIT-2 sockets are created and destroyed,
# then the checks (timewait slabs back to their boot count, kmemleak, dmesg).
# Results in build/runs/stress-BASE-<time>/; lab/jobs/stress-table.sh reads
# them, prints the table and judges: it passes when the patched kernel is clean,
# passes every selftest run and loses no RST in the mixed load; the control is
# reported, not judged.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/jobs/stress.sh BASE [patched|unpatched...]"
shift
if [ $# -gt 0 ]; then variants=("$@"); else variants=(patched unpatched); fi
runs=${LAB_STRESS_RUNS:-20}
secs=${LAB_STRESS_SECONDS:-600}
flavour=${LAB_STRESS_FLAVOUR:-debug}
positive LAB_STRESS_RUNS "$runs" LAB_STRESS_SECONDS "$secs"
for v in "${variants[@]}"; do
	case $v in patched|unpatched) ;; *) die "stress: unknown variant '$v' (patched or unpatched)" ;; esac
done
take_base "$base"
[ -n "$(series_files "$base")" ] || die "there is no $base series (patches/$base/ holds no patches)"
t0=$SECONDS
dir=$(run_dir "stress-$base")
echo "$base" >"$dir/base"
echo "$flavour" >"$dir/flavour"
inst=$(series_selftests "$base" 2>>"$dir/setup.log") ||
	exit_as $? "building the selftest failed, see $dir/setup.log"
loop=$(rfc_loop "$base" "$dir" 2>>"$dir/setup.log")
gcc -O2 -Wall -o "$dir/tw_hold" "$LAB_DIR/workload/tw_hold.c" || die "building lab/workload/tw_hold.c failed"
export LAB_NEED_GB=${LAB_NEED_GB:-6}
for v in "${variants[@]}"; do
	say "building the $v $flavour kernel ($(elapsed $t0) so far; compiler output: $(obj_dir "$base" "$v" "$flavour")/build.log)"
	kernel_of "$base" "$v" "$flavour" >"$dir/kernel-$v" 2>>"$dir/setup.log" ||
		exit_as $? "building the $v $flavour kernel failed, see $dir/setup.log"
	# What the kernel was built with: whether kmemleak should have run.
	cp "$(obj_dir "$base" "$v" "$flavour")/.config" "$dir/$v.config"
done

# slub_debug: exact timewait slab counts (no per-CPU slabs on debug
# caches), and SLUB's own poisoning and red zones on top of KASAN.
# pci=noacpi: under TCG this kernel takes over 30 s per evaluation of
# ACPI's PCI interrupt routing (_PRT, AE_AML_LOOP_TIMEOUT) and starves the
# RCU kthread into a stall warning at boot; the BIOS's PIRQ table routes
# the virtio interrupts just as well, and boot takes 77 s instead of 140.
export LAB_APPEND="pci=noacpi slub_debug=FZPU,tw_sock_TCP,tw_sock_TCPv6${LAB_APPEND:+ $LAB_APPEND}"
echo "Base $base, $flavour flavour, $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores; guests: TCG, ${LAB_SMP:-2} vCPUs, 2 GiB" >"$dir/about"
for v in "${variants[@]}"; do
	s=$SECONDS
	say "$v $flavour guest: $runs selftest runs, then $secs s of mixed load (serial log: $dir/$v/serial.log; $(elapsed $t0) so far)"
	# Exit 3: a splat during the boot, before any test, which turned lock
	# debugging off; such a boot is kept aside and the guest booted again.
	for attempt in 1 2 3; do
		rc=0
		guest_run --run "$dir/$v" --mem 2048 --timeout $((runs * 60 + secs + 900)) \
			"$(cat "$dir/kernel-$v")" -- \
			"$LAB_DIR/guest/stress $inst/net/tcp_rst_timewait $loop $dir/tw_hold $runs $secs" \
			>"$dir/$v.console" 2>&1 || rc=$?
		if [ "$rc" -ne 3 ] || [ "$attempt" -ge 3 ]; then break; fi
		say "$v: boot splat, $(cat "$dir/$v/out/boot-splat.log"); booting again (kept in $dir/$v-boot$attempt)"
		mv "$dir/$v" "$dir/$v-boot$attempt"
		mv "$dir/$v.console" "$dir/$v-boot$attempt.console"
	done
	echo "# guest: exit=$rc seconds=$((SECONDS - s))" >"$dir/$v.result"
	[ "$rc" -ne 3 ] || check_failed "the $v guest splatted during the boot three times ($(cat "$dir/$v/out/boot-splat.log")), see $dir/$v.console"
	[ -s "$dir/$v/out/stress.result" ] || {
		tail -n 20 "$dir/$v.console" >&2
		exit_as "$rc" "the $v guest gave no result (exit $rc), see $dir/$v.console"
	}
done
say "the guests ran in $(elapsed $t0); results in $dir"
exec "$LAB_DIR/jobs/stress-table.sh" "$dir"
