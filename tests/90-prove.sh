# The proof: tcp_rst_timewait fails on the unpatched kernel in at least
# RUNS-1 of RUNS runs and passes every run on the patched one, and
# fin_ack_lat.sh passes on the patched kernel.
. "$(dirname "$0")/lib.sh"
lab/prove.sh "$BASE" "${PROVE_RUNS:-20}"
