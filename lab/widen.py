#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""lab/widen.py TREE: a debugging aid, never part of a series.  Widens
the window in which an established-hash lookup has matched a socket but
not yet taken a reference on it: the lookup waits 300 us when another CPU
holds that socket's spinlock (for instance while it turns the socket into
a timewait socket).  lab/widen.sh builds kernels with it."""
import sys

tree = sys.argv[1]
edits = [
    ("net/ipv4/inet_hashtables.c",
     "\t\tif (likely(inet_match(net, sk, acookie, ports, dif, sdif))) {\n",
     "\t\t\tLAB_WIDEN(sk);\n"),
    ("net/ipv6/inet6_hashtables.c",
     "\t\tif (!inet6_match(net, sk, saddr, daddr, ports, dif, sdif))\n\t\t\tcontinue;\n",
     "\t\tLAB_WIDEN(sk);\n"),
]
macro = ("#include <linux/delay.h>\n"
         "#define LAB_WIDEN(sk) do { if (sk_fullsock(sk) && "
         "spin_is_locked(&(sk)->sk_lock.slock)) udelay(300); } while (0)\n")
for path, anchor, line in edits:
    p = f"{tree}/{path}"
    s = open(p).read()
    if "LAB_WIDEN" in s:
        continue
    if s.count(anchor) != 1:
        sys.exit(f"widen: anchor not found once in {path}")
    s = s.replace(anchor, anchor + line)
    s = s.replace("#include <net/inet_hashtables.h>\n",
                  "#include <net/inet_hashtables.h>\n" + macro, 1)
    if macro not in s:
        sys.exit(f"widen: no include to hook in {path}")
    open(p, "w").write(s)
