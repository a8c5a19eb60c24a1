#!/bin/bash
# The result directory round-trips a file; the guest sees host files (also
# under the host's /tmp and /var/tmp) and what it writes elsewhere (vng's
# writable layers over /usr, /tmp, /var) never reaches the host.
. "$(dirname "$0")/lib.sh"
run=$PWD/build/runs/test-result-dir
rm -rf "$run"
token=$RANDOM$RANDOM
vtmp=$(mktemp -d /var/tmp/lab-test.XXXXXX)
trap 'rm -rf "$tmp" "$vtmp"' EXIT
echo "$token" >"$tmp/in"
echo "$token" >"$vtmp/in"
expect_rc 0 "$tmp/out" $LAB run "$BASE" --run "$run" -- \
	"cp $tmp/in \$LAB_OUT/copy && sha256sum $PWD/lab/lab >\$LAB_OUT/sum &&
	 cp $vtmp/in \$LAB_OUT/copy-var && touch /usr/.lab-should-not-exist &&
	 echo guest-only >$tmp/guest-write && echo guest-only >$vtmp/guest-write"
[ "$(cat "$run/out/copy")" = "$token" ] || fail "file did not round-trip"
[ "$(cat "$run/out/copy-var")" = "$token" ] || fail "the guest did not see the host's /var/tmp"
[ "$(cut -d' ' -f1 "$run/out/sum")" = "$(sha256sum lab/lab | cut -d' ' -f1)" ] ||
	fail "guest saw another host file"
[ ! -e /usr/.lab-should-not-exist ] || fail "guest wrote to the host root"
[ ! -e "$tmp/guest-write" ] || fail "a guest write under /tmp reached the host"
[ ! -e "$vtmp/guest-write" ] || fail "a guest write under /var/tmp reached the host"
[ -s "$run/out/dmesg.log" ] || fail "no dmesg.log kept"
