#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""lab/investigate/widen-window.py TREE [lookup|hash|hashdance|reuse]: a debugging aid, never part of a series.
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
lookup_edits = [
    ("net/ipv4/inet_hashtables.c",
     "\t\tif (likely(inet_match(net, sk, acookie, ports, dif, sdif))) {\n",
     "\t\t\tLAB_WIDEN(sk);\n"),
    ("net/ipv6/inet6_hashtables.c",
     "\t\tif (!inet6_match(net, sk, saddr, daddr, ports, dif, sdif))\n\t\t\tcontinue;\n",
     "\t\tLAB_WIDEN(sk);\n"),
]
# The line before the signature check of the full-socket path, in every
# base (tcp_inbound_hash() since 6.7, tcp_inbound_md5_hash() before).
hash_edits = [
    (path, anchor, "\tif (th->rst)\n\t\tLAB_WIDEN(sk);\n")
    for path, anchor in (
        ("net/ipv4/tcp_ipv4.c", "\n\tdrop_reason = tcp_inbound_"),
        ("net/ipv6/tcp_ipv6.c", "\n\tdrop_reason = tcp_inbound_"))
]
hashdance_edits = [
    ("net/ipv4/inet_timewait_sock.c", "\trefcount_set(&tw->tw_refcnt, 3);\n",
     "\tudelay(300);\n"),
]
reuse_edits = [
    ("net/ipv4/inet_hashtables.c",
     "\t\tif (sk->sk_hash != hash)\n\t\t\tcontinue;\n\t\tif (likely(inet_match(",
     "\t\tLAB_WIDEN_READ(sk);\n"),
    ("net/ipv6/inet6_hashtables.c",
     "\t\tif (sk->sk_hash != hash)\n\t\t\tcontinue;\n\t\tif (!inet6_match(",
     "\t\tLAB_WIDEN_READ(sk);\n"),
    ("net/ipv4/tcp_ipv4.c", "\t*own_req = inet_ehash_nolisten(newsk, ", "\tudelay(500);\n"),
    ("net/ipv6/tcp_ipv6.c", "\t*own_req = inet_ehash_nolisten(newsk, ", "\tudelay(500);\n"),
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
    for path, anchor, line in lookup_edits:
        edit(path, anchor, anchor + line, "#include <net/inet_hashtables.h>\n", widen)
elif window == "hash":
    # the anchor is a whole line's start: insert the lines before it
    for path, anchor, line in hash_edits:
        edit(path, anchor, "\n" + line + anchor[1:], "#include <net/tcp.h>\n", widen)
elif window == "hashdance":
    for path, anchor, line in hashdance_edits:
        edit(path, anchor, line + anchor, "#include <net/inet_timewait_sock.h>\n", delay_h)
else:
    for path, anchor, line in reuse_edits:
        if "hashtables" in path:
            edit(path, anchor, line + anchor, "#include <net/inet_hashtables.h>\n", widen_read)
        else:
            edit(path, anchor, line + anchor, "#include <net/tcp.h>\n", delay_h)
