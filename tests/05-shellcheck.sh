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

# The front door's help is made from the scripts' headers ("# lab/DIR/NAME
# USAGE: SUMMARY."): it runs, and lists every script of the lab.
help=$(lab/lab help) || fail "lab/lab help failed"
for f in lab/jobs/* lab/investigate/* lab/host/* lab/guest/*; do
	grep -q "^  $(basename "$f") " <<<"$help" || fail "lab/lab help does not list $f"
done

# The Makefile's help is the one list of make's jobs: README.md's job list
# is its output, word for word, and a target that runs a script of the lab
# has that script's summary, which lab/lab help shows with "(make TARGET)".
# shellcheck disable=SC2016 # a sed expression: $ is its end of line
readme=$(sed -n '/^## Jobs$/,/^## /p' README.md | sed -n '/^```$/,/^```$/p' | sed '1d;$d')
[ "$readme" = "$(make -s help)" ] || fail "README.md's job list is not make help's output: $(diff <(echo "$readme") <(make -s help))"
n=0
while IFS='|' read -r target desc; do
	recipe=$(sed -n "/^$target:/{n;p;q}" Makefile)
	[[ $recipe =~ @lab/(jobs|host|investigate)/ ]] || continue
	n=$((n + 1))
	grep -qF " $desc (make $target)" <<<"$help" ||
		fail "make help: '$target: $desc'; lab/lab help: '$(grep "(make $target)\$" <<<"$help")'"
done < <(sed -n 's/^## make \([a-z-]*\).* | \(.*\)$/\1|\2/p' Makefile)
[ "$n" -ge 10 ] || fail "only $n make targets found in lab/lab help"

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
