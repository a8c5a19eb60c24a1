#!/bin/bash
# The 6.12 stable backport passes every submit check (its kernel is not
# built for it: W=1 and sparse compile the touched objects only).
. "$(dirname "$0")/lib.sh"
expect_rc 0 "$tmp/ok" lab/jobs/submit-check.sh 6.12
expect_msg "$tmp/ok" '^submit-check 6.12: [0-9]+ passed, 0 failed, 1 warnings$'
