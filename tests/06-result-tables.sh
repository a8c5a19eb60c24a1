#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The tables are made apart from the runs, from result files, and a missing
# or renamed value is an error, never a zero.  Checked-in samples
# (tests/data/, copied from real runs), no guest.
. "$(dirname "$0")/lib.sh"

# prove: 7.3 (every case) and 6.1 (no TCP-AO: its cases skip) pass.
expect_rc 0 "$tmp/p73" lab/jobs/prove-table.sh tests/data/prove-7.3
expect_msg "$tmp/p73" '^  ipv4\.ao +3/3 / 0/3 '
expect_msg "$tmp/p73" 'failed 3/3 runs unpatched .*, 0/3 patched .*: yes; fin_ack_lat.sh on patched: exit 0$'
expect_rc 0 "$tmp/p61" lab/jobs/prove-table.sh tests/data/prove-6.1
expect_msg "$tmp/p61" 'ipv4\.ao +skipped on both kernels \(no CONFIG_TCP_AO in 6.1\)'

# A kernel that does not lose segments fails the proof: the patched
# results given as the unpatched ones.
cp -r tests/data/prove-7.3 "$tmp/clean"
rm -rf "$tmp/clean/unpatched/out"
cp -r tests/data/prove-7.3/patched/out "$tmp/clean/unpatched/out"
expect_rc 1 "$tmp/o1" lab/jobs/prove-table.sh "$tmp/clean"
expect_msg "$tmp/o1" 'failed 0/3 runs unpatched'
# A case skipped on a kernel that has its option fails it.
cp -r tests/data/prove-7.3 "$tmp/skip"
sed -i '/ipv4\.md5/d' "$tmp"/skip/*/out/*.log
for f in "$tmp"/skip/*/out/*.log; do sed -i 's/^1\.\.8$/1..8\nok 2 tcp_rst_timewait.ipv4.md5 # SKIP no TCP-MD5 in this kernel/' "$f"; done
expect_rc 1 "$tmp/o2" lab/jobs/prove-table.sh "$tmp/skip"
expect_msg "$tmp/o2" 'ipv4\.md5 +skipped on both kernels, although they have CONFIG_TCP_MD5SIG'

# A result line reworded, a key renamed, a line missing, a run missing:
# each an error that names what is missing (exit 2: no table can be made).
bad() {	# bad NAME SED-EXPR REGEX: the sample with SED-EXPR applied to run 2 fails saying REGEX
	rm -rf "${tmp:?}/$1"
	cp -r tests/data/prove-7.3 "$tmp/$1"
	sed -i "$2" "$tmp/$1/unpatched/out/tcp_rst_timewait-2.log"
	[ -n "$3" ] || return 0
	expect_rc 2 "$tmp/$1.out" lab/jobs/prove-table.sh "$tmp/$1"
	expect_msg "$tmp/$1.out" "$3"
}
bad reworded 's/^\(# ipv6\.rst: [0-9]* connections\), .*/\1 and none lost/' 'no lost for ipv6\.rst'
bad renamed 's/ lost,/ RSTs lost,/' 'no lost for ipv4\.rst'
bad noline '/^# ipv4\.fin: /d' 'no lost for ipv4\.fin'
bad noktap '/^not ok 3 tcp_rst_timewait\.ipv4\.ao$/d' 'no KTAP result for ipv4\.ao'
bad renumbered 's/^not ok 3 tcp_rst_timewait\.ipv4\.ao$/not ok 3 tcp_rst_timewait.ipv4.fin/' 'no KTAP result for ipv4\.ao \(test 3 is'
bad twice '/^# ipv4\.rst: /p' 'no lost for ipv4\.rst'
bad norun 's/x/x/' ''
rm "$tmp/norun/unpatched/out/tcp_rst_timewait-3.rc"
expect_rc 2 "$tmp/o3" lab/jobs/prove-table.sh "$tmp/norun"
expect_msg "$tmp/o3" 'no output of run'

# cost: the sample (7.3, 3 boots of each kernel) gives its six rows; a
# boot without its TCP_RR result, or a loop run with errors, is an error.
expect_rc 0 "$tmp/c" lab/jobs/cost-table.sh tests/data/cost
[ "$(grep -c '^| \(TCP_RR\|RST loop\|FIN loop\) IPv[46], per ' "$tmp/c")" -eq 6 ] || fail "not six rows"
expect_msg "$tmp/c" '^\| TCP_RR IPv4, per transaction \| 30291 \| \+-0\.10% \| 30334 \| \+-0\.05% \| 0 \| \+43 \| \+0\.14% \| within the spread \|$'
cp -r tests/data/cost "$tmp/cost"
rm "$tmp/cost/7.3/patched-2/out/rr6-3.log"
expect_rc 2 "$tmp/c1" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c1" 'no result file .*patched-2/out/rr6-3.log'
rm -rf "$tmp/cost" && cp -r tests/data/cost "$tmp/cost"
sed -i 's/ errors=0 / errors=2 /' "$tmp/cost/7.3/unpatched-3/out/fin.log"
expect_rc 2 "$tmp/c2" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c2" 'ipv4_fin had errors'
rm -rf "$tmp/cost" && cp -r tests/data/cost "$tmp/cost"
rm -r "$tmp/cost/7.3/patched-3"
expect_rc 2 "$tmp/c3" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c3" 'round 3 has no patched boot'

# stress: the sample (7.3, debug flavour, a real make stress) passes; the
# control's results given as the patched kernel's, a splat, a slab that
# did not come back, a failed guest each fail it; a renamed key or a
# missing line is an error.
expect_rc 0 "$tmp/s" lab/jobs/stress-table.sh tests/data/stress-7.3
expect_msg "$tmp/s" '^\| patched \| 20 of 20 \(0\) \| 0 \| [0-9]+ s \| [0-9]+ \([0-9]+\) \| [0-9]+ \| 0 \| [1-9][0-9]* \([0-9]+\) \| [0-9]+ / [0-9]+ / [0-9]+ \| 0 \| 0 \| [0-9]+ s \|$'
expect_msg "$tmp/s" '^\| unpatched \| [0-9]+ of 20 \([0-9]+\) \| [1-9][0-9]* \|'
expect_msg "$tmp/s" '^the patched debug kernel: passes'
stress() {	# stress NAME: a fresh copy of the sample in $tmp/NAME
	rm -rf "${tmp:?}/$1"
	cp -r tests/data/stress-7.3 "$tmp/$1"
}
stress swapped
rm -r "$tmp/swapped/patched/out"
cp -r tests/data/stress-7.3/unpatched/out "$tmp/swapped/patched/out"
expect_rc 1 "$tmp/s1" lab/jobs/stress-table.sh "$tmp/swapped"
expect_msg "$tmp/s1" '^the patched debug kernel: FAILS'
# broken NAME FILE SED-EXPR RC REGEX: the copy $tmp/NAME, with SED-EXPR
# applied to its FILE, exits RC saying REGEX (1 a kernel that is not clean,
# 2 a result that cannot be read, 124 a guest that timed out)
broken() {
	sed -i "$3" "$tmp/$1/$2"
	expect_rc "$4" "$tmp/$1.out" lab/jobs/stress-table.sh "$tmp/$1"
	expect_msg "$tmp/$1.out" "$5"
}
stress splat
echo '[  99.1] refcount_t: underflow; use-after-free.' >"$tmp/splat/patched/out/splats.log"
broken splat patched/out/stress.result 's/^# dmesg: splats=0 /# dmesg: splats=1 /' 1 \
	'^patched: NOT clean \(1 splat lines, first: \[  99.1\] refcount_t: underflow'
stress slab
broken slab patched/out/stress.result 's/^\(# tw_objects: boot=[0-9]* peak=[0-9]*\) end=[0-9]*/\1 end=7/' 1 \
	'^patched: NOT clean \(timewait objects 7 at the end'
stress guest
broken guest patched.result 's/exit=0/exit=124/' 124 'the patched guest did not run to the end \(exit 124\)'
stress renamed
broken renamed patched/out/stress.result '/^# selftest:/s/ lost=/ lost_rsts=/' 2 'no lost for selftest in the result lines'
stress noline
broken noline unpatched/out/stress.result '/^# kmemleak:/d' 2 'no available for kmemleak in the result lines'
# kmemleak that did not run: not clean where the kernel has it, n/a where
# it does not.
stress nokmemleak
sed -i 's/^# kmemleak: .*/# kmemleak: available=0/' "$tmp"/nokmemleak/*/out/stress.result
expect_rc 1 "$tmp/s7" lab/jobs/stress-table.sh "$tmp/nokmemleak"
expect_msg "$tmp/s7" '^patched: NOT clean \(kmemleak did not run, although the kernel has it\)'
sed -i 's/^CONFIG_DEBUG_KMEMLEAK=y/# CONFIG_DEBUG_KMEMLEAK is not set/' "$tmp"/nokmemleak/*.config
expect_rc 0 "$tmp/s8" lab/jobs/stress-table.sh "$tmp/nokmemleak"
expect_msg "$tmp/s8" '^\| patched \| 20 of 20 \(0\) \|.* \| n/a \| 0 \| [0-9]+ s \|$'
# The control is reported, not judged; alone, it is only reported.
stress control
sed -i 's/^# dmesg: splats=0 /# dmesg: splats=2 /' "$tmp/control/unpatched/out/stress.result"
printf 'WARNING: one\nWARNING: two\n' >"$tmp/control/unpatched/out/splats.log"
expect_rc 0 "$tmp/s9" lab/jobs/stress-table.sh "$tmp/control"
expect_msg "$tmp/s9" '^unpatched: NOT clean \(2 splat lines, first: WARNING: one\)'
rm -r "$tmp/control/patched" "$tmp/control/patched.result"
expect_rc 0 "$tmp/s10" lab/jobs/stress-table.sh "$tmp/control"
grep -q '^the patched' "$tmp/s10" && fail "a verdict on a patched kernel that did not run"

# The readers fail inside a condition too (as lab/guest/stress uses them):
# a key missing from one of two logs is no sum.
printf '# tw_hold_ipv4: time_wait=20 fin_wait2=20 wanted=20\n' >"$tmp/full"
printf '# tw_hold_ipv4: time_wait=20 wanted=20\n' >"$tmp/partial"
bash -c '. lab/lib.sh; if v=$(result_sum fin_wait2 tw_hold_ipv4 "$0" "$1"); then echo "summed $v"; exit 1; fi' \
	"$tmp/full" "$tmp/partial" || fail "result_sum summed a missing value"
bash -c '. lab/lib.sh; v=$(result_sum fin_wait2 tw_hold_ipv4 "$0" "$0") && [ "$v" = 40 ]' "$tmp/full" ||
	fail "result_sum did not sum"
