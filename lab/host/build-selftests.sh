#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/host/build-selftests.sh BASE VARIANT TEST...: net selftests with kselftest's
# install rule.  The named tools/testing/selftests/net tests of a tree, with
# the tree's own uapi headers, into build/.../.o-kselftest/install.
# Only the programs that the named test scripts use are compiled (the whole
# net target also wants clang/BPF and YNL); prints the install directory.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

[ $# -ge 2 ] || die "usage: lab/host/build-selftests.sh BASE VARIANT TEST..."
base=$1 variant=$2
shift 2
lock_base "$base"
src=$(tree_dir "$base" "$variant")
out=$src/.o-kselftest
net=$src/tools/testing/selftests/net
mkdir -p "$out"
log=$out/build.log

make -C "$src" O="$out/hdr" headers >"$log" 2>&1 || die "make headers failed, see $log"
files=$(make_var "$net" TEST_GEN_FILES TEST_GEN_PROGS_EXTENDED 2>>"$log")
progs=$(make_var "$net" TEST_GEN_PROGS 2>>"$log")
scripts=() gen=() cprogs=()
for t in "$@"; do
	if [[ " $progs " == *" $t "* ]]; then
		cprogs+=("$t")	# a C test program, run as it is
	elif [ -f "$net/$t" ]; then
		scripts+=("$t")	# a script, and the programs it runs
		for p in $files $progs; do
			grep -qw -- "$p" "$net/$t" && gen+=("$p")
		done
	else
		die "no net selftest '$t' in $src (neither a script nor in TEST_GEN_PROGS)"
	fi
done
# Given on the command line, these lists bypass lib.mk's $(OUTPUT)/ prefix.
o=$out/build/kselftest/net
# Installed beside the old one and swapped in by rename: a guest of
# another job may be running the installed tests meanwhile.
rm -rf "$out/install.new" "$out/install.old"
make -C "$src/tools/testing/selftests" TARGETS=net O="$out/build" \
	KHDR_INCLUDES="-isystem $out/hdr/usr/include" \
	TEST_PROGS="${scripts[*]}" \
	TEST_GEN_FILES="${gen[*]/#/$o/}" TEST_GEN_PROGS="${cprogs[*]/#/$o/}" \
	TEST_GEN_PROGS_EXTENDED= TEST_PROGS_EXTENDED= YNL_GEN_FILES= YNL_GENS= \
	INSTALL_PATH="$out/install.new" install >>"$log" 2>&1 ||
	die "building the net selftests $* failed, see $log"
[ -z "$(git -C "$src" status --porcelain --untracked-files=all tools)" ] ||
	die "the selftest build wrote into $src/tools (see $log)"
[ ! -d "$out/install" ] || mv "$out/install" "$out/install.old"
mv "$out/install.new" "$out/install"
rm -rf "$out/install.old"
say "kselftest: net tests $* built in $out/install (log: $log)"
echo "$out/install"
