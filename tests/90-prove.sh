#!/bin/bash
# The proof: tcp_rst_timewait fails on the unpatched kernel in at least
# RUNS-1 of RUNS runs and passes every run on the patched one, and
# fin_ack_lat.sh passes on the patched kernel.  10 runs each here, so that
# make check fits CI's 90 minutes; make prove runs 20 (the README's table).
. "$(dirname "$0")/lib.sh"
lab/jobs/prove.sh "$BASE" "${LAB_PROVE_RUNS:-10}"
