#!/bin/bash
# The window that the lookup patch closes, widened by a debugging delay:
# the series without it loses RSTs through it, the whole series none.
. "$(dirname "$0")/lib.sh"
lab/investigate/widen-window.sh "$BASE" 2
