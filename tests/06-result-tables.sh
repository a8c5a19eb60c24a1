#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The tables are made apart from the runs, from result files, and a missing
# or renamed value is an error, never a zero.  Checked-in samples
# (tests/data/, copied from real runs), no guest.
. "$(dirname "$0")/lib.sh"

# prove: 7.3 (every case) and 6.1 (no TCP-AO: its cases skip) pass.
expect_rc 0 "$tmp/p73" lab/jobs/prove-table.sh tests/data/prove-7.3
expect_msg "$tmp/p73" '^  ipv4_ao +3/3 / 0/3 '
expect_msg "$tmp/p73" 'failed 3/3 runs unpatched .*, 0/3 patched .*: yes; fin_ack_lat.sh on patched: exit 0$'
expect_rc 0 "$tmp/p61" lab/jobs/prove-table.sh tests/data/prove-6.1
expect_msg "$tmp/p61" 'ipv4_ao +skipped on both kernels \(no CONFIG_TCP_AO in 6.1\)'

# A kernel that does not lose segments fails the proof: the patched
# results given as the unpatched ones.
cp -r tests/data/prove-7.3 "$tmp/clean"
rm -rf "$tmp/clean/unpatched/out"
cp -r tests/data/prove-7.3/patched/out "$tmp/clean/unpatched/out"
expect_rc 1 "$tmp/o1" lab/jobs/prove-table.sh "$tmp/clean"
expect_msg "$tmp/o1" 'failed 0/3 runs unpatched'
# A case skipped on a kernel that has its option fails it.
cp -r tests/data/prove-7.3 "$tmp/skip"
sed -i '/ipv4_md5/d' "$tmp"/skip/*/out/*.log
for f in "$tmp"/skip/*/out/*.log; do sed -i 's/^1\.\.8$/1..8\nok 3 # SKIP ipv4_md5: no TCP-MD5/' "$f"; done
expect_rc 1 "$tmp/o2" lab/jobs/prove-table.sh "$tmp/skip"
expect_msg "$tmp/o2" 'ipv4_md5 +skipped on both kernels, although they have CONFIG_TCP_MD5SIG'

# A result line reworded, a key renamed, a line missing, a run missing:
# each an error that names what is missing.
bad() {	# bad NAME SED-EXPR REGEX: the sample with SED-EXPR applied to run 2 fails saying REGEX
	rm -rf "${tmp:?}/$1"
	cp -r tests/data/prove-7.3 "$tmp/$1"
	sed -i "$2" "$tmp/$1/unpatched/out/tcp_rst_timewait-2.log"
	[ -n "$3" ] || return 0
	expect_rc 1 "$tmp/$1.out" lab/jobs/prove-table.sh "$tmp/$1"
	expect_msg "$tmp/$1.out" "$3"
}
bad reworded 's/^# ipv6_rst: connections=.*/# ipv6_rst: 2000 connections, 0 lost/' 'no lost for ipv6_rst'
bad renamed 's/ lost=\([0-9]*\)/ lost_rsts=\1/' 'no lost for ipv4_rst'
bad noline '/^# ipv4_fin: connections=/d' 'no lost for ipv4_fin'
bad noktap '/^not ok 5 ipv4_ao$/d' 'no KTAP result for ipv4_ao'
bad twice '/^# ipv4_rst: connections=/p' 'no lost for ipv4_rst'
bad norun 's/x/x/' ''
rm "$tmp/norun/unpatched/out/tcp_rst_timewait-3.rc"
expect_rc 1 "$tmp/o3" lab/jobs/prove-table.sh "$tmp/norun"
expect_msg "$tmp/o3" 'no output of run'

# cost: the sample (7.3, 3 boots of each kernel) gives its six rows; a
# boot without its TCP_RR result, or a loop run with errors, is an error.
expect_rc 0 "$tmp/c" lab/jobs/cost-table.sh tests/data/cost
[ "$(grep -c '^| \(TCP_RR\|RST loop\|FIN loop\) IPv[46], per ' "$tmp/c")" -eq 6 ] || fail "not six rows"
expect_msg "$tmp/c" '^\| TCP_RR IPv4, per transaction \| 30291 \| \+-0\.10% \| 30334 \| \+-0\.05% \| 0 \| \+43 \| \+0\.14% \| within the spread \|$'
cp -r tests/data/cost "$tmp/cost"
rm "$tmp/cost/7.3/patched-2/out/rr6-3.log"
expect_rc 1 "$tmp/c1" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c1" 'no result file .*patched-2/out/rr6-3.log'
rm -rf "$tmp/cost" && cp -r tests/data/cost "$tmp/cost"
sed -i 's/ errors=0 / errors=2 /' "$tmp/cost/7.3/unpatched-3/out/fin.log"
expect_rc 1 "$tmp/c2" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c2" 'ipv4_fin had errors'
rm -rf "$tmp/cost" && cp -r tests/data/cost "$tmp/cost"
rm -r "$tmp/cost/7.3/patched-3"
expect_rc 1 "$tmp/c3" lab/jobs/cost-table.sh "$tmp/cost"
expect_msg "$tmp/c3" 'round 3 has no patched boot'
