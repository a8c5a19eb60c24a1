#!/bin/bash
# The window between the lookup and the signature check, widened by a
# debugging delay: a TCP-MD5 or TCP-AO signed RST that is checked after
# the move to TIME_WAIT must still reach the timewait socket with the
# series (TCP-AO refuses a socket in TCP_CLOSE; patch 2 looks it up again).
. "$(dirname "$0")/lib.sh"
lab/investigate/widen-window.sh "$BASE" 2 hash
