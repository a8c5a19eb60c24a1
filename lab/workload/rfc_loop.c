// SPDX-License-Identifier: GPL-2.0
/*
 * rfc_loop: the RFC's loop, counted.  The first version of the series'
 * selftest, tcp_rst_timewait, kept as the lab's workload for the jobs that
 * count lost segments over a fixed number of connections (lab/jobs/cost.sh,
 * lab/investigate/{per-patch,widen-window,rfc-literal-oops}.sh): the
 * selftest itself stops at the first lost segment and takes no options.
 *
 * Clients with TCP_NODELAY connect to a loopback server, send 4 bytes, read
 * until EOF and close(); the server accepts, reads the 4 bytes and closes
 * first (FIN).  Cases: rst (SO_LINGER {1, 0}: the client's close() sends a
 * RST; a lost one leaves a server socket in FIN-WAIT-2), md5 and ao (rst
 * with keys), fin (the client shuts down; a lost FIN is retransmitted).
 * Batches of connections, each on its own server port, so that no 4-tuple
 * is reused; client and server threads pinned to two CPUs; its own netns.
 *
 * Prints one result line per case in the lab's format (lab/lib.sh reads it):
 *   # ipv4_rst: connections=N ms=N batches=N errors=N lost=N over_1s=N over_1ms=N max_us=N
 *   # ipv4_ao: skipped: REASON
 * Exit status: 0 when no case lost a segment, 1 when one did or failed,
 * 2 on bad usage.  Build with the kernel's uapi headers (TCP-AO).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <linux/tcp.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>


#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define msg(fmt, ...) printf("# " fmt, ##__VA_ARGS__)
#define die(fmt, ...) do {						\
		fflush(stdout);						\
		fprintf(stderr, "rfc_loop: " fmt, ##__VA_ARGS__);	\
		exit(1);						\
	} while (0)

static bool any_failed;

#define SERVER_PORT_MIN	1000	/* each case has PORTS_PER_CASE of them */
#define PORTS_PER_CASE	1000	/* at most one batch per port */
#define CLIENT_PORT_MIN	10000
#define CLIENT_PORT_MAX	65535
#define TCP_FIN_WAIT2	5
#define TCP_CLOSE	7
#define AUTH_KEY	"tcp_rst_timewait"

static int batch_size = 2000;
static int nr_conns;		/* per case; 0: until the time limit */
static int nr_threads = 1;
static bool busy_cpus;		/* -B: SCHED_IDLE spinners on both CPUs */
static int time_limit;		/* seconds per case; 0: the default */
static long max_tw;		/* tcp_max_tw_buckets of the netns */
static int cpus[CPU_SETSIZE];	/* the CPUs the test may run on */
static int nr_cpus;

struct family {
	const char *name;
	int domain;
	const char *addr;
	const char *proc;
};

static const struct family ipv4 = { "ipv4", AF_INET, "127.0.0.1",
				    "/proc/net/tcp" };
static const struct family ipv6 = { "ipv6", AF_INET6, "::1",
				    "/proc/net/tcp6" };

enum kind { RST, MD5, AO, FIN };
static const char * const kind_names[] = { "rst", "md5", "ao", "fin" };

struct test_case {
	const struct family *fam;
	enum kind kind;
};

/* The lost-RST cases first: fin leaves TIME_WAIT sockets behind. */
static const struct test_case cases[] = {
	{ &ipv4, RST }, { &ipv6, RST },
	{ &ipv4, MD5 }, { &ipv6, MD5 },
	{ &ipv4, AO }, { &ipv6, AO },
	{ &ipv4, FIN }, { &ipv6, FIN },
};

struct run {
	const struct test_case *tc;
	char name[16];
	int first_port;		/* server port of the first batch */
	int port;		/* server port of this batch */
	int listen_fd;
	int batch;		/* connections in this batch */
	struct timespec deadline;
	atomic_int next;	/* next connection of the batch to start */
	atomic_int done;	/* connections completed by clients */
	atomic_int errors;
	atomic_int fins_lost;	/* fin: retransmissions of the clients' FINs */
	atomic_int over_1ms;
	atomic_int over_1s;
	atomic_long max_us;
};

static long elapsed_us(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000L +
	       (b->tv_nsec - a->tv_nsec) / 1000;
}

static bool past(const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return elapsed_us(deadline, &now) > 0;
}

static int make_addr(const struct family *fam, int port,
		     struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	if (fam->domain == AF_INET) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		inet_pton(AF_INET, fam->addr, &sin->sin_addr);
		return sizeof(*sin);
	}
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons(port);
	inet_pton(AF_INET6, fam->addr, &sin6->sin6_addr);
	return sizeof(*sin6);
}

/* Signing keys for the loopback peer: 0, or -1 with errno set. */
static int set_auth(int fd, const struct test_case *tc)
{
	if (tc->kind == MD5) {
		struct tcp_md5sig md5 = {
			.tcpm_keylen = strlen(AUTH_KEY),
		};

		make_addr(tc->fam, 0,
			  (struct sockaddr_storage *)&md5.tcpm_addr);
		memcpy(md5.tcpm_key, AUTH_KEY, strlen(AUTH_KEY));
		return setsockopt(fd, IPPROTO_TCP, TCP_MD5SIG, &md5,
				  sizeof(md5));
	}
	if (tc->kind == AO) {
#ifdef TCP_AO_ADD_KEY
		struct tcp_ao_add ao = {
			.alg_name = "hmac(sha1)",
			.prefix = tc->fam->domain == AF_INET ? 32 : 128,
			.sndid = 100,
			.rcvid = 100,
			.keylen = strlen(AUTH_KEY),
		};

		make_addr(tc->fam, 0, (struct sockaddr_storage *)&ao.addr);
		memcpy(ao.key, AUTH_KEY, strlen(AUTH_KEY));
		return setsockopt(fd, IPPROTO_TCP, TCP_AO_ADD_KEY, &ao,
				  sizeof(ao));
#else
		errno = ENOPROTOOPT;
		return -1;
#endif
	}
	return 0;
}

static void note_error(struct run *run, const char *what, int port)
{
	if (atomic_fetch_add(&run->errors, 1) < 5)
		msg("%s: %s (port %d): %s\n", run->name, what,
			       port, strerror(errno));
}

/*
 * fin: after shutdown(SHUT_WR), waits until the client's FIN is
 * acknowledged (TCP_CLOSE) and counts its retransmissions; those of the
 * server's segments are not the client's, so a delayed ACK cannot count.
 */
static int fin_retransmits(struct run *run, int fd, int port)
{
	struct tcp_info ti;
	socklen_t len;
	int i;

	for (i = 0; i < 30000; i++) {
		len = sizeof(ti);
		if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len)) {
			note_error(run, "TCP_INFO", port);
			return -1;
		}
		if (ti.tcpi_state == TCP_CLOSE)
			return ti.tcpi_total_retrans;
		usleep(100);
	}
	errno = ETIMEDOUT;
	note_error(run, "FIN not acknowledged", port);
	return -1;
}

/* One connection of the RFC's loop; returns its latency in us or -1. */
static long one_conn(struct run *run, int port)
{
	struct linger lin = { .l_onoff = 1, .l_linger = 0 };
	struct timeval tmo = { .tv_sec = 5 };
	const struct family *fam = run->tc->fam;
	struct sockaddr_storage dst, src;
	char buf[4] = { 'p', 'i', 'n', 'g' };
	struct timespec start, end;
	int one = 1, fd, len, lost;
	ssize_t n;

	clock_gettime(CLOCK_MONOTONIC, &start);
	fd = socket(fam->domain, SOCK_STREAM, 0);
	if (fd < 0) {
		note_error(run, "socket", port);
		return -1;
	}
	if ((run->tc->kind != FIN &&
	     setsockopt(fd, SOL_SOCKET, SO_LINGER, &lin, sizeof(lin))) ||
	    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) ||
	    /* the port may still be bound by a socket of an earlier batch */
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tmo, sizeof(tmo)) ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tmo, sizeof(tmo)) ||
	    set_auth(fd, run->tc)) {
		note_error(run, "setsockopt", port);
		goto err;
	}
	len = make_addr(fam, port, &src);
	if (bind(fd, (struct sockaddr *)&src, len)) {
		note_error(run, "bind", port);
		goto err;
	}
	len = make_addr(fam, run->port, &dst);
	if (connect(fd, (struct sockaddr *)&dst, len)) {
		note_error(run, "connect", port);
		goto err;
	}
	n = send(fd, buf, sizeof(buf), 0);
	if (n != sizeof(buf)) {
		if (n >= 0)
			errno = EIO;
		note_error(run, "send", port);
		goto err;
	}
	do {
		n = read(fd, buf, sizeof(buf));
	} while (n > 0);
	if (n < 0) {
		note_error(run, "read", port);
		goto err;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (run->tc->kind == FIN) {
		if (shutdown(fd, SHUT_WR)) {
			note_error(run, "shutdown", port);
			goto err;
		}
		lost = fin_retransmits(run, fd, port);
		if (lost < 0)
			goto err;
		if (lost && atomic_fetch_add(&run->fins_lost, lost) < 10)
			msg("%s: FIN retransmitted, port %d to %d\n",
				       run->name, port, run->port);
	}
	close(fd);	/* a RST with SO_LINGER {1, 0} */
	return elapsed_us(&start, &end);
err:
	close(fd);
	return -1;
}

static void *client_thread(void *arg)
{
	struct run *run = arg;
	long us, max;
	int i;

	while ((i = atomic_fetch_add(&run->next, 1)) < run->batch) {
		if (past(&run->deadline))
			break;
		us = one_conn(run, CLIENT_PORT_MIN + i);
		if (us < 0)
			continue;
		atomic_fetch_add(&run->done, 1);
		if (us > 1000)
			atomic_fetch_add(&run->over_1ms, 1);
		if (us > 1000000) {
			atomic_fetch_add(&run->over_1s, 1);
			msg("%s: client port %d to %d took %ld ms\n",
				       run->name, CLIENT_PORT_MIN + i,
				       run->port, us / 1000);
		}
		max = atomic_load(&run->max_us);
		while (us > max &&
		       !atomic_compare_exchange_weak(&run->max_us, &max, us))
			;
	}
	return NULL;
}

static void *server_thread(void *arg)
{
	struct run *run = arg;
	char buf[4];
	int fd;

	for (;;) {
		fd = accept(run->listen_fd, NULL, NULL);
		if (fd < 0)
			break;	/* listener shut down: all clients are done */
		if (recv(fd, buf, sizeof(buf), MSG_WAITALL) < 0)
			note_error(run, "server read", run->port);
		close(fd);	/* FIN first */
	}
	return NULL;
}

/*
 * Sockets in @state with local port (@local) or remote port (!@local) in
 * [@lo, @hi], from /proc/net/tcp{,6}; with @show, the first few are
 * printed.
 */
static int count_socks(const struct run *run, unsigned int state, bool local,
		       int lo, int hi, bool show)
{
	unsigned int lport, rport, st, port;
	char line[256];
	int count = 0;
	FILE *f;

	f = fopen(run->tc->fam->proc, "r");
	if (!f)
		die("%s: %s\n", run->tc->fam->proc,
				   strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, " %*u: %*[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:%x %x",
			   &lport, &rport, &st) != 3 || st != state)
			continue;
		port = local ? lport : rport;
		if (port < lo || port > hi)
			continue;
		if (show && count < 10)
			msg("%s: FIN-WAIT-2 left, port %u to %u\n",
				       run->name, rport, lport);
		count++;
	}
	fclose(f);
	return count;
}

/*
 * Server sockets left in FIN-WAIT-2 on ports [@lo, @hi], once the RSTs
 * in flight have been processed: the count must hold for 300 ms.
 */
static int count_leftovers(const struct run *run, int lo, int hi)
{
	int prev = -1, cur, stable = 0;

	while (stable < 3) {
		usleep(100000);
		cur = count_socks(run, TCP_FIN_WAIT2, true, lo, hi, false);
		stable = cur == prev ? stable + 1 : 0;
		prev = cur;
	}
	return count_socks(run, TCP_FIN_WAIT2, true, lo, hi, true);
}

/* Runs one batch on server port run->port: 0, or -1 with errno set. */
/* -B: keeps its CPU out of idle, at the lowest priority (as the selftest). */
static void *busy_thread(void *arg)
{
	struct sched_param param = {};
	atomic_bool *stop = arg;

	sched_setscheduler(0, SCHED_IDLE, &param);
	while (!atomic_load(stop))
		;
	return NULL;
}

static int run_batch(struct run *run)
{
	pthread_t clients[nr_threads], servers[nr_threads], busy[2];
	atomic_bool stop_busy = false;
	struct sockaddr_storage addr;
	pthread_attr_t attr;
	int one = 1, i, len;
	cpu_set_t set;

	run->listen_fd = socket(run->tc->fam->domain, SOCK_STREAM, 0);
	if (run->listen_fd < 0)
		return -1;
	if (run->tc->fam->domain == AF_INET6)
		setsockopt(run->listen_fd, IPPROTO_IPV6, IPV6_V6ONLY, &one,
			   sizeof(one));
	len = make_addr(run->tc->fam, run->port, &addr);
	if (set_auth(run->listen_fd, run->tc) ||
	    bind(run->listen_fd, (struct sockaddr *)&addr, len) ||
	    listen(run->listen_fd, 1024)) {
		i = errno;
		close(run->listen_fd);
		errno = i;
		return -1;
	}
	atomic_store(&run->next, 0);
	pthread_attr_init(&attr);
	for (i = 0; i < nr_threads; i++) {
		CPU_ZERO(&set);
		CPU_SET(cpus[(2 * i + 1) % nr_cpus], &set);
		if (pthread_attr_setaffinity_np(&attr, sizeof(set), &set) ||
		    pthread_create(&servers[i], &attr, server_thread, run))
			die("pthread_create\n");
		CPU_ZERO(&set);
		CPU_SET(cpus[(2 * i) % nr_cpus], &set);
		if (pthread_attr_setaffinity_np(&attr, sizeof(set), &set) ||
		    pthread_create(&clients[i], &attr, client_thread, run))
			die("pthread_create\n");
	}
	for (i = 0; busy_cpus && i < 2; i++) {
		CPU_ZERO(&set);
		CPU_SET(cpus[i], &set);
		if (pthread_attr_setaffinity_np(&attr, sizeof(set), &set) ||
		    pthread_create(&busy[i], &attr, busy_thread, &stop_busy))
			die("pthread_create\n");
	}
	pthread_attr_destroy(&attr);
	for (i = 0; i < nr_threads; i++)
		pthread_join(clients[i], NULL);
	shutdown(run->listen_fd, SHUT_RDWR);
	for (i = 0; i < nr_threads; i++)
		pthread_join(servers[i], NULL);
	atomic_store(&stop_busy, true);
	for (i = 0; busy_cpus && i < 2; i++)
		pthread_join(busy[i], NULL);
	close(run->listen_fd);
	return 0;
}

/* Lost segments of the batches on [run->first_port, @last]. */
static int count_lost(struct run *run, int last)
{
	if (run->tc->kind == FIN)
		return atomic_load(&run->fins_lost);
	return count_leftovers(run, run->first_port, last);
}

static void run_case(int idx)
{
	const struct test_case *tc = &cases[idx];
	struct run run = { .tc = tc };
	struct timespec start, end;
	int lost, max_conns = 0;
	char res[128];
	bool failed;

	snprintf(run.name, sizeof(run.name), "%s_%s", tc->fam->name,
		 kind_names[tc->kind]);
	run.first_port = SERVER_PORT_MIN + idx * PORTS_PER_CASE;
	if (tc->kind == FIN) {
		/* Every connection leaves a TIME_WAIT socket for 60 s: stay
		 * below tcp_max_tw_buckets, shared by both families.
		 */
		max_conns = max_tw / 2 - 1000;
		if (max_conns < batch_size) {
			msg("%s: skipped: tcp_max_tw_buckets is %ld\n",
			    run.name, max_tw);
			return;
		}
	}

	clock_gettime(CLOCK_MONOTONIC, &start);
	run.deadline = start;
	run.deadline.tv_sec += time_limit;
	for (run.port = run.first_port;; run.port++) {
		run.batch = batch_size;
		if (nr_conns && run.batch > nr_conns - run.done)
			run.batch = nr_conns - run.done;
		if (run_batch(&run)) {
			if (run.port == run.first_port &&
			    (errno == ENOPROTOOPT || errno == ENOENT ||
			     errno == EAFNOSUPPORT || errno == EADDRNOTAVAIL)) {
				msg("%s: skipped: %s\n", run.name,
				    strerror(errno));
				return;
			}
			die("%s: server on port %d: %s\n",
					   run.name, run.port, strerror(errno));
		}
		if (past(&run.deadline) || run.errors ||
		    (nr_conns && run.done >= nr_conns))
			break;
		if (run.port + 1 == run.first_port + PORTS_PER_CASE ||
		    (max_conns && run.done + batch_size > max_conns)) {
			msg("%s: stopped at %d connections (%s)\n",
				       run.name, run.done,
				       max_conns ? "tcp_max_tw_buckets" :
				       "server ports");
			break;
		}
		/* Stop at the first segment lost by an earlier batch. */
		if (!nr_conns && run.port > run.first_port &&
		    (tc->kind == FIN ? atomic_load(&run.fins_lost) :
		     count_socks(&run, TCP_FIN_WAIT2, true, run.first_port,
				 run.port - 1, false)))
			break;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);

	lost = count_lost(&run, run.port);
	snprintf(res, sizeof(res), "connections=%d ms=%ld batches=%d errors=%d",
		 run.done, elapsed_us(&start, &end) / 1000,
		 run.port - run.first_port + 1, run.errors);
	msg("%s: %s lost=%d over_1s=%d over_1ms=%d max_us=%ld\n",
		       run.name, res, lost, run.over_1s, run.over_1ms,
		       run.max_us);
	failed = lost || run.over_1s || run.errors || !run.done;
	if (lost)
		msg("%s: %d %s lost to the race with TIME_WAIT\n",
			       run.name, lost,
			       tc->kind == FIN ? "FINs (retransmitted)" :
			       "RSTs (FIN-WAIT-2 left)");
	any_failed |= failed;
}

/* The case's reason to skip before it starts, or NULL. */
static const char *case_skip(const struct test_case *tc)
{
	if (tc->fam->domain == AF_INET6 && access(tc->fam->proc, R_OK))
		return "no /proc/net/tcp6 (IPv6 disabled?)";
	return NULL;
}

/* Raises tcp_max_tw_buckets in the test's netns and reads it back. */
static void setup_tw_buckets(void)
{
	const char *path = "/proc/sys/net/ipv4/tcp_max_tw_buckets";
	FILE *f;

	f = fopen(path, "w");
	if (f) {
		fprintf(f, "%d\n", 1 << 18);
		fclose(f);
	}
	f = fopen(path, "r");
	if (!f || fscanf(f, "%ld", &max_tw) != 1)
		max_tw = 0;
	if (f)
		fclose(f);
}

/* A reason to skip the whole test, or NULL with the netns set up. */
static const char *setup(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	static char why[128];
	cpu_set_t set;
	int fd, cpu;

	if (sched_getaffinity(0, sizeof(set), &set))
		die("sched_getaffinity: %s\n", strerror(errno));
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			cpus[nr_cpus++] = cpu;
	if (nr_cpus < 2)
		return "the race needs two CPUs to run on";
	if (unshare(CLONE_NEWNET)) {
		snprintf(why, sizeof(why), "unshare(CLONE_NEWNET): %s",
			 strerror(errno));
		return why;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr))
		die("lo: %s\n", strerror(errno));
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr))
		die("lo up: %s\n", strerror(errno));
	close(fd);
	setup_tw_buckets();
	return NULL;
}

static void bad_usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s [-4|-6] [-B] [-c rst,md5,ao,fin] [-n connections] [-b connections]\n"
		"          [-t threads] [-T seconds]\n"
		"  -4, -6  one address family only\n"
		"  -B  SCHED_IDLE threads keep the two CPUs busy, as the selftest's\n"
		"  -c  the cases to run (default all)\n"
		"  -n  connections per case, even after a loss (default: until -T)\n"
		"  -b  connections per batch (default %d, at most %d)\n"
		"  -t  client/server thread pairs (default %d)\n"
		"  -T  time limit per case in seconds (default 3; with -n, none)\n",
		prog, batch_size, CLIENT_PORT_MAX - CLIENT_PORT_MIN + 1,
		nr_threads);
	exit(2);
}

int main(int argc, char **argv)
{
	bool kind_on[4] = { true, true, true, true };
	bool fam_on[2] = { true, true };
	bool on[ARRAY_SIZE(cases)];
	const char *why;
	int opt, k, n = 0;
	char *tok, *save;
	unsigned int i;

	while ((opt = getopt(argc, argv, "46Bc:n:b:t:T:")) != -1) {
		switch (opt) {
		case '4':
			fam_on[1] = false;
			break;
		case '6':
			fam_on[0] = false;
			break;
		case 'c':
			memset(kind_on, 0, sizeof(kind_on));
			for (tok = strtok_r(optarg, ",", &save); tok;
			     tok = strtok_r(NULL, ",", &save)) {
				for (k = 0; k < 4; k++)
					if (!strcmp(tok, kind_names[k]))
						break;
				if (k == 4)
					bad_usage(argv[0]);
				kind_on[k] = true;
			}
			break;
		case 'n':
			nr_conns = atoi(optarg);
			break;
		case 'b':
			batch_size = atoi(optarg);
			break;
		case 't':
			nr_threads = atoi(optarg);
			break;
		case 'B':
			busy_cpus = true;
			break;
		case 'T':
			time_limit = atoi(optarg);
			break;
		default:
			bad_usage(argv[0]);
		}
	}
	if (optind != argc || (!fam_on[0] && !fam_on[1]) ||
	    nr_conns < 0 || batch_size < 1 ||
	    batch_size > CLIENT_PORT_MAX - CLIENT_PORT_MIN + 1 ||
	    nr_threads < 1 || nr_threads > 64 || time_limit < 0)
		bad_usage(argv[0]);
	if (!time_limit)
		time_limit = nr_conns ? 24 * 3600 : 3;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		on[i] = fam_on[cases[i].fam == &ipv6] && kind_on[cases[i].kind];
		n += on[i];
	}
	if (!n)
		bad_usage(argv[0]);
	why = setup();
	if (why)
		die("%s\n", why);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (!on[i])
			continue;
		why = case_skip(&cases[i]);
		if (why)
			msg("%s_%s: skipped: %s\n", cases[i].fam->name,
			    kind_names[cases[i].kind], why);
		else
			run_case(i);
	}
	return any_failed;
}
