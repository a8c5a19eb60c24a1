#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/build-kernel.sh BASE VARIANT FLAVOUR [--prepare]: a guest kernel
# (tinyconfig + net/config + lab/config/).  The bzImage of one tree
# (VARIANT unpatched or patched), out of tree, with ccache, from tinyconfig,
# the series' tools/testing/selftests/net/config and lab/config/.
# Prints its path.  With --prepare (prints nothing), only configure the tree and run
# "make prepare", enough to compile single objects (lab/jobs/submit-check.sh).
# Compiler output goes to the build log; only progress goes to stderr.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# -ge 2 ] || die "usage: lab/host/build-kernel.sh BASE VARIANT FLAVOUR [--prepare]"
base=$1 variant=$2 flavour=${3:-$LAB_FLAVOUR} target=bzImage
case ${4:-} in
"") ;;
--prepare) target=prepare ;;
*) die "build-kernel: unknown option '$4'" ;;
esac
lock_base "$base"
src=$(tree_dir "$base" "$variant")
obj=$(obj_dir "$base" "$variant" "$flavour")
frag=$(flavour_config "$flavour")
[ -f "$src/Makefile" ] || die "no tree $src (run lab/host/base-tree.sh $base first)"
command -v ccache >/dev/null || die "ccache is not installed (make deps)"
need_space "$LAB_BUILD" "${LAB_NEED_GB:-3}"
mkdir -p "$obj"
log=$obj/build.log
jobs=${LAB_JOBS:-$(($(nproc) + 1))}
kmake() { make -C "$src" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" "$@"; }

# The config: tinyconfig, then net/config as the series leaves it (what its
# selftests declare; the unpatched kernel is built with it too, so that both
# run the same tests), lab/config/base.config and the flavour; regenerated
# when one of them changes, and Kbuild then rebuilds only what that touches.
net=$(tree_dir "$base" patched)/tools/testing/selftests/net/config
[ -f "$net" ] || "$LAB_DIR/host/apply-series.sh" "$base"
[ -f "$net" ] || die "the $base series' tree has no tools/testing/selftests/net/config"
stamp=$(cat "$net" "$LAB_DIR/config/base.config" "$frag" "$src/Makefile" | sha256sum | cut -c1-16)
if [ "$(cat "$obj/.lab-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	cat "$net" "$LAB_DIR/config/base.config" "$frag" >"$obj/lab.config"	# what was merged, kept
	{
		kmake tinyconfig
		"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$obj/lab.config"
		kmake olddefconfig
	} >"$log" 2>&1 || die "configuring $src failed, see $log"
	# Each option as its last line asks: y, y; m, y or m; n or "is not set",
	# unset; a value, that value.  A y of net/config that ends m (an option
	# it wants y that depends on one it wants m) is noted: no module is
	# built, so the guest has neither.
	unmet=$(awk -v net="$net" 'FILENAME == ARGV[1] { if (/^CONFIG_/) { n = index($0, "="); have[substr($0, 1, n - 1)] = substr($0, n + 1) }; next }
		/^CONFIG_[A-Za-z0-9_]+=/ { n = index($0, "="); o = substr($0, 1, n - 1); want[o] = substr($0, n + 1); from[o] = FILENAME }
		/^# CONFIG_[A-Za-z0-9_]+ is not set/ { want[$2] = "n"; from[$2] = FILENAME }
		END { for (o in want) { w = want[o]; h = (o in have) ? have[o] : "n"
			if (w == h || (w == "m" && h == "y")) continue
			print o, (w == "y" && h == "m" && from[o] == net) ? "module" : "want " w ", have " h } }' \
		"$obj/.config" "$net" "$LAB_DIR/config/base.config" "$frag" | sort)
	bad=''
	while read -r opt why; do
		[ -n "$opt" ] || continue
		if [ "$why" = module ]; then
			echo "lab: $opt is y in net/config but can only be m here (a module, not built)" >>"$log"
		# An option this base's Kconfig does not have (PROC_SYSCTL is
		# part of SYSCTL since 7.x; 6.1 has no TCP_AO) is noted only.
		elif grep -rqxE --include='Kconfig*' "[[:space:]]*(menu)?config[[:space:]]+${opt#CONFIG_}[[:space:]]*" "$src"; then
			bad+=" $opt ($why)"
		else
			echo "lab: $opt is not an option of $base; skipped" >>"$log"
		fi
	done <<<"$unmet"
	[ -z "$bad" ] || die "config of $obj lacks:$bad (net/config and lab/config/)"
	echo "$stamp" >"$obj/.lab-config-stamp"
fi

t0=$SECONDS
say "building $base $variant $flavour ($target) in $obj (log: $log)"
kmake -j"$jobs" "$target" >>"$log" 2>&1 || {
	grep -E 'error|Error' "$log" | tail -n 15 >&2
	die "kernel build of $base $variant $flavour failed, see $log"
}
say "built $base $variant $flavour ($target) in $(elapsed $t0)"
[ "$target" = prepare ] || echo "$obj/arch/x86/boot/bzImage"
