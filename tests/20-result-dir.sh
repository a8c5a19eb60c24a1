#!/bin/bash
# The result directory round-trips a file; the guest sees host files (also
# under the host's /tmp) but cannot write to the host's root.
. "$(dirname "$0")/lib.sh"
run=$PWD/build/runs/test-result-dir
rm -rf "$run"
token=$RANDOM$RANDOM
echo "$token" >"$tmp/in"
expect_rc 0 "$tmp/out" $LAB run "$BASE" --run "$run" -- \
	"cp $tmp/in \$LAB_OUT/copy && sha256sum $PWD/lab/lab >\$LAB_OUT/sum &&
	 ! touch /usr/.lab-should-not-exist 2>/dev/null &&
	 echo guest-only >$tmp/guest-write"
[ "$(cat "$run/out/copy")" = "$token" ] || fail "file did not round-trip"
[ "$(cut -d' ' -f1 "$run/out/sum")" = "$(sha256sum lab/lab | cut -d' ' -f1)" ] ||
	fail "guest saw another host file"
[ ! -e /usr/.lab-should-not-exist ] || fail "guest wrote to the host root"
[ ! -e "$tmp/guest-write" ] || fail "a guest write under /tmp reached the host"
[ -s "$run/out/dmesg.log" ] || fail "no dmesg.log kept"
