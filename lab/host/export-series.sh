#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/export-series.sh BASE: git format-patch build/src/BASE-patched to
# patches/BASE.  Branch "patched", with --cover-letter.  The cover letter's
# subject and text are kept in patches/BASE/cover-letter.txt (first
# paragraph: subject).
#
# The newest base is the series posted upstream: "[PATCH net-next N/M]"
# (UPSTREAM_TREE in lab/lib.sh), To: netdev, Cc: what scripts/get_maintainer.pl
# gives for the series.  Older bases are stable backports: "[PATCH X.Y.y N/M]",
# To: stable, Cc: netdev and the same people.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/host/export-series.sh BASE"
take_base "$base"
wt=$(tree_dir "$base" patched)
dir=$(series_dir "$base")
[ -d "$wt" ] || die "no worktree $wt (run lab/host/apply-series.sh $base)"
n=$(git -C "$wt" rev-list --count "base-$base..HEAD")
[ "$n" -gt 0 ] || die "branch patched of $base has no commits on base-$base: nothing to export"
[ -f "$dir/cover-letter.txt" ] || die "$dir/cover-letter.txt is missing (subject, blank line, text)"
[ -z "$(git -C "$wt" status --porcelain)" ] || die "$wt has uncommitted changes"

newest=$(newest_base)
if [ "$base" = "$newest" ]; then
	prefix="PATCH $UPSTREAM_TREE" to=netdev@vger.kernel.org
else
	prefix="PATCH $base.y" to=stable@vger.kernel.org
fi
# cc_of PATCH...: get_maintainer.pl on the patches themselves, as b4 and
# git send-email users run it; no git history here, so no --git fallback.
cc_of() (cd "$wt" && ./scripts/get_maintainer.pl --no-rolestats --no-git --no-git-fallback \
	"$@" 2>/dev/null | grep -vxF "$to")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$wt" format-patch -q -o "$tmp" "base-$base..HEAD"
mapfile -t cc < <(cc_of "$tmp"/*.patch)
[ ${#cc[@]} -gt 0 ] || die "scripts/get_maintainer.pl gave no address for the $base series"

git -C "$wt" config branch.patched.description "$(cat "$dir/cover-letter.txt")"
rm -f "$dir"/[0-9][0-9][0-9][0-9]-*.patch
# The cover letter is dated as the last patch, not now: an export of the
# same series gives the same files.
GIT_COMMITTER_DATE=$(git -C "$wt" log -1 --format=%aD) git -C "$wt" format-patch -q --cover-letter --cover-from-description=subject \
	--zero-commit --subject-prefix="$prefix" --to="$to" "${cc[@]/#/--cc=}" \
	-o "$dir" "base-$base..HEAD"
# A stable base's backports of upstream commits ("commit <sha> upstream.")
# are also exported alone, as single [PATCH X.Y.y] mails that can be sent
# to stable before the rest of the series is upstream: patches/BASE/standalone/.
rm -rf "$dir/standalone"
if [ "$base" != "$newest" ]; then
	for c in $(git -C "$wt" log --reverse --format=%H --grep='^commit [0-9a-f]\{40\} upstream\.$' "base-$base..HEAD"); do
		git -C "$wt" format-patch -q -1 -o "$tmp/one" "$c"
		mapfile -t cc1 < <(cc_of "$tmp"/one/*.patch)
		rm -rf "$tmp/one"
		git -C "$wt" format-patch -q -1 --zero-commit --subject-prefix="$prefix" \
			--to="$to" "${cc1[@]/#/--cc=}" -o "$dir/standalone" "$c"
	done
fi
gd=$(git -C "$wt" rev-parse --absolute-git-dir)
mapfile -t files < <(series_files "$base")
stamp=$( (printf '%s\n' "${files[@]##*/}"; cat "${files[@]}") | sha256sum | cut -c1-16)
echo "$stamp $(git -C "$wt" rev-parse HEAD)" >"$gd/lab-series"
say "exported $n patch(es) and a cover letter to $dir ([$prefix], To: $to, ${#cc[@]} Cc)"
