#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/lint.sh BASE: checkpatch.pl --strict on every patch of patches/BASE/,
# then W=1 and sparse (C=2) on the C files the series touches, in the
# unpatched and the patched tree: a warning only the patched tree has fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:?usage: lab/lint.sh BASE}
check_base "$base"
"$LAB_DIR/series.sh" "$base"
src=$(tree_dir "$base" patched)
mapfile -t files < <(series_files "$base")
[ ${#files[@]} -gt 0 ] || die "patches/$base/ has no patches"
command -v sparse >/dev/null || die "sparse is not installed (make deps)"
bad=0

# spdxcheck.py wants Debian's python3 (with ply and git), not another one.
# The base is one commit with no upstream history, so checkpatch cannot
# resolve any commit id a changelog cites (UNKNOWN_COMMIT_ID): the ids are
# checked against upstream when the series is written, not here.
for f in "${files[@]}"; do
	if out=$(cd "$src" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict \
			--max-line-length=80 --ignore UNKNOWN_COMMIT_ID "$f" 2>&1); then
		say "checkpatch --strict: ${f##*/}: clean"
	else
		printf '%s\n' "$out" >&2
		say "checkpatch --strict: ${f##*/}: NOT clean"
		bad=1
	fi
done

# The kernel objects of the C files under net/ that the series changes.
mapfile -t objs < <(git -C "$src" diff --name-only "base-$base" HEAD -- 'net/*.c' 'kernel/*.c' |
	sed 's/\.c$/.o/')
for v in unpatched patched; do
	t=$(tree_dir "$base" $v)
	o=$(obj_dir "$base" $v "$LAB_FLAVOUR")
	"$LAB_DIR/kbuild.sh" "$base" $v "$LAB_FLAVOUR" >/dev/null
	[ ${#objs[@]} -eq 0 ] && continue
	make -C "$t" O="$o" CC="ccache gcc" C=2 W=1 "${objs[@]}" 2>&1 |
		grep -E 'warning:|error:' | sed -E "s|^.*/(net/)|\1|; s/:[0-9]+:[0-9]+:/:/" |
		sort -u >"$o/lint-$v.txt" || true
done
if [ ${#objs[@]} -gt 0 ]; then
	u=$(obj_dir "$base" unpatched "$LAB_FLAVOUR")/lint-unpatched.txt
	p=$(obj_dir "$base" patched "$LAB_FLAVOUR")/lint-patched.txt
	new=$(comm -13 "$u" "$p")
	say "W=1 C=2 on ${objs[*]}: $(wc -l <"$u") warnings unpatched, $(wc -l <"$p") patched"
	if [ -n "$new" ]; then
		printf '%s\n' "$new" >&2
		say "W=1 C=2: new warnings in the patched tree"
		bad=1
	fi
fi
[ $bad -eq 0 ] && say "lint $base: clean"
exit $bad
