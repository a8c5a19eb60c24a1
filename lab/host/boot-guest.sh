#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/boot-guest.sh [options] BZIMAGE -- CMD...: boot BZIMAGE under qemu with the
# host root read-only over 9p, run CMD (a shell command line) in the guest
# and exit with its status.  The serial console is shown and kept.
#   --timeout S   kill the guest after S seconds (default $LAB_TIMEOUT or 600)
#   --smp N       vCPUs (default $LAB_SMP or 2)
#   --mem MB      memory (default $LAB_MEM or 1024)
#   --accel A     tcg (default), kvm, auto (kvm only if a probe boots), or
#                 icount: one TCG thread whose guest clock counts the
#                 instructions executed (1 ns each), so that a rate measured
#                 in the guest is a count of instructions, repeatable across
#                 boots and blind to the host's load
#   --run DIR     run directory (default build/runs/guest-<time>)
# LAB_APPEND adds kernel command line arguments, LAB_QEMU_ARGS qemu
# arguments (split at spaces; lab/investigate/count-insns.sh uses it).
# Exit status: the command's; 124 when the guest timed out; 1 when the
# kernel panicked; 2 when the guest ended without a status otherwise (a
# failed boot, or a panic because the root or the lab's init failed).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

timeout=${LAB_TIMEOUT:-600} smp=${LAB_SMP:-2} mem=${LAB_MEM:-1024}
accel=${LAB_ACCEL:-tcg} run=
while [ $# -gt 0 ]; do
	case $1 in
	--timeout) need_value "$1" $#; timeout=$2; shift 2 ;;
	--smp) need_value "$1" $#; smp=$2; shift 2 ;;
	--mem) need_value "$1" $#; mem=$2; shift 2 ;;
	--accel) need_value "$1" $#; accel=$2; shift 2 ;;
	--run) need_value "$1" $#; run=$2; shift 2 ;;
	--) shift; break ;;
	-*) die "boot-guest: unknown option $1" ;;
	*) [ -z "${kernel:-}" ] || die "boot-guest: two kernels given"; kernel=$1; shift ;;
	esac
done
if [ -z "${kernel:-}" ] || [ $# -eq 0 ]; then die "usage: lab/host/boot-guest.sh [options] BZIMAGE -- CMD..."; fi
[ -f "$kernel" ] || die "no kernel image $kernel"
[[ $timeout =~ ^[0-9]+$ && $smp =~ ^[0-9]+$ && $mem =~ ^[0-9]+$ ]] ||
	die "boot-guest: --timeout, --smp and --mem take whole numbers"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed (make deps)"

kvm_boots() {
	# /dev/kvm may exist and still not run a normal guest (PVM hosts hang
	# after "Booting from ROM"): only a guest that really boots counts.
	[ -w /dev/kvm ] || return 1
	local probe
	probe=$(mktemp -d "$LAB_BUILD/kvm-probe.XXXXXX")
	"$0" --accel kvm --timeout 20 --run "$probe" "$kernel" -- true >/dev/null 2>&1
	local rc=$?
	rm -rf "$probe"
	return $rc
}
icount=()
case $accel in
tcg) qaccel=tcg,thread=multi cpu=max ;;
icount) qaccel=tcg,thread=single cpu=max icount=(-icount "shift=0,sleep=off,align=off") ;;
kvm) [ -w /dev/kvm ] || die "--accel kvm: /dev/kvm is not usable here"
	qaccel=kvm cpu=host ;;
auto) if kvm_boots; then qaccel=kvm cpu=host accel=kvm
	else say "a KVM guest does not boot here: using TCG"; qaccel=tcg,thread=multi cpu=max accel=tcg; fi ;;
*) die "boot-guest: --accel takes tcg, icount, kvm or auto" ;;
esac

if [ -z "$run" ]; then
	run=$(run_dir guest)
fi
mkdir -p "$run/out"
run=$(cd "$run" && pwd -P)
case $run in *[[:space:]]*) die "the run directory '$run' contains spaces" ;; esac
# The guest sees the host's root, but mounts its own /run, /dev, /proc and
# /sys: what lives there on the host is hidden from it.
for d in "$(cd "$LAB_DIR" && pwd -P)" "$run"; do
	case $d/ in /run/*|/dev/*|/proc/*|/sys/*)
		die "$d is under /run, /dev, /proc or /sys, which the guest mounts anew and so cannot see: use a checkout and a build directory (LAB_BUILD) elsewhere" ;;
	esac
done
printf '%s\n' "$*" >"$run/out/.lab-cmd"
rm -f "$run/out/.lab-status"
log=$run/serial.log

read -r -a qemu_args <<<"${LAB_QEMU_ARGS:-}"
# Made before qemu starts, so that tail below can follow it from the start.
: >"$run/serial.raw"
say "booting $kernel ($accel, $smp vCPUs, ${mem} MiB, timeout ${timeout}s); serial log: $log"
# timeout(1) makes itself a process group leader, so a ^C at the terminal
# does not reach it or qemu: end that group when this script ends, on a
# signal or not.
timeout -k 5 "$timeout" qemu-system-x86_64 \
	-accel "$qaccel" "${icount[@]}" -cpu "$cpu" -smp "$smp" -m "$mem" -M pc \
	-nodefaults -no-user-config -display none -no-reboot \
	-serial stdio -monitor none \
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=root \
	-fsdev local,id=out,path="$run/out",security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=out,mount_tag=out \
	-kernel "$kernel" "${qemu_args[@]}" \
	-append "console=ttyS0 loglevel=5 panic=-1 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L,msize=262144 ro init=$(cd "$LAB_DIR" && pwd -P)/guest/init lab.out=$run/out${LAB_APPEND:+ $LAB_APPEND}" \
	</dev/null >"$run/serial.raw" 2>"$run/qemu.err" &
qemu_group=$!
# shellcheck disable=SC2317 # run by the traps
end_guest() { kill -TERM -- "-$qemu_group" 2>/dev/null || kill -TERM "$qemu_group" 2>/dev/null || true; }
trap end_guest EXIT
trap 'end_guest; say "interrupted: guest ended"; exit 130' INT TERM HUP
# The console, shown as it comes; tail ends within a second of qemu.
tail -n +1 -f --pid="$qemu_group" "$run/serial.raw" | sed -u 's/\r$//' &
rc=0
wait "$qemu_group" || rc=$?
trap - EXIT
wait
sed 's/\r$//' "$run/serial.raw" >"$log" && rm -f "$run/serial.raw"
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	say "guest timed out after ${timeout}s and was killed (hung?); serial log: $log"
	exit 124
fi
if [ ! -f "$run/out/.lab-status" ]; then
	# a panic is the kernel's failure (1); anything else, the boot's (2)
	grep 'Kernel panic' "$log" | grep -qv 'VFS: Unable to mount root\|Attempted to kill init' &&
		check_failed "guest panicked: $(grep -m1 'Kernel panic' "$log")"
	die "guest ended without a status (qemu exit $rc: $(head -c 300 "$run/qemu.err")); serial log: $log"
fi
status=$(cat "$run/out/.lab-status")
say "guest command exited with status $status ($accel); results in $run/out"
exit "$status"
