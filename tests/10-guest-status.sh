#!/bin/bash
# A guest command's exit status is the lab's: success, and failure.
. "$(dirname "$0")/lib.sh"
# shellcheck disable=SC2016 # expanded in the guest
expect_rc 0 "$tmp/ok" $LAB run "$BASE" -- 'echo smoke; uname -r; test $(nproc) -ge 2'
expect_msg "$tmp/ok" '^smoke'
expect_rc 7 "$tmp/bad" $LAB run "$BASE" -- 'echo about to fail; exit 7'
expect_msg "$tmp/bad" 'exited with status 7'
expect_rc 1 "$tmp/false" $LAB run "$BASE" --patched -- false
