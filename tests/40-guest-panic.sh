#!/bin/bash
# A guest kernel that panics ends the run with a clear message.
. "$(dirname "$0")/lib.sh"
expect_rc 1 "$tmp/out" $LAB run "$BASE" --timeout 60 -- 'echo c >/proc/sysrq-trigger'
expect_msg "$tmp/out" 'guest panicked'
