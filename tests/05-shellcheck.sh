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

# The Makefile's help is the one list of make's jobs: README.md's job list
# is its output, word for word, and a target that runs lab/jobs/X.sh has
# the description lab/lab help gives X.sh, followed by "(make TARGET)".
# shellcheck disable=SC2016 # a sed expression: $ is its end of line
readme=$(sed -n '/^## Jobs$/,/^## /p' README.md | sed -n '/^```$/,/^```$/p' | sed '1d;$d')
[ "$readme" = "$(make -s help)" ] || fail "README.md's job list is not make help's output: $(diff <(echo "$readme") <(make -s help))"
while IFS='|' read -r target desc; do
	script=$(sed -n "/^$target:/{n;s|.*lab/jobs/\([a-z-]*\.sh\).*|\1|p}" Makefile)
	[ -n "$script" ] || continue
	listed=$(grep -m1 "^  $script " <<<"$help" | sed -E 's/^  [^ ]+( [^ ]+)*  +//')
	[ "$listed" = "$desc (make $target)" ] ||
		fail "make help: '$target: $desc'; lab/lab help for $script: '$listed'"
done < <(sed -n 's/^## make \([a-z-]*\).* | \(.*\)$/\1|\2/p' Makefile)

# Settings: every LAB_* variable of the lab is a row of docs/lab.md's
# table (LAB_DIR, LAB_REPO, the guest's LAB_OUT and lock_base()'s
# LAB_LOCK_<base> are not settings; the LAB_WIDEN macros are C), and the
# scripts read no other upper-case variable with a default but the usual
# ones (CCACHE_*, TMPDIR, HOME, SUDO_USER, PATH).
# shellcheck disable=SC2016 # the backquotes of a markdown table
settings=$(sed -n 's/^| `\(LAB_[A-Z0-9_`, ]*\)` |.*/\1/p' docs/lab.md | tr -d '`,')
while read -r v; do
	grep -qw -- "$v" <<<"$settings" || fail "$v is not documented in docs/lab.md's table of settings"
done < <(grep -rhoE '\bLAB_[A-Z0-9_]+' lab tests Makefile | sort -u |
	grep -vxE 'LAB_(DIR|REPO|OUT|WIDEN|WIDEN_READ|LOCK_)')
others=$(grep -rhoE '\$\{[A-Z][A-Z0-9_]*:[-=]' lab tests | sed 's/^\${//; s/:.$//' | sort -u |
	grep -vxE 'LAB_[A-Z0-9_]+|CCACHE_DIR|CCACHE_MAXSIZE|TMPDIR|HOME|SUDO_USER|PATH') || true
[ -z "$others" ] || fail "settings not named LAB_*: $others"
