// SPDX-License-Identifier: GPL-2.0
/*
 * tcp_rr: request/response rate on one established loopback TCP
 * connection, like netperf's TCP_RR: a client thread sends one byte and
 * waits for the server thread's one-byte answer, TRANSACTIONS times (a
 * fixed amount of work, timed: under lab/host/boot-guest.sh --accel icount the time
 * is a count of guest instructions).  Every
 * transaction takes two segments through tcp_v{4,6}_rcv(), so this is
 * where a cost on the receive fast path shows.  Prints one result line
 * in the lab's format (lab/lib.sh reads it):
 *   # rr_ipv4: transactions=N us=N
 * Usage: tcp_rr -4|-6 [TRANSACTIONS (default 50000)]
 */
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
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		die("accept");
	while (read(fd, &c, 1) == 1)
		if (write(fd, &c, 1) != 1)
			break;
	close(fd);
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

	if (!n || argc < 2 || (strcmp(argv[1], "-4") && strcmp(argv[1], "-6"))) {
		fprintf(stderr, "usage: tcp_rr -4|-6 [TRANSACTIONS > 0]\n");
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
	    listen(lfd, 1) || getsockname(lfd, (struct sockaddr *)&ss, &len))
		die("listen");
	if (pthread_create(&srv, NULL, echo_server, NULL))
		die("pthread_create");
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
