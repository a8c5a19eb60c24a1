# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers of the lab's tests.  Sourced.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# LAB and BASE are for the tests that source this.
export LAB=lab/lab
export BASE=${LAB_TEST_BASE:-7.3}
fail() { echo "FAIL: $*"; exit 1; }
# expect_rc WANT OUTFILE CMD...: run CMD, keep its output, check its status
expect_rc() {
	local want=$1 out=$2 rc=0
	shift 2
	echo "+ $* (want exit $want)"
	"$@" >"$out" 2>&1 || rc=$?
	cat "$out"
	[ "$rc" -eq "$want" ] || fail "exit $rc, wanted $want: $*"
}
# expect_msg OUTFILE REGEX: the output says it
expect_msg() {
	grep -Eq -- "$2" "$1" || fail "output lacks /$2/"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
