#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/apply-series.sh BASE [--force]: git am patches/BASE onto
# build/src/BASE-patched.  Its branch "patched" is reset to the base tag
# first.  Does nothing when that series is already applied; refuses to throw
# away commits made in the worktree that were not exported
# (lab/host/export-series.sh), unless --force.  An empty series is valid:
# patched == unpatched.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/host/apply-series.sh BASE [--force]"
force=${2:-}
take_base "$base"
"$LAB_DIR/host/base-tree.sh" "$base"
wt=$(tree_dir "$base" patched)
gd=$(git -C "$wt" rev-parse --absolute-git-dir)
mapfile -t files < <(series_files "$base")
stamp=$( (printf '%s\n' "${files[@]##*/}"; cat "${files[@]}" </dev/null) | sha256sum | cut -c1-16)
head=$(git -C "$wt" rev-parse HEAD)
dirty=$(git -C "$wt" status --porcelain)

[[ $(cat "$gd/lab-series" 2>/dev/null) == "$stamp $head" && -z $dirty ]] && exit 0
if [ "$force" != --force ]; then
	applied=$(cut -d' ' -f2 "$gd/lab-series" 2>/dev/null || git -C "$wt" rev-parse "base-$base")
	[[ $head == "$applied" && -z $dirty ]] ||
		die "$wt has work that is not in patches/$base/ (commits or changes): export it with 'lab/host/export-series.sh $base', or drop it with 'lab/host/apply-series.sh $base --force'"
fi

git -C "$wt" am --abort >/dev/null 2>&1 || true
git -C "$wt" reset -q --hard "base-$base"
git -C "$wt" clean -q -fd
for f in "${files[@]}"; do
	if ! out=$(git -C "$wt" am -q "$f" 2>&1); then
		git -C "$wt" am --abort >/dev/null 2>&1 || true
		git -C "$wt" reset -q --hard "base-$base"
		rm -f "$gd/lab-series"
		printf '%s\n' "$out" | sed -n 1,8p >&2
		check_failed "patch ${f##*/} does not apply to base $base (git am failed)"
	fi
done
echo "$stamp $(git -C "$wt" rev-parse HEAD)" >"$gd/lab-series"
say "series $base: ${#files[@]} patch(es) applied on base-$base in $wt"
