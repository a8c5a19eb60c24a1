#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""lab/investigate/widen-window.py TREE [lookup|hash|hashdance|reuse]: the delays of widen-window.sh, put in a scratch tree.
A debugging aid, never part of a series.
Widens a window by a wait of 300 us when another CPU holds the socket's
spinlock (for instance while it turns the socket into a timewait socket).
lab/investigate/widen-window.sh builds kernels with it.  WINDOW:
  lookup  (default) an established-hash lookup has matched a socket but
          not yet taken a reference on it;
  hash    tcp_v{4,6}_rcv() hold a full socket and are about to check a
          RST's TCP-MD5 or TCP-AO signature with its keys;
  hashdance  the move to TIME_WAIT sets the timewait socket's refcount
          300 us later (always: no other CPU holds that socket), which
          in a tree without upstream b8ec80b13021 is after the timewait
          socket was published with a refcount of zero;
  reuse   a lookup that has loaded a full socket locked by another CPU
          reads it 2 ms later, and a new child socket waits 500 us
          between its copy of the listener and its hashing: the full
          socket, freed meanwhile by its move to TIME_WAIT, is read
          while its memory is such a child (SLAB_TYPESAFE_BY_RCU), whose
          hash does not match and whose next pointer is the old one."""
import sys

tree = sys.argv[1]
window = sys.argv[2] if len(sys.argv) > 2 else "lookup"
# The anchors hold in every base, with or without the series: the
# lookups' reference on a match, and the top of their walks.
take_ref = "if (unlikely(!refcount_inc_not_zero(&sk->sk_refcnt)))"
walk = "sk_nulls_for_each_rcu(sk, node, &head->chain) {\n"
lookup_edits = [
    (path, take_ref, "LAB_WIDEN(sk); " + take_ref)
    for path in ("net/ipv4/inet_hashtables.c", "net/ipv6/inet6_hashtables.c")
]
# The line before the signature check of the full-socket path, in every
# base (tcp_inbound_hash() since 6.7, tcp_inbound_md5_hash() before).
hash_edits = [
    (path, anchor, "\n\tif (th->rst)\n\t\tLAB_WIDEN(sk);" + anchor)
    for path, anchor in (
        ("net/ipv4/tcp_ipv4.c", "\n\tdrop_reason = tcp_inbound_"),
        ("net/ipv6/tcp_ipv6.c", "\n\tdrop_reason = tcp_inbound_"))
]
hashdance_edits = [
    ("net/ipv4/inet_timewait_sock.c", "\trefcount_set(&tw->tw_refcnt, 3);\n",
     "\tudelay(300);\n\trefcount_set(&tw->tw_refcnt, 3);\n"),
]
reuse_edits = [
    (path, walk, walk + "\t\tLAB_WIDEN_READ(sk);\n")
    for path in ("net/ipv4/inet_hashtables.c", "net/ipv6/inet6_hashtables.c")
] + [
    (path, "\t*own_req = inet_ehash_nolisten(newsk, ",
     "\tudelay(500);\n\t*own_req = inet_ehash_nolisten(newsk, ")
    for path in ("net/ipv4/tcp_ipv4.c", "net/ipv6/tcp_ipv6.c")
]
if window not in ("lookup", "hash", "hashdance", "reuse"):
    sys.exit(f"widen: unknown window {window} (lookup, hash, hashdance or reuse)")


def edit(path, anchor, replacement, hook, hooked):
    """Replace the one ANCHOR of PATH, and add HOOKED after its #include HOOK."""
    p = f"{tree}/{path}"
    s = open(p).read()
    if replacement in s:
        return  # applied already
    if s.count(anchor) != 1:
        sys.exit(f"widen: anchor not found once in {path}")
    if hook not in s:
        sys.exit(f"widen: no include to hook in {path}")
    s = s.replace(anchor, replacement).replace(hook, hook + hooked, 1)
    open(p, "w").write(s)


delay_h = "#include <linux/delay.h>\n"
widen = (delay_h + "#define LAB_WIDEN(sk) do { if (sk_fullsock(sk) && "
         "spin_is_locked(&(sk)->sk_lock.slock)) udelay(300); } while (0)\n")
widen_read = (delay_h + "#define LAB_WIDEN_READ(sk) do { if (sk_fullsock(sk) && "
              "spin_is_locked(&(sk)->sk_lock.slock)) mdelay(2); } while (0)\n")
if window == "lookup":
    for path, anchor, replacement in lookup_edits:
        edit(path, anchor, replacement, "#include <net/inet_hashtables.h>\n", widen)
elif window == "hash":
    for path, anchor, replacement in hash_edits:
        edit(path, anchor, replacement, "#include <net/tcp.h>\n", widen)
elif window == "hashdance":
    for path, anchor, replacement in hashdance_edits:
        edit(path, anchor, replacement, "#include <net/inet_timewait_sock.h>\n", delay_h)
else:
    for path, anchor, replacement in reuse_edits:
        if "hashtables" in path:
            edit(path, anchor, replacement, "#include <net/inet_hashtables.h>\n", widen_read)
        else:
            edit(path, anchor, replacement, "#include <net/tcp.h>\n", delay_h)
