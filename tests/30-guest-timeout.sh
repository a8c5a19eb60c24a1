#!/bin/bash
# A hanging guest is killed by its timeout, with a clear message.
. "$(dirname "$0")/lib.sh"
expect_rc 124 "$tmp/out" $LAB run "$BASE" --timeout 25 -- 'sleep 600'
expect_msg "$tmp/out" 'timed out after 25s'
