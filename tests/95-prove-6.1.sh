# The 6.1 series, proven like the 6.12 one: the selftest fails on Debian's
# 6.1.192 in at least RUNS-1 of RUNS runs and passes every run patched.
. "$(dirname "$0")/lib.sh"
lab/prove.sh 6.1 "${PROVE_RUNS:-10}"
