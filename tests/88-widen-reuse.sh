#!/bin/bash
# The window that the rculist_nulls.h patch closes, widened by debugging
# delays: a lookup reads a full socket after its move to TIME_WAIT freed it
# and a new child reused its memory.  The series without that patch loses
# RSTs through it, the whole series none.
. "$(dirname "$0")/lib.sh"
lab/investigate/widen-window.sh "$BASE" 2 reuse
