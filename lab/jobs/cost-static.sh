#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/jobs/cost-static.sh BASE...: instructions added to tcp_v{4,6}_rcv(), from
# objdump.  Counted in the disassembly of the built objects, unpatched
# against patched, in two builds: "tiny" (-Os, the guests of
# lab/jobs/cost.sh) and "o2" (CONFIG_CC_OPTIMIZE_FOR_PERFORMANCE, as
# distributions build).  Per function: its size in instructions, and
# the test every segment now passes after bh_lock_sock(), the flags of a
# RST or FIN, from the lock call to the first conditional branch, listed
# and counted.  The rest of the difference is the slow path (the state
# test and the second lookup) and register allocation, which
# lab/investigate/count-insns.sh and lab/jobs/cost.sh measure at run time.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# -gt 0 ] || die "usage: lab/jobs/cost-static.sh BASE..."
for base in "$@"; do check_base "$base"; done

# insns OBJ FUNC: FUNC's disassembly, one instruction per line, without
# addresses; a call names its target (from the relocation)
insns() {
	objdump -d --no-show-raw-insn -r "$1" | awk -v fn="$2" '
		$0 ~ "^[0-9a-f]+ <" fn ">:$" { f = 1; next }
		f && /^$/ { f = 0 }
		!f { next }
		$2 ~ /^R_X86_64_/ { sub(/-0x[0-9a-f]+$/, "", $3); if (last ~ /^call/) last = "call " $3; next }
		{ if (last != "") print last; sub(/^ *[0-9a-f]+:[ \t]+/, ""); gsub(/[ \t]+/, " "); last = $0 }
		END { if (last != "") print last }'
}
# flags_test INSNS: from the call of the socket lock to the first
# conditional branch (the test of RST and FIN): the count, then the
# instructions
flags_test() {
	awk '/^call .*spin_lock/ { n = 0; buf = ""; on = 1; next }
		on { n++; buf = buf "    " $0 "\n"
			if ($1 ~ /^j/ && $1 != "jmp") { printf "%d\n%s", n, buf; exit }
			if (n > 12) on = 0 }' "$1"
}

echo "| base | build | function | unpatched | patched | added | of which the flags test after the lock |"
echo "|---|---|---|---:|---:|---:|---:|"
listing=
mkdir -p "$LAB_BUILD/cost-static"
for base in "$@"; do
	lock_base "$base"	# the objects are built here, beside build-kernel.sh
	for flavour in tiny o2; do
		for v in unpatched patched; do
			o=$(obj_dir "$base" $v $flavour)
			"$LAB_DIR/host/build-kernel.sh" "$base" $v $flavour --prepare
			make -C "$(tree_dir "$base" $v)" O="$o" CC="ccache gcc" HOSTCC="ccache gcc" \
				net/ipv4/tcp_ipv4.o net/ipv6/tcp_ipv6.o >>"$o/build.log" 2>&1 ||
				die "building tcp_ipv4.o/tcp_ipv6.o of $base $v $flavour failed, see $o/build.log"
		done
		for fn in tcp_v4_rcv:net/ipv4/tcp_ipv4.o tcp_v6_rcv:net/ipv6/tcp_ipv6.o; do
			f=${fn%%:*} obj=${fn#*:}
			u=$LAB_BUILD/cost-static/$base-$flavour-$f-unpatched.s p=${u%-unpatched.s}-patched.s
			insns "$(obj_dir "$base" unpatched $flavour)/$obj" "$f" >"$u"
			insns "$(obj_dir "$base" patched $flavour)/$obj" "$f" >"$p"
			nu=$(grep -c . "$u") np=$(grep -c . "$p")
			if [ "$nu" -lt 100 ] || [ "$np" -lt 100 ]; then die "$base $flavour: no $f in $obj"; fi
			t=$(flags_test "$p")
			[ -n "$t" ] || die "$base $flavour $f: no branch after a lock call in $p"
			printf '| %s | %s | %s() | %d | %d | %+d | %d |\n' "$base" $flavour "$f" "$nu" "$np" $((np - nu)) "$(head -n1 <<<"$t")"
			[ -n "$listing" ] || listing="$base $flavour $f(), after the lock call:"$'\n'$(tail -n +2 <<<"$t")
		done
	done
done
echo
echo "$listing"
echo "(listings of every function: $LAB_BUILD/cost-static/)"
