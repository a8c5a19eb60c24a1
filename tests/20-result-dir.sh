# The result directory round-trips a file; the host root is read-only.
. "$(dirname "$0")/lib.sh"
run=$PWD/build/runs/test-result-dir
rm -rf "$run"
token=$RANDOM$RANDOM
echo "$token" >"$tmp/in"
expect_rc 0 "$tmp/out" $LAB run "$BASE" --run "$run" -- \
	"cp $tmp/in \$LAB_OUT/copy && sha256sum $PWD/lab/lab >\$LAB_OUT/sum &&
	 ! touch $PWD/should-not-exist 2>/dev/null"
[ "$(cat "$run/out/copy")" = "$token" ] || fail "file did not round-trip"
[ "$(cut -d' ' -f1 "$run/out/sum")" = "$(sha256sum lab/lab | cut -d' ' -f1)" ] ||
	fail "guest saw another host file"
[ ! -e should-not-exist ] || fail "guest wrote to the host root"
[ -s "$run/out/dmesg.log" ] || fail "no dmesg.log kept"
