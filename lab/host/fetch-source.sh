#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/fetch-source.sh BASE: print "TARBALL VERSION" of Debian's
# linux-source-BASE.  The host's own package when its apt knows it
# (installed if need be); otherwise the package from a newer Debian suite
# (LAB_APT_SUITES, default: trixie-backports sid trixie), fetched with a
# private sources list, lists and cache under build/apt/ and unpacked
# with dpkg-deb into build/apt/src/.  The host's apt setup is not changed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/host/fetch-source.sh BASE"
pkg=linux-source-$base

if apt-cache show "$pkg" >/dev/null 2>&1; then
	if [ ! -f "/usr/src/$pkg.tar.xz" ]; then
		say "installing $pkg"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >&2 ||
			die "could not install $pkg"
	fi
	echo "/usr/src/$pkg.tar.xz $(dpkg-query -W -f '${Version}' "$pkg")"
	exit 0
fi

apt_dir=$LAB_BUILD/apt
out=$apt_dir/src/$base
if [ -f "$out/version" ] && [ -f "$out/$pkg.tar.xz" ]; then
	echo "$out/$pkg.tar.xz $(cat "$out/version")"
	exit 0
fi
mkdir -p "$out"
newer_apt deb
version=$(apt-cache "${apt_newer[@]}" show "$pkg" 2>/dev/null |
	sed -n 's/^Version: //p' | sort -V | tail -n 1 || true)
[ -n "$version" ] ||
	die "unknown base '$base': Debian has no package $pkg (known here: $(known_bases))"
need_space "$apt_dir" 2
rm -f "$apt_dir"/*.deb
(cd "$apt_dir" && apt-get "${apt_newer[@]}" download "$pkg=$version" >"$apt_dir/download.log" 2>&1) ||
	die "downloading $pkg $version failed, see $apt_dir/download.log"
deb=$(ls "$apt_dir"/"${pkg}"_*.deb)
dpkg-deb --fsys-tarfile "$deb" | tar -x -O "./usr/src/$pkg.tar.xz" >"$out/$pkg.tar.xz.part" ||
	die "$deb holds no usr/src/$pkg.tar.xz"
mv "$out/$pkg.tar.xz.part" "$out/$pkg.tar.xz"
echo "$version" >"$out/version"
rm -f "$deb"
say "fetched $pkg $version into $out"
echo "$out/$pkg.tar.xz $version"
