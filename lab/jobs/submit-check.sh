#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/submit-check.sh BASE: netdev patchwork's checks: git am, checkpatch,
# W=1, sparse, tags.  Those that can run here, on patches/BASE/.  One line per check:
#   pass  CHECK: detail
#   FAIL  CHECK: detail
#   warn  CHECK: detail    (does not fail: the placeholder identity the lab signs with)
# and a last line "submit-check BASE: N passed, N failed, N warnings".
# Exits 1 when any check failed.
#
# The newest base is the one posted upstream, to UPSTREAM_TREE (lab/lib.sh):
# "[PATCH net-next N/M]".  Older bases are stable backports: "[PATCH X.Y.y N/M]".
# Fixes: tags and "commit <sha> upstream." lines are checked against the base
# tree's history where it has the commit (a LAB_TREE with history), else
# lab/data/upstream-commits.txt (kept offline); the selftests the series add
# and the options they need against lab/data/selftests.txt.  W=1 and sparse
# compile only the touched objects of a prepared tree (no kernel build needed).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

base=${1:-}
[ -n "$base" ] || die "usage: lab/jobs/submit-check.sh BASE"
take_base "$base"
dir=$(series_dir "$base")
[ -d "$dir" ] || die "there is no $base series: $dir does not exist"
mapfile -t files < <(series_files "$base")
[ ${#files[@]} -gt 0 ] || die "patches/$base/ holds no patches"
newest=$(newest_base)
if [ "$base" = "$newest" ]; then tree=$UPSTREAM_TREE; else tree=$base.y; fi
n=${#files[@]}
npass=0 nfail=0 nwarn=0

report() {	# report pass|FAIL|warn CHECK DETAIL
	printf '%-5s %s: %s\n' "$1" "$2" "$3"
	case $1 in pass) npass=$((npass + 1)) ;; FAIL) nfail=$((nfail + 1)) ;; warn) nwarn=$((nwarn + 1)) ;; esac
}
check() {	# check CHECK DETAIL-IF-PASS PROBLEMS: FAIL when PROBLEMS is not empty
	local p
	p=$(tr -s ' \n' '  ' <<<"$3")
	p=${p# }
	if [ -z "$3" ]; then report pass "$1" "$2"; else report FAIL "$1" "${p% }"; fi
}
subject() { sed -n '/^Subject: /{N;s/\n / /;s/^Subject: //p;q}' "$1" | head -n 1; }
header() { sed -n "/^\$/q;s/^$1: //p" "$2" | head -n 1; }
body() { sed -n '/^$/,/^---$/p' "$1"; }
fault() { problems+=" ${f##*/}: $*"; }	# fault TEXT: a problem of the patch $f
try_am() {	# try_am WORKTREE PATCH: git am, or abort it and print why it failed
	local out
	out=$(git -C "$1" am -q "$2" 2>&1) && return
	git -C "$1" am --abort >/dev/null 2>&1 || true
	grep -m1 -E 'error|fail' <<<"$out" || tail -n 1 <<<"$out"
	return 1
}

# 1. git am onto a clean tree of the base, in a worktree of its own.
"$LAB_DIR/host/base-tree.sh" "$base"
src=$(tree_dir "$base" unpatched)
wt=$(mktemp -d "$LAB_BUILD/submit-check-$base.XXXXXX")
b4_branch=b4/submit-check-$$
trap 'git -C "$src" worktree remove --force "$wt" >/dev/null 2>&1 || true; rm -rf "$wt" "$wt.b4" || true
	git -C "$src" branch -D "$b4_branch" >/dev/null 2>&1 || true' EXIT
git -C "$src" worktree add -q --detach "$wt" "base-$base"
problems=
for f in "${files[@]}"; do
	why=$(try_am "$wt" "$f") || { problems="${f##*/} does not apply: $why"; break; }
done
check "git am" "$n patches apply to a clean base-$base ($(git -C "$src" log -1 --format=%s "base-$base"))" "$problems"
applied=$([ -z "$problems" ] && echo yes || echo no)

# 2. Subjects: "[PATCH TREE i/n] prefix: text", known prefixes, and a cover
#    letter "[PATCH TREE 0/n]" when there is more than one patch.
problems=
i=0
for f in "${files[@]}"; do
	i=$((i + 1))
	s=$(subject "$f")
	[[ $s =~ ^\[PATCH\ ${tree//./\\.}\ 0*$i/0*$n\]\ (tcp|inet|ipv6|net|selftests:\ net):\ [^\ ] ]] ||
		fault "'$s' (want '[PATCH $tree $i/$n] <tcp|inet|ipv6|net|selftests: net>: ...')"
done
check "subjects" "$n patches, [PATCH $tree i/$n], prefixes tcp:, inet:, selftests: net:" "$problems"
cover=$dir/0000-cover-letter.patch
problems=
if [ "$n" -gt 1 ] && [ ! -f "$cover" ]; then
	problems="no 0000-cover-letter.patch"
elif [ "$n" -gt 1 ]; then
	s=$(subject "$cover")
	[[ $s =~ ^\[PATCH\ ${tree//./\\.}\ 0*0/0*$n\]\ [a-z] ]] || problems+=" subject '$s'"
	! grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE \*\*\*' "$cover" || problems+=" template text left"
	[ -n "$(header To "$cover")" ] || problems+=" no To:"
fi
check "cover letter" "[PATCH $tree 0/$n], To: $(header To "$cover" 2>/dev/null)" "$problems"

# 2b. Standalone backports (patches/BASE/standalone/, lab/host/export-series.sh):
#     each applies alone to a clean base as "[PATCH X.Y.y] ...", and is the
#     same change as one of the series' patches (git patch-id).
if [ -d "$dir/standalone" ]; then
	problems='' ns=0
	ids=$(for g in "${files[@]}"; do git patch-id --stable <"$g"; done | cut -d' ' -f1)
	wt1=$(mktemp -d "$LAB_BUILD/submit-check-$base-alone.XXXXXX")
	git -C "$src" worktree add -q --detach "$wt1" "base-$base"
	for f in "$dir"/standalone/*.patch; do
		[ -f "$f" ] || continue
		ns=$((ns + 1))
		s=$(subject "$f")
		[[ $s =~ ^\[PATCH\ ${tree//./\\.}\]\ [a-z] ]] || fault "subject '$s'"
		git -C "$wt1" reset -q --hard "base-$base"
		why=$(try_am "$wt1" "$f") || { problems+=" ${f##*/} does not apply alone: $why"; continue; }
		id=$(git patch-id --stable <"$f" | cut -d' ' -f1)
		grep -qxF "$id" <<<"$ids" || fault "not the same change as any patch of the series"
	done
	git -C "$src" worktree remove --force "$wt1" >/dev/null 2>&1 || true
	rm -rf "$wt1"
	[ "$ns" -gt 0 ] || problems+=" standalone/ holds no patch"
	check "standalone patches" "$ns in standalone/, each applies alone to base-$base, as [PATCH $tree], the same change as in the series" "$problems"
fi

# 3. Tags: Fixes: and "commit <sha> upstream." name real commits with the
#    subject they really have; every From: has a matching Signed-off-by.
problems='' nfix=0
known() {	# known SHA SUBJECT: the base tree's history (a LAB_TREE with it) or lab/data/upstream-commits.txt has it
	local s
	if s=$(git -C "$src" log -1 --format=%s "$1^{commit}" -- 2>/dev/null) && [ -n "$s" ]; then
		[ -z "$2" ] || [ "$s" = "$2" ]
		return
	fi
	awk -v sha="$1" -v subj="$2" '/^#/ || NF < 2 { next }
		{ s = $0; sub(/^[^ ]+ /, "", s)
		  if ((index($1, sha) == 1 || index(sha, $1) == 1) && (subj == "" || s == subj)) f = 1 }
		END { exit !f }' "$LAB_DIR/data/upstream-commits.txt"
}
unknown="is not in lab/data/upstream-commits.txt (nor in the base tree's history)"
for f in "${files[@]}"; do
	while read -r line; do
		nfix=$((nfix + 1))
		if [[ $line =~ ^Fixes:\ ([0-9a-f]{12,40})\ \(\"(.*)\"\)$ ]]; then
			known "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" || fault "'$line' $unknown with that subject"
		else
			fault "malformed '$line' (want: Fixes: <12+ hex> (\"subject\"))"
		fi
	done < <(body "$f" | grep '^Fixes:' || true)
	while read -r sha; do
		nfix=$((nfix + 1))
		known "$sha" "" || fault "'commit $sha upstream.' $unknown"
	done < <(body "$f" | sed -n 's/^commit \([0-9a-f]*\) upstream\.$/\1/p')
	# commit <sha> ("subject") in the text, a subject possibly wrapped
	while read -r ref; do
		nfix=$((nfix + 1))
		[[ $ref =~ ^commit\ ([0-9a-f]+)\ \(\"(.*)\"\)$ ]] &&
			known "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" && continue
		fault "'$ref' $unknown with that subject"
	done < <(body "$f" | grep -v '^Fixes:' | tr '\n' ' ' | tr -s ' ' | grep -oE 'commit [0-9a-f]{12,40} \("[^"]+"\)' || true)
done
check "Fixes: and upstream commits" "$nfix references, each with its real subject" "$problems"
problems='' placeholder=''
for f in "${files[@]}"; do
	from=$(header From "$f")
	# (no "grep -q" after a pipe: under pipefail, sed's SIGPIPE would fail it)
	grep -qxF "Signed-off-by: $from" <<<"$(body "$f")" || fault "no 'Signed-off-by: $from'"
	if grep -q '^\(From\|Signed-off-by\): .*<lab@localhost>' "$f"; then placeholder+=" ${f##*/}"; fi
done
check "Signed-off-by" "every patch signed off by its author (From:)" "$problems"
[ -z "$placeholder" ] ||
	report warn "identity" "signed off as the lab's placeholder (Kernel Lab <lab@localhost>) in$placeholder: re-sign with a real identity before sending"

# 4. checkpatch --strict.  The base is one commit with no history, so
#    checkpatch cannot resolve commit ids (UNKNOWN_COMMIT_ID): step 3 checks
#    them.  FILE_PATH_CHANGES ("does MAINTAINERS need updating?") comes with
#    every new file, and MAINTAINERS' "F: tools/testing/selftests/net/"
#    entries already cover a new net selftest (get_maintainer.pl gives them).
#    spdxcheck.py wants Debian's python3 (ply, git).  The checkpatch is the
#    newest base's, the one maintainers run today, also on a stable backport
#    (6.1's own does not know the Closes: tag, for one).
problems=
cp_src=$(LAB_TREE='' tree_dir "$newest" unpatched)
[ -x "$cp_src/scripts/checkpatch.pl" ] || LAB_TREE='' "$LAB_DIR/host/base-tree.sh" "$newest" >&2
for f in "${files[@]}"; do
	out=$(cd "$cp_src" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict \
		--max-line-length=80 --ignore UNKNOWN_COMMIT_ID,FILE_PATH_CHANGES "$f" 2>&1) ||
		fault "$(grep -m1 -E '^(ERROR|WARNING|CHECK)' <<<"$out" || tail -n 1 <<<"$out")"
done
check "checkpatch --strict" "$n patches clean (the checkpatch of base $newest)" "$problems"

if [ "$applied" != yes ]; then
	report FAIL "build checks" "skipped: the series does not apply"
else
	# 4b. b4, as the series is prepared and sent: b4 prep enrolls the applied
	#     series (a branch of the git am worktree), takes cover-letter.txt, the
	#     tree's prefix and To/Cc from get_maintainer.pl (--auto-to-cc), and
	#     runs its checks (--check, with step 4's checkpatch but without
	#     --strict; -C: no cache).  Its only findings may be the two that step 4
	#     ignores, and why.  The user's git and b4 settings are kept out.
	b4=$("$LAB_DIR/host/fetch-tools.sh")/b4
	cover_txt=$(cd "$dir" && pwd -P)/cover-letter.txt
	[ -f "$cover_txt" ] || die "$cover_txt is missing (subject, blank line, text)"
	git -C "$wt" checkout -q -B "$b4_branch"
	problems=
	b4out=$wt.b4
	b4env=(env GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_COUNT=2
		GIT_CONFIG_KEY_0=core.editor GIT_CONFIG_VALUE_0="cp -- $(printf %q "$cover_txt")"
		GIT_CONFIG_KEY_1=b4.prep-perpatch-check-cmd
		GIT_CONFIG_VALUE_1="$(printf %q "$cp_src/scripts/checkpatch.pl") -q --terse --no-summary --mailback --showfile"
		PATH="/usr/bin:$PATH")	# checkpatch's spdxcheck.py wants Debian's python3 (ply)
	b4prep() { "${b4env[@]}" "$b4" prep "$@"; }
	(cd "$wt" && b4prep -e "base-$base" && b4prep --edit-cover && b4prep --set-prefixes "$tree" &&
		b4prep --auto-to-cc) >"$b4out" 2>&1 || problems="b4 prep failed: $(tail -n 1 "$b4out")"
	# No "| head" or "| grep -q" after git here: git flushes each commit
	# into a pipe, and under pipefail a reader that stops early makes a
	# SIGPIPE of it (exit 141, seen in CI).
	cover=$(git -C "$wt" rev-list --reverse "base-$base..$b4_branch")
	cover=${cover%%$'\n'*}
	cover_text=$(git -C "$wt" log -1 --format=%B "$cover") || cover_text=
	[ -n "$problems" ] || [[ $cover_text != *EDITME* ]] ||
		problems="b4 prep kept its EDITME cover letter: cover-letter.txt was not taken"
	if [ -z "$problems" ]; then
		(cd "$wt" && b4prep -C --check) 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$b4out" || true
		tally=$(grep -E '^Success: [0-9]+, Warning: [0-9]+, Error: [0-9]+$' "$b4out") ||
			problems="b4 prep --check gave no tally: $(tail -n 1 "$b4out")"
		findings=$(grep -E 'checkpatch\.pl: ' "$b4out" |
			grep -vE "WARNING: Unknown commit id|WARNING: added, moved or deleted file\(s\), does MAINTAINERS need updating\?") || true
		[ -z "$findings" ] || problems+=" $(head -n 3 <<<"$findings")"
		[[ ${tally:-} == *", Error: 0" ]] || problems+=" b4 prep --check: ${tally:-no tally}"
		recipients=$(grep -cE '^(To|Cc): ' <<<"$cover_text" || true)
	fi
	check "b4 prep" "enrolled with [PATCH $tree], ${recipients:-0} recipients from get_maintainer.pl; --check: ${tally:-}, only unknown commit ids and the new file's MAINTAINERS question" "$problems"
	rm -f "$b4out"

	# 5. The selftests the series add: in TEST_GEN_PROGS, net/.gitignore; their options in net/config.
	problems='' added=''
	net=$wt/tools/testing/selftests/net
	progs=$(make_var "$net" TEST_GEN_PROGS 2>/dev/null | tr ' ' '\n')
	for t in $(git -C "$wt" diff --name-only --diff-filter=A "base-$base" HEAD -- 'tools/testing/selftests/net/*.c' |
			sed 's|.*/||; s/\.c$//'); do
		added+=" $t"
		grep -qx "$t" <<<"$progs" || problems+=" $t not in TEST_GEN_PROGS;"
		grep -qx "$t" "$net/.gitignore" 2>/dev/null || problems+=" $t not in net/.gitignore;"
		opts=$(awk -v t="$t" '$1 == t { $1 = ""; print }' "$LAB_DIR/data/selftests.txt")
		[ -n "$opts" ] || problems+=" $t not in lab/data/selftests.txt;"
		for o in $opts; do
			grep -qx "$o=[ym]" "$net/config" || problems+=" $t needs $o, not in net/config;"
		done
	done
	[ -n "$added" ] || problems="the series adds no selftest under tools/testing/selftests/net/"
	check "selftest registered" "${added# }: Makefile TEST_GEN_PROGS, net/.gitignore, net/config" "$problems"

	# 6. kernel-doc on the touched C files and headers: no new warning.
	mapfile -t touched < <(git -C "$wt" diff --name-only --diff-filter=AM "base-$base" HEAD -- '*.c' '*.h' ':!tools/*')
	kdoc() {	# kdoc TREE: kernel-doc warnings of the touched files, without line numbers
		(cd "$1" && for t in "${touched[@]}"; do [ ! -f "$t" ] || ./scripts/kernel-doc -none -Wall "$t" 2>&1; done) |
			sed -E 's/(\.[ch]):[0-9]+/\1/' | sort -u
	}
	new=$(comm -13 <(kdoc "$src") <(kdoc "$wt"))
	check "kernel-doc" "${#touched[@]} touched files, no new warning" "$new"

	# 7. W=1 and sparse (C=2) on the touched objects, unpatched and patched.
	#    The patched objects build from the series' own tree (lab/host/apply-series.sh).
	"$LAB_DIR/host/apply-series.sh" "$base"
	mapfile -t objs < <(printf '%s\n' "${touched[@]}" | grep -E '^(net|kernel)/.*\.c$' | sed 's/\.c$/.o/')
	w1() {	# w1 VARIANT: W=1 C=2 warnings of the touched objects, without line numbers
		local t o log obj
		t=$(tree_dir "$base" "$1")
		o=$(obj_dir "$base" "$1" "$LAB_FLAVOUR")
		log=$o/submit-check-$1.log
		"$LAB_DIR/host/build-kernel.sh" "$base" "$1" "$LAB_FLAVOUR" --prepare
		rm -f "${objs[@]/#/$o/}"
		make -C "$t" O="$o" CC="ccache gcc" HOSTCC="ccache gcc" CHECK="$sparse" C=2 W=1 \
			"${objs[@]}" >"$log" 2>&1 || echo "error: make failed, see $log"
		# Kbuild turns sparse off, with only a warning, when it fails
		# scripts/checker-valid.sh: that must not pass as "no warning".
		! grep -q 'is not available or not up to date' "$log" || echo "error: sparse did not run (see $log)"
		for obj in "${objs[@]}"; do
			grep -qE "^  CHECK +(\.\./)?${obj%.o}\.c$" "$log" ||
				echo "error: sparse did not check ${obj%.o}.c ($1)"
		done
		grep -E 'warning:|error:' "$log" | sed -E "s|^.*/(net/)|\1|; s/:[0-9]+:[0-9]+:/:/" | sort -u || true
	}
	sparse=$("$LAB_DIR/host/build-sparse.sh" "$base")
	u=$(w1 unpatched)
	p=$(w1 patched)
	new=$( (grep '^error: ' <<<"$u" || true; comm -13 <(echo "$u") <(echo "$p")) | sort -u)
	check "W=1 C=2" "${objs[*]}: $(grep -c . <<<"$p" || true) warnings patched, as unpatched (sparse: $sparse)" "$new"
fi

echo "submit-check $base: $npass passed, $nfail failed, $nwarn warnings"
[ "$nfail" -eq 0 ]
