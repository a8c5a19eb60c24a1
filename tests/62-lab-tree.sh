#!/bin/bash
# LAB_TREE: a git tree of the user's is the base.  On a small stand-in tree
# (not a kernel): the base is its checked-out commit, in a clone under
# build/src/tree-NAME that leaves it untouched, and the series goes on it
# with git am; a directory that is not a git tree is bad input (exit 2).
. "$(dirname "$0")/lib.sh"
export LAB_BUILD=$tmp/build LAB_PATCHES=$tmp/patches LAB_NEED_GB=0
mkdir -p "$LAB_PATCHES/$BASE" "$tmp/mine" "$tmp/plain"
git -C "$tmp/mine" init -q -b main
printf 'one\ntwo\nthree\n' >"$tmp/mine/Makefile"
git -C "$tmp/mine" add Makefile
git -C "$tmp/mine" -c user.name=t -c user.email=t@t commit -qm "an older commit"
# a tag of the lab's name in the user's tree (a clone of a lab tree has one)
git -C "$tmp/mine" tag "base-$BASE"
printf 'one\ntwo\nthree\n\n' >"$tmp/mine/Makefile"
git -C "$tmp/mine" -c user.name=t -c user.email=t@t commit -qam "the user's base"
cp -r "$tmp/mine" "$tmp/mine.before"
makefile_patch "$LAB_PATCHES/$BASE/0001-tcp-two-to-deux.patch" "tcp: two to deux" two deux
expect_rc 0 "$tmp/o1" env LAB_TREE="$tmp/mine" lab/host/apply-series.sh "$BASE"
expect_msg "$tmp/o1" "1 patch\(es\) applied"
pt=$(echo "$LAB_BUILD"/src/tree-mine-*/"$BASE-patched")
[ "$(sed -n 2p "$pt/Makefile")" = deux ] || fail "the series is not on the user's tree in $pt"
[ "$(git -C "${pt%-patched}" rev-parse "base-$BASE")" = "$(git -C "$tmp/mine" rev-parse HEAD)" ] ||
	fail "base-$BASE is not the user's commit"
diff -r -x .git "$tmp/mine" "$tmp/mine.before" >/dev/null || fail "the user's tree was written to"
[ "$(git -C "$tmp/mine" for-each-ref refs/tags)" = "$(git -C "$tmp/mine.before" for-each-ref refs/tags)" ] ||
	fail "the user's tags changed"
expect_rc 2 "$tmp/o2" env LAB_TREE="$tmp/plain" lab/host/apply-series.sh "$BASE"
expect_msg "$tmp/o2" "LAB_TREE=$tmp/plain is not the top of a git tree with a commit checked out"
mkdir "$tmp/mine/sub"
expect_rc 2 "$tmp/o3" env LAB_TREE="$tmp/mine/sub" lab/host/apply-series.sh "$BASE"
expect_msg "$tmp/o3" "is not the top of a git tree"
