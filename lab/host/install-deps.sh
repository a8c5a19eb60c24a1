#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/install-deps.sh: install what the lab needs (Debian 12, root).
set -euo pipefail
pkgs=(
	git make gcc bc flex bison libelf-dev libssl-dev cpio xz-utils perl
	ccache qemu-system-x86 iproute2 procps kmod rsync	# rsync: kselftest install
	sparse python3-ply python3-git		# checkpatch, C=1
	shellcheck				# make check lints the lab
	python3-requests python3-argcomplete udev	# virtme-ng (lab/host/fetch-tools.sh); its init names the --exec ports with udev
	python3-dkim python3-dnspython python3-patatt git-filter-repo	# b4 (the same)
	linux-source-6.12 linux-source-6.1	# the stable bases; 7.3 comes from a newer suite (lab/host/fetch-source.sh)
)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
[ "$(id -u)" -eq 0 ] || { echo "lab: error: run as root to install: ${missing[*]}" >&2; exit 2; }
echo "lab: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2 || true
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
	{ echo "lab: error: apt-get install ${missing[*]} failed" >&2; exit 2; }
