// SPDX-License-Identifier: GPL-2.0
/*
 * tcp_rr: request/response rate over loopback TCP, like netperf's TCP_RR
 * and TCP_CRR: a client thread sends one byte and waits for the server
 * thread's one-byte answer, TRANSACTIONS times (a fixed amount of work,
 * timed: under lab/lab boot --accel icount the time is a count
 * of guest instructions).
 *   rr   one established connection.  Every transaction takes two
 *        segments through tcp_v{4,6}_rcv(), so this is where a cost on
 *        the receive fast path shows.
 *   crr  a connection per transaction: connect, request, response, then
 *        the server closes, the client reads the EOF and closes: the
 *        path that moves sockets to TIME_WAIT (the server's), where the
 *        series acts, and the FIN and RST paths it tests.
 *   closed  connect() to a port where nothing listens: each SYN is a
 *        stray segment that the established-hash lookup does not find,
 *        and is answered with a RST (lab/investigate/count-insns.sh
 *        counts that lookup's instructions).
 * Prints one result line in the lab's format (lab/lib.sh reads it):
 *   # rr_ipv4: transactions=N us=N      (crr_ipv4, closed_ipv4)
 * Usage: tcp_rr -4|-6 [TRANSACTIONS (default 50000)] [rr|crr|closed]
 */
#include <errno.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int lfd;
static int crr;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void *echo_server(void *arg)
{
	char c;
	int fd;

	(void)arg;
	do {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			die("accept");
		while (read(fd, &c, 1) == 1)
			if (write(fd, &c, 1) != 1 || crr)
				break;
		close(fd);
	} while (crr);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int v6 = argc > 1 && !strcmp(argv[1], "-6");
	unsigned long n = argc > 2 ? strtoul(argv[2], NULL, 10) : 50000;
	double start, end;
	struct sockaddr_storage ss = { 0 };
	socklen_t len = sizeof(ss);
	int one = 1, fd;
	pthread_t srv;
	char c = 'x';

	const char *mode = argc > 3 ? argv[3] : "rr";

	crr = !strcmp(mode, "crr");
	if (!n || argc < 2 || argc > 4 || (strcmp(argv[1], "-4") && strcmp(argv[1], "-6")) ||
	    (!crr && strcmp(mode, "rr") && strcmp(mode, "closed"))) {
		fprintf(stderr, "usage: tcp_rr -4|-6 [TRANSACTIONS > 0] [rr|crr|closed]\n");
		return 2;
	}
	if (v6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	}
	lfd = socket(ss.ss_family, SOCK_STREAM, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&ss, len) ||
	    getsockname(lfd, (struct sockaddr *)&ss, &len))
		die("bind");
	if (!strcmp(mode, "closed")) {
		/* the port stays bound by lfd, never listened on */
		start = now();
		for (unsigned long i = 0; i < n; i++) {
			fd = socket(ss.ss_family, SOCK_STREAM, 0);
			if (fd < 0)
				die("socket");
			if (!connect(fd, (struct sockaddr *)&ss, len) || errno != ECONNREFUSED)
				die("connect to a closed port");
			close(fd);
		}
		end = now();
		printf("# closed_%s: transactions=%lu us=%.0f\n",
		       v6 ? "ipv6" : "ipv4", n, (end - start) * 1e6);
		return 0;
	}
	if (listen(lfd, 128))
		die("listen");
	if (pthread_create(&srv, NULL, echo_server, NULL))
		die("pthread_create");
	if (crr) {
		start = now();
		for (unsigned long i = 0; i < n; i++) {
			fd = socket(ss.ss_family, SOCK_STREAM, 0);
			if (fd < 0 || connect(fd, (struct sockaddr *)&ss, len))
				die("connect");
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			if (write(fd, &c, 1) != 1 || read(fd, &c, 1) != 1 ||
			    read(fd, &c, 1) != 0)
				die("transaction");
			close(fd);
		}
		end = now();
		pthread_cancel(srv);
		pthread_join(srv, NULL);
		printf("# crr_%s: transactions=%lu us=%.0f\n",
		       v6 ? "ipv6" : "ipv4", n, (end - start) * 1e6);
		return 0;
	}
	fd = socket(ss.ss_family, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&ss, len))
		die("connect");
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	start = now();
	for (unsigned long i = 0; i < n; i++)
		if (write(fd, &c, 1) != 1 || read(fd, &c, 1) != 1)
			die("transaction");
	end = now();
	close(fd);
	pthread_join(srv, NULL);
	printf("# rr_%s: transactions=%lu us=%.0f\n", v6 ? "ipv6" : "ipv4",
	       n, (end - start) * 1e6);
	return 0;
}
