#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The lab boots from a checkout anywhere the guest can see it: clones under
# /tmp and /var/tmp (the guest writes over both), and one reached through
# a symbolic link (virtme-ng and b4 from this checkout: LAB_TOOLS).  A
# checkout under /run, which the guest mounts anew,
# is refused with a clear message instead of a guest without a status.
. "$(dirname "$0")/lib.sh"
kernel=$($LAB build "$BASE") || fail "cannot build the $BASE kernel"
clones=()
trap 'rm -rf "$tmp" "${clones[@]}"' EXIT
boot_from() {	# boot_from DIR: lab/lab boot of the checkout at DIR boots and writes a result
	local d=$1 token=$RANDOM$RANDOM
	expect_rc 0 "$tmp/out" env -u LAB_BUILD LAB_TOOLS="$PWD/build/tools" "$d/lab/lab" boot --timeout 120 "$kernel" -- \
		"echo $token >\$LAB_OUT/token; echo \$0 >\$LAB_OUT/init"
	f=$(find "$d/build/runs" -name token | head -n1)
	[ "$(cat "$f" 2>/dev/null)" = "$token" ] || fail "no result from a guest booted from $d"
	echo "ok: booted from $d"
}
for parent in /tmp /var/tmp; do
	c=$(mktemp -d "$parent/lab-clone.XXXXXX")
	clones+=("$c")
	git clone -q "$PWD" "$c/repo" || fail "git clone to $c failed"
	boot_from "$c/repo"
done
ln -s "${clones[1]}/repo" "${clones[0]}/link"
rm -rf "${clones[1]}/repo/build"
boot_from "${clones[0]}/link"

c=$(mktemp -d /run/lab-clone.XXXXXX)
clones+=("$c")
git clone -q "$PWD" "$c/repo" || fail "git clone to $c failed"
expect_rc 2 "$tmp/out" env -u LAB_BUILD LAB_TOOLS="$PWD/build/tools" "$c/repo/lab/lab" boot --timeout 60 "$kernel" -- true
expect_msg "$tmp/out" "under /run, /dev, /proc or /sys"
