#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/build-sparse.sh BASE: print the path of a sparse that BASE's
# scripts/checker-valid.sh accepts.  Debian 12's sparse (0.6.4) is too old
# for 7.x (no __typeof_unqual__), and sid's binary needs a newer libc: then
# sid's source package is fetched (private apt lists under build/apt/) and
# its sparse program built into build/tools/ (LAB_TOOLS).  Kbuild silently turns C=1/2
# off for a checker that fails that test, hence this.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/host/build-sparse.sh BASE"
src=$(tree_dir "$base" unpatched)
[ -f "$src/Makefile" ] || die "no tree $src (run lab/host/base-tree.sh $base first)"
# A base without scripts/checker-valid.sh (6.12 and older) takes any sparse.
valid() {
	[ -x "$src/scripts/checker-valid.sh" ] || { command -v "$1" >/dev/null; return; }
	[ "$("$src/scripts/checker-valid.sh" "$1" --arch=x86 -mlittle-endian -m64 2>/dev/null)" = 1 ]
}

tools=$LAB_TOOLS
for s in "$(command -v sparse || true)" "$tools/sparse"; do
	if [ -x "$s" ] && valid "$s"; then echo "$s"; exit 0; fi
done

say "the host's sparse does not pass $base's checker-valid.sh: building sid's sparse"
newer_apt deb-src sid
mkdir -p "$tools"
work=$(mktemp -d "$LAB_BUILD/sparse.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$tools/sparse-build.log
{
	(cd "$work" && apt-get "${apt_newer[@]}" source --download-only sparse) &&
	tar -xzf "$work"/sparse_*.orig.tar.gz -C "$work" &&
	make -C "$work"/sparse-*/ -j"$(nproc)" sparse HAVE_LLVM=no HAVE_SQLITE=no \
		HAVE_GTK=no HAVE_LIBXML=no
} >"$log" 2>&1 || die "building sparse from sid's source failed, see $log"
cp "$work"/sparse-*/sparse "$tools/sparse"
valid "$tools/sparse" || die "sid's sparse does not pass $base's checker-valid.sh either"
say "built $("$tools/sparse" --version) into $tools"
echo "$tools/sparse"
