#!/bin/bash
# The series of the default base passes every submit check; the only
# warning is the lab's placeholder identity.  A copy with a wrong Fixes:
# subject and a wrong tree tag fails, naming both.
. "$(dirname "$0")/lib.sh"
expect_rc 0 "$tmp/ok" lab/jobs/submit-check.sh "$BASE"
expect_msg "$tmp/ok" "^submit-check $BASE: [0-9]+ passed, 0 failed, 1 warnings$"
expect_msg "$tmp/ok" '^warn  identity: '
for c in 'git am' subjects 'cover letter' 'Fixes: and upstream commits' Signed-off-by \
	'checkpatch --strict' 'b4 prep' 'selftest registered' kernel-doc 'W=1 C=2'; do
	expect_msg "$tmp/ok" "^pass  $c: "
done
mkdir -p "$tmp/patches"
cp -r "patches/$BASE" "$tmp/patches/"
sed -i -E 's/^(Fixes: [0-9a-f]+ \(")/\1Not /; s/^Subject: \[PATCH net-next /Subject: [PATCH net /' \
	"$tmp/patches/$BASE"/0001-*.patch
expect_rc 1 "$tmp/bad" env LAB_PATCHES="$tmp/patches" lab/jobs/submit-check.sh "$BASE"
expect_msg "$tmp/bad" '^FAIL  subjects: 0001-'
expect_msg "$tmp/bad" "^FAIL  Fixes: and upstream commits: 0001-.* is not in lab/data/upstream-commits.txt"
# submit-check applied the altered copy to the lab's patched tree: put the
# real series back for the tests that follow.
lab/host/apply-series.sh "$BASE"
