#!/bin/bash
# The 6.1 stable backport passes every submit check, its backport of
# b8ec80b13021 included.
. "$(dirname "$0")/lib.sh"
expect_rc 0 "$tmp/ok" lab/jobs/submit-check.sh 6.1
expect_msg "$tmp/ok" '^submit-check 6.1: [0-9]+ passed, 0 failed, 1 warnings$'
expect_msg "$tmp/ok" '^pass  Fixes: and upstream commits: '
# b8ec80b13021's backport is also a standalone [PATCH 6.1.y] that applies alone.
expect_msg "$tmp/ok" '^pass  standalone patches: 1 in standalone/'
