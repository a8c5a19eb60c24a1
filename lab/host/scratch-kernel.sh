#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/scratch-kernel.sh BASE COMMIT BZIMAGE [CMD...]: a throw-away
# kernel with a debugging change.  Built from COMMIT (of the base's git
# tree) in the worktree build/src/BASE-scratch, after running CMD there (the
# change, never committed), and copied to BZIMAGE (and its
# System.map to BZIMAGE.map).  The worktree is reset afterwards.
# LAB_SCRATCH_FLAVOUR picks the config (default tiny): that of the unpatched
# kernel of that flavour.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# -ge 3 ] || die "usage: lab/host/scratch-kernel.sh BASE COMMIT BZIMAGE [CMD...]"
base=$1 commit=$2 out=$3
shift 3
lock_base "$base"
src=$(tree_dir "$base" unpatched)
wt=$(dirname "$src")/$base-scratch
flavour=${LAB_SCRATCH_FLAVOUR:-tiny}
obj=$wt/.o-$flavour
[ -e "$wt/.git" ] || git -C "$src" worktree add -q --detach "$wt" "base-$base"
ref=$(obj_dir "$base" unpatched "$flavour")
if ! cmp -s "$ref/.config" "$obj/.config"; then
	"$LAB_DIR/host/build-kernel.sh" "$base" unpatched "$flavour" >/dev/null
	mkdir -p "$obj"
	cp "$ref/.config" "$obj/.config"
fi
git -C "$wt" checkout -q -- .
git -C "$wt" checkout -q --detach "$commit"
[ $# -eq 0 ] || (cd "$wt" && "$@") || die "scratch: '$*' failed in $wt"
log=${out%/*}/build-${out##*/}.log
make -C "$wt" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" \
	-j"${LAB_JOBS:-$(($(nproc) + 1))}" olddefconfig bzImage >"$log" 2>&1 ||
	die "building the scratch kernel of $commit failed, see $log"
cp "$obj/arch/x86/boot/bzImage" "$out"
cp "$obj/System.map" "$out.map"
git -C "$wt" checkout -q -- .
