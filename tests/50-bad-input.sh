#!/bin/bash
# Bad input: clear errors and a non-zero exit, before anything boots.
. "$(dirname "$0")/lib.sh"
expect_rc 2 "$tmp/o1" $LAB run 9.99 -- true
expect_msg "$tmp/o1" "unknown base '9.99': Debian has no package linux-source-9.99"
expect_rc 2 "$tmp/o2" $LAB run six -- true
expect_msg "$tmp/o2" "bad base 'six'"
expect_rc 2 "$tmp/o3" $LAB run "$BASE" --flavour nosuch -- true
expect_msg "$tmp/o3" "unknown flavour 'nosuch'"
expect_rc 2 "$tmp/o4" $LAB run "$BASE"
expect_msg "$tmp/o4" "no command given"
expect_rc 2 "$tmp/o5" $LAB boot "$tmp/no-such-bzImage" -- true
expect_msg "$tmp/o5" "no kernel image"
expect_rc 2 "$tmp/o6" env LAB_NEED_GB=999999 $LAB build "$BASE"
expect_msg "$tmp/o6" "not enough space"
touch "$tmp/x"
expect_rc 2 "$tmp/o7" $LAB boot --accel warp "$tmp/x" -- true
expect_msg "$tmp/o7" "--accel takes tcg, icount or kvm"
expect_rc 2 "$tmp/o8" lab/jobs/prove.sh "$BASE" zero
expect_msg "$tmp/o8" "RUNS must be a positive whole number, not 'zero'"
expect_rc 2 "$tmp/o9" lab/jobs/demo.sh 9.99
expect_msg "$tmp/o9" "unknown base '9.99'"
mkdir -p "$tmp/nopatches/$BASE"
expect_rc 2 "$tmp/o10" env LAB_PATCHES="$tmp/nopatches" lab/jobs/demo.sh "$BASE"
expect_msg "$tmp/o10" "there is no $BASE series yet"
expect_rc 2 "$tmp/o11" lab/jobs/stress.sh "$BASE" bogus
expect_msg "$tmp/o11" "unknown variant 'bogus'"
expect_rc 2 "$tmp/o12" env LAB_STRESS_SECONDS=0 lab/jobs/stress.sh "$BASE"
expect_msg "$tmp/o12" "LAB_STRESS_SECONDS must be a positive whole number, not '0'"
expect_rc 2 "$tmp/o12r" env LAB_STRESS_RUNS=0 lab/jobs/stress.sh "$BASE"
expect_msg "$tmp/o12r" "LAB_STRESS_RUNS must be a positive whole number, not '0'"
expect_rc 2 "$tmp/o12t" lab/jobs/stress-table.sh "$tmp"
expect_msg "$tmp/o12t" "is not a stress result directory"
expect_rc 2 "$tmp/o13" lab/jobs/stress.sh 9.99
expect_msg "$tmp/o13" "unknown base '9.99'"
expect_rc 2 "$tmp/o14" env LAB_ROUNDS=0 lab/jobs/demo.sh "$BASE"
expect_msg "$tmp/o14" "LAB_ROUNDS must be a positive whole number, not '0'"
expect_rc 2 "$tmp/o15" env LAB_ROUNDS=x lab/jobs/cost.sh "$BASE"
expect_msg "$tmp/o15" "LAB_ROUNDS must be a positive whole number, not 'x'"
expect_rc 2 "$tmp/o16" $LAB run "$BASE" --timeout
expect_msg "$tmp/o16" "option --timeout needs a value"
expect_rc 2 "$tmp/o17" $LAB boot --smp
expect_msg "$tmp/o17" "option --smp needs a value"
expect_rc 2 "$tmp/o18" $LAB nosuch-job
expect_msg "$tmp/o18" "no job 'nosuch-job'"
expect_rc 2 "$tmp/o19" lab/jobs/cost-table.sh "$tmp/no-such-dir"
expect_msg "$tmp/o19" "no cost run directory"
expect_rc 2 "$tmp/o20" lab/jobs/prove-table.sh "$tmp"
expect_msg "$tmp/o20" "not a prove result directory"
expect_rc 2 "$tmp/o21" env LAB_CRR_N=0 lab/jobs/cost.sh "$BASE"
expect_msg "$tmp/o21" "LAB_CRR_N must be a positive whole number, not '0'"
expect_rc 2 "$tmp/o22" lab/investigate/count-insns.sh "$BASE" 100 bogus
expect_msg "$tmp/o22" "unknown workload 'bogus' \(rr or closed\)"
expect_rc 2 "$tmp/o22l" lab/investigate/loop-variants.sh "$BASE" 1 100 -Z
expect_msg "$tmp/o22l" "not options of rfc_loop: '-Z'"
gcc -O2 -Wall -pthread -o "$tmp/tcp_rr" lab/workload/tcp_rr.c || fail "tcp_rr does not build"
expect_rc 2 "$tmp/o23" "$tmp/tcp_rr" -4 10 bogus
expect_msg "$tmp/o23" "usage: tcp_rr -4\|-6 \[TRANSACTIONS > 0\] \[rr\|crr\|closed\]"
