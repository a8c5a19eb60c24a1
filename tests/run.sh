#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/run.sh [NAME...]: the lab's own tests (tests/[0-9]*.sh), each one a
# script that exits 0 when it passes, 1 when what it checks failed, 2 when
# the lab could not run and 124 on a timeout (the lab's exit codes, see
# docs/lab.md).  Logs go to build/test-logs/.  The last line is "N passed,
# N failed", the line before it what the failures were; the exit status is
# 1 if any failed.
cd "$(dirname "$0")/.." || exit 1
logs=build/test-logs
mkdir -p "$logs"
if [ $# -gt 0 ]; then
	tests=()
	for n in "$@"; do tests+=(tests/*"$n"*.sh); done
else
	tests=(tests/[0-9]*.sh)
fi
pass=0 fail=0 t0=$SECONDS
declare -A why=([1]=0 [2]=0 [124]=0 [other]=0)
for t in "${tests[@]}"; do
	[ -f "$t" ] || { echo "no test $t"; fail=$((fail + 1)); continue; }
	name=$(basename "$t" .sh)
	s=$SECONDS
	echo "--- $name"
	rc=0
	bash "$t" >"$logs/$name.log" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok   $name ($((SECONDS - s))s)"
	else
		fail=$((fail + 1))
		case $rc in
		1) what="FAIL" ;;
		2) what="FAIL (the lab could not run)" ;;
		124) what="FAIL (timed out)" ;;
		*) what="FAIL (exit $rc)" rc=other ;;
		esac
		why[$rc]=$((why[$rc] + 1))
		echo "$what $name ($((SECONDS - s))s), log: $logs/$name.log"
		tail -n 15 "$logs/$name.log" | sed 's/^/     | /'
	fi
done
echo "tests took $((SECONDS - t0))s"
[ "$fail" -eq 0 ] || echo "failures: ${why[1]} a check failed, ${why[2]} the lab could not run, ${why[124]} timed out, ${why[other]} other"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
