#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every shell script of the repository is shellcheck clean (.shellcheckrc;
# each exclusion is justified where it stands), and lab/lab help lists
# every script of the lab.
. "$(dirname "$0")/lib.sh"
command -v shellcheck >/dev/null || fail "shellcheck is not installed (make deps)"
mapfile -t scripts < <(git ls-files | while read -r f; do
	case $f in *.sh) echo "$f"; continue ;; esac
	[ -f "$f" ] && head -n1 "$f" | grep -Eq '^#!/bin/(ba)?sh' && echo "$f"
done)
[ ${#scripts[@]} -gt 20 ] || fail "found only ${#scripts[@]} scripts"
echo "shellcheck $(shellcheck --version | sed -n 's/^version: //p'): ${#scripts[@]} scripts"
shellcheck -f gcc "${scripts[@]}" || fail "shellcheck findings above"

# The front door's help lists every script of the lab.
help=$(lab/lab help) || fail "lab/lab help failed"
for f in lab/jobs/* lab/investigate/* lab/host/* lab/guest/*; do
	grep -q "^  $(basename "$f") " <<<"$help" || fail "lab/lab help does not list $f"
done
# ...with the usage of the script's own header, word for word (the header
# is the one place: "# lab/DIR/NAME USAGE: what it does").
for f in lab/jobs/* lab/investigate/* lab/host/* lab/guest/*; do
	n=$(basename "$f")
	usage=$(grep -m1 -oE "lab/[a-z]+/${n}[^:]*:" "$f" | sed 's|^lab/[a-z]*/||; s|:$||') ||
		fail "$f: no usage line (# $f ARGS: ...) in its header"
	listed=$(grep -m1 "^  $n " <<<"$help" | sed -E 's/^  //; s/  +.*//')
	[ "$usage" = "$listed" ] || fail "lab/lab help lists '$listed', the header of $f says '$usage'"
done
# ...and nothing that is gone.
gone=$(sed -n 's|^  \([a-z][a-z0-9.-]*\) .*|\1|p' <<<"$help" | while read -r name; do
	[ -e lab/jobs/"$name" ] || [ -e lab/investigate/"$name" ] || [ -e lab/host/"$name" ] ||
		[ -e lab/guest/"$name" ] || echo "$name"
done)
[ -z "$gone" ] || fail "lab/lab help lists what is not in lab/{jobs,investigate,host,guest}: $gone"
