#!/bin/bash
# The window that patch 2 closes, widened by a debugging delay: patch 1
# alone loses RSTs through it, the whole series none.
. "$(dirname "$0")/lib.sh"
lab/investigate/widen-window.sh "$BASE" 2
