// SPDX-License-Identifier: GPL-2.0
/*
 * tw_hold: leave timewait sockets behind in the current network namespace,
 * for lab/guest/stress, which then destroys the namespace (inet_twsk_purge)
 * while they are there.  For each address family it makes -n loopback
 * connections to port -p and closes them so that:
 *
 *  - the first half ends in TIME-WAIT on the client side (the client
 *    closes first, the server answers with its own FIN);
 *  - the second half ends in FIN-WAIT-2 on the server side (the server
 *    closes first, the client ACKs the FIN and then disappears without a
 *    word: it is put in TCP_REPAIR mode, where close() sends nothing).
 *
 * The FIN-WAIT-2 sockets of both families are made last and live
 * tcp_fin_timeout, the TIME-WAIT ones 60 s, unless the namespace goes
 * first.  Prints what it left behind, counted in /proc/net/tcp{,6}, as
 * the lab's result lines ("# tw_hold_ipv4: time_wait=20 fin_wait2=20
 * wanted=20").  Exits non-zero if it could not make them.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define ST_FIN_WAIT2	5
#define ST_TIME_WAIT	6

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int addr(int domain, int port, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (domain == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		return sizeof(*sin);
	}
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons(port);
	sin6->sin6_addr = in6addr_loopback;
	return sizeof(*sin6);
}

/* Sockets in STATE with local or remote port PORT in /proc/net/tcp{,6}. */
static int count(int domain, int port, int state)
{
	const char *path = domain == AF_INET ? "/proc/net/tcp" : "/proc/net/tcp6";
	unsigned int lport, rport, st;
	char line[512];
	int n = 0;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		die(path);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, " %*u: %*[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:%x %x",
			   &lport, &rport, &st) == 3 &&
		    st == (unsigned int)state &&
		    (lport == (unsigned int)port || rport == (unsigned int)port))
			n++;
	}
	fclose(f);
	return n;
}

/* Wait up to 5 s for WANT sockets in STATE; returns how many there are. */
static int wait_for(int domain, int port, int state, int want)
{
	int i, n = 0;

	for (i = 0; i < 500; i++) {
		n = count(domain, port, state);
		if (n >= want)
			break;
		usleep(10000);
	}
	return n;
}

struct fam {
	int domain;
	const char *name;
	int *cl, *sv;
	int fin_wait2;	/* FIN-WAIT-2 sockets seen once all were made */
};

static void open_all(struct fam *f, int port, int nr)
{
	struct sockaddr_storage ss;
	int one = 1, lfd, len, i;

	f->cl = calloc(nr, sizeof(int));
	f->sv = calloc(nr, sizeof(int));
	if (!f->cl || !f->sv)
		die("calloc");
	len = addr(f->domain, port, &ss);
	lfd = socket(f->domain, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	if (f->domain == AF_INET6)
		setsockopt(lfd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&ss, len) || listen(lfd, nr))
		die("listen");
	for (i = 0; i < nr; i++) {
		f->cl[i] = socket(f->domain, SOCK_STREAM, 0);
		if (f->cl[i] < 0 || connect(f->cl[i], (struct sockaddr *)&ss, len))
			die("connect");
		f->sv[i] = accept(lfd, NULL, NULL);
		if (f->sv[i] < 0)
			die("accept");
	}
	close(lfd);
}

/* TIME-WAIT: the client closes first. */
static void close_time_wait(struct fam *f, int nr)
{
	char c;
	int i;

	for (i = 0; i < nr / 2; i++) {
		close(f->cl[i]);
		if (read(f->sv[i], &c, 1) != 0)
			die("read (expected EOF)");
		close(f->sv[i]);
	}
}

/* FIN-WAIT-2: the server closes first, the client vanishes. */
static void close_fin_wait2(struct fam *f, int port, int nr)
{
	int one = 1, i;

	for (i = nr / 2; i < nr; i++) {
		if (setsockopt(f->cl[i], IPPROTO_TCP, TCP_REPAIR, &one, sizeof(one)))
			die("TCP_REPAIR");
		close(f->sv[i]);
	}
	f->fin_wait2 = wait_for(f->domain, port, ST_FIN_WAIT2, nr - nr / 2);
	for (i = nr / 2; i < nr; i++)
		close(f->cl[i]);
}

int main(int argc, char **argv)
{
	struct fam fams[2] = {
		{ .domain = AF_INET, .name = "ipv4" },
		{ .domain = AF_INET6, .name = "ipv6" },
	};
	int nr = 100, port = 3000, opt, ok = 1, i, tw, fw2;

	while ((opt = getopt(argc, argv, "n:p:")) != -1) {
		switch (opt) {
		case 'n':
			nr = atoi(optarg);
			break;
		case 'p':
			port = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: %s [-n connections] [-p port]\n", argv[0]);
			return 2;
		}
	}
	if (nr < 2 || nr > 10000 || port < 1 || port > 65535) {
		fprintf(stderr, "%s: -n takes 2 to 10000, -p a port\n", argv[0]);
		return 2;
	}
	/*
	 * Both families' FIN-WAIT-2 sockets are made last, so that their
	 * timers (tcp_fin_timeout) are still pending when a namespace that
	 * is destroyed soon after purges them.
	 */
	for (i = 0; i < 2; i++)
		open_all(&fams[i], port, nr);
	for (i = 0; i < 2; i++)
		close_time_wait(&fams[i], nr);
	for (i = 0; i < 2; i++)
		close_fin_wait2(&fams[i], port, nr);
	for (i = 0; i < 2; i++) {
		tw = wait_for(fams[i].domain, port, ST_TIME_WAIT, nr / 2);
		fw2 = fams[i].fin_wait2;
		printf("# tw_hold_%s: time_wait=%d fin_wait2=%d wanted=%d\n",
		       fams[i].name, tw, fw2, nr / 2);
		ok &= tw >= nr / 2 && fw2 >= nr - nr / 2;
	}
	if (!ok) {
		/* For the log: what the namespace holds instead. */
		char line[256];
		FILE *f = fopen("/proc/net/sockstat", "r");

		while (f && fgets(line, sizeof(line), f))
			fprintf(stderr, "tw_hold: sockstat: %s", line);
		if (f)
			fclose(f);
	}
	return ok ? 0 : 1;
}
