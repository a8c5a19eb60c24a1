#!/bin/bash
# Patch 1 without its skb->dev restore (the RFC ported literally) oopses
# in the xfrm policy check of the timewait path.
. "$(dirname "$0")/lib.sh"
lab/investigate/rfc-literal-oops.sh "$BASE"
