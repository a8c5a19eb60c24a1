#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/vm.sh [options] BZIMAGE -- CMD...: boot BZIMAGE under qemu with the
# host root read-only over 9p, run CMD (a shell command line) in the guest
# and exit with its status.  The serial console is shown and kept.
#   --timeout S   kill the guest after S seconds (default $LAB_TIMEOUT or 600)
#   --smp N       vCPUs (default $LAB_SMP or 2)
#   --mem MB      memory (default $LAB_MEM or 1024)
#   --accel A     tcg (default), kvm, or auto (kvm only if a probe boots)
#   --run DIR     run directory (default build/runs/<time>-<pid>)
# LAB_APPEND adds kernel command line arguments.
# Exit status: the command's; 124 when the guest timed out; 125 when it
# ended without a status (panic, failed boot).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

timeout=${LAB_TIMEOUT:-600} smp=${LAB_SMP:-2} mem=${LAB_MEM:-1024}
accel=${LAB_ACCEL:-tcg} run=
while [ $# -gt 0 ]; do
	case $1 in
	--timeout) timeout=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--accel) accel=$2; shift 2 ;;
	--run) run=$2; shift 2 ;;
	--) shift; break ;;
	-*) die "vm: unknown option $1" ;;
	*) [ -z "${kernel:-}" ] || die "vm: two kernels given"; kernel=$1; shift ;;
	esac
done
[ -n "${kernel:-}" ] && [ $# -gt 0 ] || die "usage: lab/vm.sh [options] BZIMAGE -- CMD..."
[ -f "$kernel" ] || die "no kernel image $kernel"
[[ $timeout =~ ^[0-9]+$ && $smp =~ ^[0-9]+$ && $mem =~ ^[0-9]+$ ]] ||
	die "vm: --timeout, --smp and --mem take whole numbers"
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
case $accel in
tcg) qaccel=tcg,thread=multi cpu=max ;;
kvm) [ -w /dev/kvm ] || die "--accel kvm: /dev/kvm is not usable here"
	qaccel=kvm cpu=host ;;
auto) if kvm_boots; then qaccel=kvm cpu=host accel=kvm
	else say "a KVM guest does not boot here: using TCG"; qaccel=tcg,thread=multi cpu=max accel=tcg; fi ;;
*) die "vm: --accel takes tcg, kvm or auto" ;;
esac

if [ -z "$run" ]; then
	run=$LAB_BUILD/runs/$(date +%Y%m%d-%H%M%S)-$$
fi
mkdir -p "$run/out"
run=$(cd "$run" && pwd)
case $run in *[[:space:]]*) die "the run directory '$run' contains spaces" ;; esac
printf '%s\n' "$*" >"$run/out/.lab-cmd"
rm -f "$run/out/.lab-status"
log=$run/serial.log

say "booting $kernel ($accel, $smp vCPUs, ${mem} MiB, timeout ${timeout}s); serial log: $log"
set +e
timeout -k 5 "$timeout" qemu-system-x86_64 \
	-accel "$qaccel" -cpu "$cpu" -smp "$smp" -m "$mem" -M pc \
	-nodefaults -no-user-config -display none -no-reboot \
	-serial stdio -monitor none \
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=root \
	-fsdev local,id=out,path="$run/out",security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=out,mount_tag=out \
	-kernel "$kernel" \
	-append "console=ttyS0 loglevel=5 panic=-1 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L,msize=262144 ro init=$LAB_DIR/guest-init lab.out=$run/out${LAB_APPEND:+ $LAB_APPEND}" \
	</dev/null 2>"$run/qemu.err" | sed -u "s/\r$//" | tee "$log"
rc=${PIPESTATUS[0]}
set -e

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	say "guest timed out after ${timeout}s and was killed (hung?); serial log: $log"
	exit 124
fi
if [ ! -f "$run/out/.lab-status" ]; then
	if grep -q 'Kernel panic' "$log"; then
		say "guest panicked: $(grep -m1 'Kernel panic' "$log")"
	else
		say "guest ended without a status (qemu exit $rc: $(head -c 300 "$run/qemu.err")); serial log: $log"
	fi
	exit 125
fi
status=$(cat "$run/out/.lab-status")
say "guest command exited with status $status ($accel); results in $run/out"
exit "$status"
