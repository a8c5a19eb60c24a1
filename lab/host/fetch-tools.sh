#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/fetch-tools.sh: trixie's virtme-ng (vng) and b4, unpacked into
# build/tools; prints their directory.  The kernel community's VM runner and
# series tool, which Debian 12 does not have: the Architecture: all packages of
# Debian's trixie (LAB_VNG_VERSION, default 1.35-1; LAB_B4_VERSION, default
# 0.14.2-2), fetched with the private apt lists of the newer suites and unpacked
# with dpkg-deb into build/tools/, or LAB_TOOLS (the host's apt is not changed).
# Their Python dependencies are Debian 12's (make deps).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

vng_version=${LAB_VNG_VERSION:-1.35-1}
b4_version=${LAB_B4_VERSION:-0.14.2-2}
tools=$LAB_TOOLS
bin=$tools/bin
stamp=$tools/fetched-virtme-ng-$vng_version-b4-$b4_version
mkdir -p "$tools"
exec {tools_lock}>"$tools/.lock"
flock "$tools_lock"	# two jobs fetching at once would unpack over each other
if [ -f "$stamp" ] && [ -x "$bin/vng" ] && [ -x "$bin/b4" ]; then
	echo "$bin"
	exit 0
fi
newer_apt deb
work=$(mktemp -d "$tools.XXXXXX")
trap 'rm -rf "$work"' EXIT
for p in "virtme-ng=$vng_version" "b4=$b4_version"; do
	(cd "$work" && apt-get "${apt_newer[@]}" download "$p" >>"$work/download.log" 2>&1) ||
		die "downloading $p from Debian's ${LAB_APT_SUITES:-trixie-backports sid trixie} failed: $(tail -n 1 "$work/download.log")"
done
rm -rf "$tools/virtme-ng" "$tools/b4" "$bin" "$tools"/fetched-*
mkdir -p "$bin"
for p in virtme-ng b4; do dpkg-deb -x "$work/$p"_*.deb "$tools/$p"; done
# The packages' entry points, with their own modules first on the path.
# vng starts virtme-run by name, so that one is on PATH too.
for t in virtme-ng/vng virtme-ng/virtme-run b4/b4; do
	root=$tools/${t%/*}
	cat >"$bin/${t#*/}" <<EOF
#!/bin/sh
# ${t#*/} of Debian's ${t%/*} package, unpacked by lab/host/fetch-tools.sh
PATH=$bin:\$PATH PYTHONPATH=$root/usr/lib/python3/dist-packages\${PYTHONPATH:+:\$PYTHONPATH} \\
	exec /usr/bin/python3 $root/usr/bin/${t#*/} "\$@"
EOF
	chmod +x "$bin/${t#*/}"
done
"$bin/vng" --version >/dev/null 2>&1 || die "the unpacked vng does not run: $("$bin/vng" --version 2>&1 | tail -n 1)"
"$bin/b4" --version >/dev/null 2>&1 || die "the unpacked b4 does not run: $("$bin/b4" --version 2>&1 | tail -n 1)"
touch "$stamp"
say "virtme-ng $vng_version and b4 $b4_version in $bin"
echo "$bin"
