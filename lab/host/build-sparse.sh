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

if command -v sparse >/dev/null && valid sparse; then
	command -v sparse
	exit 0
fi
tools=$LAB_TOOLS
if [ -x "$tools/sparse" ] && valid "$tools/sparse"; then
	echo "$tools/sparse"
	exit 0
fi

apt_dir=$LAB_BUILD/apt
mkdir -p "$apt_dir/src-lists/partial" "$apt_dir/src-cache/archives/partial" "$tools"
uri=$(debian_mirror)
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${uri%/} sid main" \
	>"$apt_dir/src-sources.list"
apt_opts=(-q -o "Dir::Etc::SourceList=$apt_dir/src-sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$apt_dir/src-lists" -o "Dir::Cache=$apt_dir/src-cache"
	-o APT::Sandbox::User=root)
say "the host's sparse does not pass $base's checker-valid.sh: building sid's sparse"
work=$(mktemp -d "$LAB_BUILD/sparse.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$tools/sparse-build.log
{
	apt-get "${apt_opts[@]}" update &&
	(cd "$work" && apt-get "${apt_opts[@]}" source --download-only sparse) &&
	tar -xzf "$work"/sparse_*.orig.tar.gz -C "$work" &&
	make -C "$work"/sparse-*/ -j"$(nproc)" sparse HAVE_LLVM=no HAVE_SQLITE=no \
		HAVE_GTK=no HAVE_LIBXML=no
} >"$log" 2>&1 || die "building sparse from sid's source failed, see $log"
cp "$work"/sparse-*/sparse "$tools/sparse"
valid "$tools/sparse" || die "sid's sparse does not pass $base's checker-valid.sh either"
say "built $("$tools/sparse" --version) into $tools"
echo "$tools/sparse"
