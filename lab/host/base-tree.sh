#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/base-tree.sh BASE: Debian's linux-source-BASE as a git tree
# (build/src/BASE), tag base-BASE.  One commit, plus a worktree on branch
# "patched" for the series.
# With LAB_TREE=DIR, the base is DIR's checked-out commit instead, in a
# clone that shares DIR's objects (git clone --shared): DIR itself is not
# written to, and its history is there for submit-check's Fixes: check.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/host/base-tree.sh BASE"
take_base "$base"
src=$(tree_dir "$base" unpatched)
pt=$(tree_dir "$base" patched)
tag=base-$base

want=
[ -z "${LAB_TREE:-}" ] || want=$(git -C "$LAB_TREE" rev-parse 'HEAD^{commit}')
if git -C "$src" rev-parse -q --verify "refs/tags/$tag" >/dev/null 2>&1 &&
	{ [ -z "$want" ] || [ "$(git -C "$src" rev-parse "$tag^{commit}")" = "$want" ]; }; then
	[ -d "$pt" ] || git -C "$src" worktree add -q "$pt" -B patched "$tag"
	exit 0
fi

git_setup() {
	git -C "$src" config user.name "Kernel Lab"
	git -C "$src" config user.email "lab@localhost"
	git -C "$src" config gc.auto 0
	printf '/.o-*/\n' >>"$src/.git/info/exclude"
}
if [ -n "${LAB_TREE:-}" ]; then
	need_space "$LAB_BUILD" "${LAB_NEED_GB:-3}"
	say "cloning $LAB_TREE (shared objects) at $(git -C "$LAB_TREE" log -1 --format='%h ("%s")' "$want")"
	[ ! -d "$pt" ] || [ -z "$(git -C "$pt" status --porcelain 2>/dev/null)" ] ||
		die "$pt has uncommitted changes: commit and export them, or remove it, before the base moves to $want"
	[ -z "$(git -C "$LAB_TREE" status --porcelain --untracked-files=no)" ] ||
		say "LAB_TREE has uncommitted changes: the base is its commit, without them"
	rm -rf "$src" "$pt"
	mkdir -p "$(dirname "$src")"
	git clone -q --shared --no-checkout "$LAB_TREE" "$src" || die "git clone --shared $LAB_TREE failed"
	git -C "$src" checkout -q --detach "$want"
	git_setup
else
	read -r tarball version < <("$LAB_DIR/host/fetch-source.sh" "$base") ||
		die "no source tarball for base $base"
	need_space "$LAB_BUILD" "${LAB_NEED_GB:-10}"
	say "unpacking $tarball (Debian $version)"
	rm -rf "$src" "$pt"
	mkdir -p "$src"
	tar -xf "$tarball" -C "$src" --strip-components=1
	cd "$src"
	# Debian's tarball ends its .gitignore with "/*" and "!/debian/": every top
	# level path would be ignored.  Drop that packaging block so the tree
	# behaves like an upstream checkout (new files can be added normally).
	perl -0pi -e 's/\n*#\n# Debian packaging: ignore everything.*\z/\n/s' .gitignore
	git init -q -b base
	git_setup
	git add -A
	# The tree is the tarball: also track what its own .gitignore hides (the
	# dot-files, e.g. tools/testing/selftests/net/.gitignore, under ".*").
	git ls-files -z --others --ignored --exclude-standard |
		git add -f --pathspec-from-file=- --pathspec-file-nul
	git commit -q -m "Debian linux-source-$base $version" \
		-m "Unpacked from $tarball, with the Debian packaging block of .gitignore removed."
	[ -n "$(git ls-files Makefile)" ] || die "base commit of $src is empty"
fi
git -C "$src" tag -f "$tag" >/dev/null
git -C "$src" worktree add -q "$pt" -B patched "$tag"
say "base $base: $(git -C "$src" log --oneline -1) in $src"
