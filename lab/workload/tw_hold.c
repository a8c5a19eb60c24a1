// SPDX-License-Identifier: GPL-2.0
/*
 * tw_hold: leave timewait sockets behind in the current network namespace,
 * for lab/guest-stress, which then destroys the namespace (inet_twsk_purge)
 * while they are there.  For each address family it makes -n loopback
 * connections to port -p and closes them so that:
 *
 *  - the first half ends in TIME-WAIT on the client side (the client
 *    closes first, the server answers with its own FIN);
 *  - the second half ends in FIN-WAIT-2 on the server side (the server
 *    closes first, the client ACKs the FIN and then disappears without a
 *    word: it is put in TCP_REPAIR mode, where close() sends nothing).
 *
 * The FIN-WAIT-2 sockets live tcp_fin_timeout, the TIME-WAIT ones 60 s,
 * unless the namespace goes first.  Prints what it left behind, counted in
 * /proc/net/tcp{,6}.  Exits non-zero if it could not make them.
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

static int hold(int domain, int port, int nr)
{
	int *cl = calloc(nr, sizeof(int)), *sv = calloc(nr, sizeof(int));
	const char *name = domain == AF_INET ? "ipv4" : "ipv6";
	int one = 1, lfd, len, i, half = nr / 2, tw, fw2;
	struct sockaddr_storage ss;
	char c;

	if (!cl || !sv)
		die("calloc");
	len = addr(domain, port, &ss);
	lfd = socket(domain, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	if (domain == AF_INET6)
		setsockopt(lfd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&ss, len) || listen(lfd, nr))
		die("listen");
	for (i = 0; i < nr; i++) {
		cl[i] = socket(domain, SOCK_STREAM, 0);
		if (cl[i] < 0 || connect(cl[i], (struct sockaddr *)&ss, len))
			die("connect");
		sv[i] = accept(lfd, NULL, NULL);
		if (sv[i] < 0)
			die("accept");
	}
	close(lfd);

	/* TIME-WAIT: the client closes first. */
	for (i = 0; i < half; i++) {
		close(cl[i]);
		if (read(sv[i], &c, 1) != 0)
			die("read (expected EOF)");
		close(sv[i]);
	}
	/* FIN-WAIT-2: the server closes first, the client vanishes. */
	for (i = half; i < nr; i++) {
		if (setsockopt(cl[i], IPPROTO_TCP, TCP_REPAIR, &one, sizeof(one)))
			die("TCP_REPAIR");
		close(sv[i]);
	}
	fw2 = wait_for(domain, port, ST_FIN_WAIT2, nr - half);
	for (i = half; i < nr; i++)
		close(cl[i]);
	tw = wait_for(domain, port, ST_TIME_WAIT, half);
	printf("tw_hold %s: time-wait %d fin-wait-2 %d (of %d each)\n",
	       name, tw, fw2, half);
	free(cl);
	free(sv);
	return tw >= half && fw2 >= nr - half;
}

int main(int argc, char **argv)
{
	int nr = 100, port = 3000, opt, ok;

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
	ok = hold(AF_INET, port, nr);
	ok &= hold(AF_INET6, port, nr);
	return ok ? 0 : 1;
}
