#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/run.sh [NAME...]: the lab's own tests (tests/[0-9]*.sh), each one a
# script that exits 0 when it passes.  Logs go to build/test-logs/.  The
# last line is "N passed, N failed"; the exit status is 1 if any failed.
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
for t in "${tests[@]}"; do
	[ -f "$t" ] || { echo "no test $t"; fail=$((fail + 1)); continue; }
	name=$(basename "$t" .sh)
	s=$SECONDS
	echo "--- $name"
	if bash "$t" >"$logs/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $name ($((SECONDS - s))s)"
	else
		fail=$((fail + 1))
		echo "FAIL $name ($((SECONDS - s))s), log: $logs/$name.log"
		tail -n 15 "$logs/$name.log" | sed 's/^/     | /'
	fi
done
echo "tests took $((SECONDS - t0))s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
