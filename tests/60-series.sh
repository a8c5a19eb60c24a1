#!/bin/bash
# A series that does not apply is an error naming the patch; an empty
# series is valid.  Runs on a small stand-in tree, not the real base.
. "$(dirname "$0")/lib.sh"
export LAB_BUILD=$tmp/build LAB_PATCHES=$tmp/patches
src=$LAB_BUILD/src/$BASE
mkdir -p "$src" "$LAB_PATCHES/$BASE"
git -C "$src" init -q -b base
printf 'one\ntwo\nthree\n' >"$src/Makefile"
git -C "$src" add Makefile
git -C "$src" -c user.name=t -c user.email=t@t commit -qm base
git -C "$src" tag "base-$BASE"

expect_rc 0 "$tmp/o1" lab/host/apply-series.sh "$BASE"
expect_msg "$tmp/o1" "0 patch\(es\) applied"

makefile_patch "$LAB_PATCHES/$BASE/0001-tcp-does-not-apply.patch" "tcp: does not apply" deux zwei
expect_rc 1 "$tmp/o2" lab/host/apply-series.sh "$BASE"
expect_msg "$tmp/o2" "patch 0001-tcp-does-not-apply.patch does not apply to base $BASE"
[ "$(git -C "$LAB_BUILD/src/$BASE-patched" rev-parse HEAD)" = \
  "$(git -C "$src" rev-parse "base-$BASE")" ] || fail "patched branch not reset"
expect_rc 1 "$tmp/o3" $LAB run "$BASE" --patched -- true
expect_msg "$tmp/o3" "does not apply"
