# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers of the lab's tests.  Sourced.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# LAB and BASE are for the tests that source this.
export LAB=lab/lab
unset LAB_TREE	# the tests use the Debian bases (tests/62 sets its own)
export BASE=${LAB_TEST_BASE:-7.3}
fail() { echo "FAIL: $*"; exit 1; }
# expect_rc WANT OUTFILE CMD...: run CMD, keep its output, check its status.
# A job that could not run (2) or timed out (124) where WANT was another
# status makes the test exit with that status, so that tests/run.sh tells
# a failed check from a lab that could not run.
expect_rc() {
	local want=$1 out=$2 rc=0
	shift 2
	echo "+ $* (want exit $want)"
	"$@" >"$out" 2>&1 || rc=$?
	cat "$out"
	[ "$rc" -eq "$want" ] && return
	echo "FAIL: exit $rc, wanted $want: $*"
	case $rc in 2 | 124) exit "$rc" ;; *) exit 1 ;; esac
}
# expect_msg OUTFILE REGEX: the output says it
expect_msg() {
	grep -Eq -- "$2" "$1" || fail "output lacks /$2/"
}
# ktap FILE: tcp_rst_timewait's output is KTAP: TAP version line, one plan,
# results numbered 1..N as planned, each one of its tests by name, with a
# SKIP or XFAIL reason or none.
ktap() {
	awk '
	NR == 1 { if ($0 != "TAP version 13") bad = "first line " $0; next }
	/^1\.\.[0-9]+/ { if (plan != "") bad = "two plans"; plan = substr($1, 4) + 0; next }
	/^(not )?ok / {
		n++
		if (!match($0, "^(not )?ok " n " tcp_rst_timewait\\.ipv[46]\\.(rst|md5|ao|fin)( # (SKIP|XFAIL) .+)?$"))
			bad = "result line: " $0
		next }
	/^#/ { next }
	{ bad = "not KTAP: " $0 }
	END {
		if (plan == "") bad = bad " no plan"
		else if (plan != n) bad = bad " plan " plan ", results " n
		if (bad) { print "bad KTAP: " bad; exit 1 }
	}' "$1" || fail "$1 is not valid KTAP"
}

# makefile_patch FILE SUBJECT OLD NEW: a one-patch series for the stand-in
# trees of tests/60 and tests/62 (a Makefile "one, two, three"), changing
# its second line from OLD to NEW, in git format-patch's form.
makefile_patch() {
	cat >"$1" <<PATCH
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Lab Test <t@t>
Date: Thu, 1 Jan 2026 00:00:00 +0000
Subject: [PATCH] $2

---
 Makefile | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/Makefile b/Makefile
--- a/Makefile
+++ b/Makefile
@@ -1,3 +1,3 @@
 one
-$3
+$4
 three
--
2.39.5
PATCH
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
