#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""lab/investigate/trace-lost-rst.py TREE: the trace_printk()s of trace-lost-rst.sh, put in a scratch tree.
A debugging aid, never part of a series.
Makes a kernel say, with trace_printk(), where a TCP RST ends without
effect, so that a rare lost RST can be read from the trace buffer of the
run that lost it (lab/guest/trace-drops keeps it):
  rst-drop   a received RST freed with a drop reason other than
             NOT_SPECIFIED (the reason of a RST that a timewait socket
             took): the function, the reason, the ports, the state of a
             full receiving socket;
  rst-oow    a RST that a FIN-WAIT-2 timewait socket found out of window
             or refused by PAWS (it ends as NOT_SPECIFIED too);
  rst-unsent a RST that tcp_send_active_reset() could not send;
  rst-listener  an IPv6 RST that tcp_v6_rcv() hands to a listener (its
             established lookup found no socket): the result of a second
             lookup, and the sockets with its ports in its ehash bucket
             (under the bucket lock) and in any other bucket.
lab/investigate/trace-lost-rst.sh builds a kernel with it."""
import sys

tree = sys.argv[1]
edits = [
    ("net/core/skbuff.c",
     "\tif (reason == SKB_CONSUMED)\n\t\ttrace_consume_skb(",
     "\tlab_trace_rst_drop(sk, skb, reason, __builtin_return_address(0));\n",
     "static __always_inline\nbool __sk_skb_reason_drop(",
     "/* lab/investigate/trace-lost-rst.py */\n"
     "static void lab_trace_rst_drop(const struct sock *sk, const struct sk_buff *skb,\n"
     "\t\t\t       enum skb_drop_reason reason, void *where)\n"
     "{\n"
     "\tconst struct tcphdr *th;\n"
     "\tint proto;\n"
     "\n"
     "\tif (reason == SKB_CONSUMED || reason == SKB_DROP_REASON_NOT_SPECIFIED ||\n"
     "\t    !skb_transport_header_was_set(skb) || !skb_network_header_len(skb))\n"
     "\t\treturn;\n"
     "\tif (skb->protocol == htons(ETH_P_IP))\n"
     "\t\tproto = ip_hdr(skb)->protocol;\n"
     "\telse if (skb->protocol == htons(ETH_P_IPV6))\n"
     "\t\tproto = ipv6_hdr(skb)->nexthdr;\n"
     "\telse\n"
     "\t\treturn;\n"
     "\tth = tcp_hdr(skb);\n"
     "\tif (proto != IPPROTO_TCP || !th->rst)\n"
     "\t\treturn;\n"
     "\ttrace_printk(\"rst-drop %pS reason %d %u -> %u seq %u state %d\\n\",\n"
     "\t\t     where, reason, ntohs(th->source), ntohs(th->dest),\n"
     "\t\t     ntohl(th->seq), sk && sk_fullsock(sk) ? sk->sk_state : -1);\n"
     "}\n\n"),
    ("net/ipv4/tcp_minisocks.c",
     "\t\t/* Out of window, send ACK */\n",
     "\t\tif (th->rst && (paws_reject ||\n"
     "\t\t    !tcp_in_window(TCP_SKB_CB(skb)->seq, TCP_SKB_CB(skb)->end_seq,\n"
     "\t\t\t\t   rcv_nxt, rcv_nxt + tcptw->tw_rcv_wnd)))\n"
     "\t\t\ttrace_printk(\"rst-oow %u -> %u seq %u rcv_nxt %u paws %d\\n\",\n"
     "\t\t\t\t     ntohs(th->source), ntohs(th->dest),\n"
     "\t\t\t\t     TCP_SKB_CB(skb)->seq, rcv_nxt, paws_reject);\n",
     None, None),
    ("net/ipv4/tcp_output.c",
     "\tif (tcp_transmit_skb(sk, skb, 0, priority))\n"
     "\t\tNET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTFAILED);\n",
     "\tif (tcp_transmit_skb(sk, skb, 0, priority)) {\n"
     "\t\tNET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTFAILED);\n"
     "\t\ttrace_printk(\"rst-unsent %u -> %u\\n\", inet_sk(sk)->inet_num,\n"
     "\t\t\t     ntohs(inet_sk(sk)->inet_dport));\n"
     "\t}\n",
     None, None),
]
edits.append(
    ("net/ipv6/tcp_ipv6.c",
     "\t\tret = tcp_v6_do_rcv(sk, skb);\n\t\tgoto put_and_return;\n",
     "\t\tif (th->rst)\n\t\t\tlab_trace_listener_rst(net, skb, hdr, th);\n",
     "INDIRECT_CALLABLE_SCOPE int tcp_v6_rcv(struct sk_buff *skb)\n",
     "/* lab/investigate/trace-lost-rst.py */\n"
     "static noinline void lab_trace_listener_rst(struct net *net, const struct sk_buff *skb,\n"
     "\t\t\t\t\t    const struct ipv6hdr *hdr, const struct tcphdr *th)\n"
     "{\n"
     "\tstruct inet_hashinfo *hashinfo = net->ipv4.tcp_death_row.hashinfo;\n"
     "\tconst __portpair ports = INET_COMBINED_PORTS(th->source, ntohs(th->dest));\n"
     "\tconst struct hlist_nulls_node *node;\n"
     "\tunsigned int hash, slot, i;\n"
     "\tstruct sock *sk2, *again;\n"
     "\tint n = 0;\n"
     "\n"
     "\thash = inet6_ehashfn(net, &hdr->daddr, ntohs(th->dest), &hdr->saddr, th->source);\n"
     "\tslot = hash & hashinfo->ehash_mask;\n"
     "\tagain = __inet6_lookup_established(net, &hdr->saddr, th->source, &hdr->daddr,\n"
     "\t\t\t\t\t   ntohs(th->dest), inet6_iif(skb), inet6_sdif(skb));\n"
     "\ttrace_printk(\"rst-listener %u -> %u slot %u: a second lookup finds state %d\\n\",\n"
     "\t\t     ntohs(th->source), ntohs(th->dest), slot, again ? again->sk_state : -1);\n"
     "\tif (again)\n"
     "\t\tsock_gen_put(again);\n"
     "\tspin_lock(inet_ehash_lockp(hashinfo, hash));\n"
     "\tsk_nulls_for_each(sk2, node, &hashinfo->ehash[slot].chain) {\n"
     "\t\tn++;\n"
     "\t\tif (READ_ONCE(sk2->sk_portpair) == ports)\n"
     "\t\t\ttrace_printk(\"rst-listener   in its bucket: state %d refcnt %d hash %s net %s\\n\",\n"
     "\t\t\t\t     sk2->sk_state, refcount_read(&sk2->sk_refcnt),\n"
     "\t\t\t\t     sk2->sk_hash == hash ? \"same\" : \"other\",\n"
     "\t\t\t\t     net_eq(sock_net(sk2), net) ? \"same\" : \"other\");\n"
     "\t}\n"
     "\tspin_unlock(inet_ehash_lockp(hashinfo, hash));\n"
     "\ttrace_printk(\"rst-listener   %d sockets in its bucket\\n\", n);\n"
     "\tfor (i = 0; i <= hashinfo->ehash_mask; i++) {\n"
     "\t\tif (i == slot)\n"
     "\t\t\tcontinue;\n"
     "\t\tsk_nulls_for_each_rcu(sk2, node, &hashinfo->ehash[i].chain)\n"
     "\t\t\tif (READ_ONCE(sk2->sk_portpair) == ports && net_eq(sock_net(sk2), net))\n"
     "\t\t\t\ttrace_printk(\"rst-listener   in bucket %u: state %d\\n\", i, sk2->sk_state);\n"
     "\t}\n"
     "}\n\n"))
for path, anchor, line, fn_anchor, fn in edits:
    p = f"{tree}/{path}"
    s = open(p).read()
    if "trace-lost-rst.py" in s or "rst-oow" in s or "rst-unsent" in s:
        continue
    if s.count(anchor) != 1:
        sys.exit(f"trace-lost-rst: anchor not found once in {p}")
    if path == "net/ipv4/tcp_output.c":
        s = s.replace(anchor, line)
    else:
        s = s.replace(anchor, line + anchor)
    if fn_anchor:
        if s.count(fn_anchor) != 1:
            sys.exit(f"trace-lost-rst: function anchor not found once in {p}")
        s = s.replace(fn_anchor, fn + fn_anchor)
    open(p, "w").write(s)
