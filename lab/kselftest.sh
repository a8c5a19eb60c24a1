#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/kselftest.sh BASE VARIANT TEST...: build and install the named
# tools/testing/selftests/net tests of a tree, with the kselftest install
# rule and the tree's own uapi headers, into build/.../.o-kselftest/install.
# Only the programs that the named test scripts use are compiled (the whole
# net target also wants clang/BPF and YNL); prints the install directory.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:?usage: lab/kselftest.sh BASE VARIANT TEST...}
variant=${2:?variant}
shift 2
src=$(tree_dir "$base" "$variant")
out=$src/.o-kselftest
net=$src/tools/testing/selftests/net
mkdir -p "$out"
log=$out/build.log

make -C "$src" O="$out/hdr" headers >"$log" 2>&1 || die "make headers failed, see $log"
all=$(make -s -C "$net" -f Makefile -f - lab-print-gen 2>>"$log" <<'MK'
lab-print-gen:
	@echo $(notdir $(TEST_GEN_FILES) $(TEST_GEN_PROGS) $(TEST_GEN_PROGS_EXTENDED))
MK
)
gen=()
for t in "$@"; do
	[ -f "$net/$t" ] || die "no test $t in $net"
	for p in $all; do
		grep -qw -- "$p" "$net/$t" && gen+=("$p")
	done
done
rm -rf "$out/install"
make -C "$src/tools/testing/selftests" TARGETS=net O="$out/build" \
	KHDR_INCLUDES="-isystem $out/hdr/usr/include" \
	TEST_PROGS="$*" TEST_GEN_FILES="${gen[*]}" TEST_GEN_PROGS= \
	TEST_GEN_PROGS_EXTENDED= TEST_PROGS_EXTENDED= YNL_GEN_FILES= YNL_GENS= \
	INSTALL_PATH="$out/install" install >>"$log" 2>&1 ||
	die "building the net selftests $* failed, see $log"
say "kselftest: net tests $* built (${gen[*]:-no programs}) in $out/install"
echo "$out/install"
