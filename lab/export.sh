#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/export.sh BASE: regenerate patches/BASE/ from branch "patched" with
# git format-patch --cover-letter.  The cover letter's subject and text are
# kept in patches/BASE/cover-letter.txt (first paragraph: subject).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:?usage: lab/export.sh BASE}
check_base "$base"
wt=$(tree_dir "$base" patched)
dir=$(series_dir "$base")
[ -d "$wt" ] || die "no worktree $wt (run lab/series.sh $base)"
n=$(git -C "$wt" rev-list --count "base-$base..HEAD")
[ "$n" -gt 0 ] || die "branch patched of $base has no commits on base-$base: nothing to export"
[ -f "$dir/cover-letter.txt" ] || die "$dir/cover-letter.txt is missing (subject, blank line, text)"
[ -z "$(git -C "$wt" status --porcelain)" ] || die "$wt has uncommitted changes"

git -C "$wt" config branch.patched.description "$(cat "$dir/cover-letter.txt")"
rm -f "$dir"/[0-9][0-9][0-9][0-9]-*.patch
git -C "$wt" format-patch -q --cover-letter --cover-from-description=subject \
	--zero-commit --subject-prefix="${LAB_SUBJECT_PREFIX:-PATCH net}" \
	-o "$dir" "base-$base..HEAD"
gd=$(git -C "$wt" rev-parse --absolute-git-dir)
mapfile -t files < <(series_files "$base")
stamp=$( (printf '%s\n' "${files[@]##*/}"; cat "${files[@]}") | sha256sum | cut -c1-16)
echo "$stamp $(git -C "$wt" rev-parse HEAD)" >"$gd/lab-series"
say "exported $n patch(es) and a cover letter to $dir"
