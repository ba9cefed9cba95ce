/*
 * star-N built and removed by the kernel's own speed: the netlink requests bench/gen-star's
 * scripts make, but as few and as well ordered as this program can, with nothing else around
 * them (no file to read, no record to keep). make bench runs it beside netlab, the ip script and
 * ip -batch; its times are the floor the others are measured against (docs/performance.md).
 *
 *   floor up N     star-N: br0 10.0.255.254/16 up in the host, ip_forward, the masquerade
 *                  table; per node hI a namespace at /run/netns/hI with lo up, eth0 (a veth
 *                  whose host end hI-eth0 is a port of br0) 10.0.X.Y/16 up, a default route via
 *                  br0; no link-local IPv6 address anywhere; the nodes' names as netlab's.
 *                  Beyond 1000 nodes, a bridge per block of 1000, as bench/gen-star writes.
 *   floor down N   all of it removed.
 *
 * Tricks netlab does not use (yet): a namespace's default addr_gen_mode set to none before its
 * end of the pair is made (and the host's for the host ends, put back after), so that no
 * request sets it per link and the host end is created up and a port of br0 in the request
 * that makes the pair; the peer's index chosen in that request (2: a new namespace holds only
 * lo), so no answer is awaited to address it; the nodes' namespaces, names and lo made by one
 * thread per core, each opening the node's socket while inside; each node's four requests
 * (lo up, eth0 up, address, route) sent in one datagram.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "masquerade.h"
#include "names.h"
#include "paths.h"
#include "requests.h"
#include "rtnl.h"

#define PEER_INDEX 2
#define NODE_BUFFER 1024
#define HOST_BUFFER (1 << 16)
#define MAX_THREADS 4
#define BLOCK 1000
/* The host's links of the lab, deleted in one request by down (netlab marks its own likewise). */
#define GROUP 0x5e7a

struct node {
	int netns;        /* the node's namespace, for the pair's IFLA_NET_NS_FD */
	struct rtnl rtnl; /* a socket inside it */
};

static int n;
static struct node *nodes;
static uint32_t *addresses; /* network order, nodes[i] is h(i+1) */
static int threads;

/* With FLOOR_TIMES set, each phase's wall time on stderr (docs/performance.md quotes them). */
static void phase(const char *name)
{
	static struct timespec last;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (last.tv_sec != 0 && getenv("FLOOR_TIMES") != NULL)
		fprintf(stderr, "%6.0f ms  %s\n", (double)(now.tv_sec - last.tv_sec) * 1e3 + (double)(now.tv_nsec - last.tv_nsec) / 1e6,
			name);
	last = now;
}

static void die(const char *what)
{
	fprintf(stderr, "floor: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void write_file(const char *path, const char *value)
{
	int file = open(path, O_WRONLY);
	if (file < 0 || write(file, value, strlen(value)) != (ssize_t)strlen(value) || close(file) < 0)
		die(path);
}

static void read_file(const char *path, char *value, size_t size)
{
	int file = open(path, O_RDONLY);
	ssize_t got = file < 0 ? -1 : read(file, value, size - 1);
	if (got < 0 || close(file) < 0)
		die(path);
	value[got] = '\0';
}

/* As bench/gen-star: nodes in blocks of BLOCK, block K on bridge brK with 10.K.0.0/16 (a bridge
 * takes at most 1023 ports); h1 -> 10.0.0.2, never .0 and never the gateway. */
static int block_of(int node)
{
	return (node - 1) / BLOCK;
}

static uint32_t address_of(int node)
{
	uint32_t j = (uint32_t)(node - block_of(node) * BLOCK);
	return htonl((10u << 24) | ((uint32_t)block_of(node) << 16) | ((j / 250) << 8) | (j % 250 + 1));
}

static uint32_t gateway_of_block(int block)
{
	return htonl((10u << 24) | ((uint32_t)block << 16) | 0xfffe);
}

/* /run/netns as ip netns makes it: a shared mount point, so that a bound namespace shows in
 * every mount namespace that shares it. */
static void prepare_run_netns(void)
{
	if (mkdir("/run/netns", 0755) < 0 && errno != EEXIST)
		die("mkdir /run/netns");
	if (mount("", "/run/netns", "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL || mount("/run/netns", "/run/netns", "none", MS_BIND | MS_REC, NULL) < 0
		    || mount("", "/run/netns", "none", MS_SHARED | MS_REC, NULL) < 0)
			die("mount /run/netns shared");
	}
}

/* One worker's share of the nodes: for each, a new network and UTS namespace for this thread,
 * bound where ip netns and netlab expect them, the default addr_gen_mode none, its names, the
 * node's socket and lo up (sent later, with the node's other requests). */
static void *make_namespaces(void *first)
{
	char path[PATH_MAX];
	for (int i = (int)(long)first; i < n; i += threads) {
		if (unshare(CLONE_NEWNET | CLONE_NEWUTS) < 0)
			die("unshare");
		int file = open(netns_file(path, i + 1), O_CREAT | O_EXCL | O_RDONLY, 0444);
		if (file < 0 || close(file) < 0)
			die(path);
		if (mount("/proc/thread-self/ns/net", path, NULL, MS_BIND, NULL) < 0)
			die("bind the namespace");
		write_file("/proc/sys/net/ipv6/conf/default/addr_gen_mode", "1");
		names_of_node(n, i + 1);
		nodes[i].netns = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
		if (nodes[i].netns < 0)
			die("open the namespace");
		rtnl_open(&nodes[i].rtnl, NODE_BUFFER);
		set_up(&nodes[i].rtnl, 1);
	}
	return NULL;
}

static void *remove_namespaces(void *first)
{
	char path[PATH_MAX];
	for (int i = (int)(long)first; i < n; i += threads) {
		names_remove_node(n, i + 1);
		if (umount2(netns_file(path, i + 1), MNT_DETACH) < 0 || unlink(path) < 0)
			die(path);
	}
	return NULL;
}

static void on_workers(void *(*work)(void *))
{
	pthread_t workers[MAX_THREADS];
	for (long t = 0; t < threads; t++)
		if ((errno = pthread_create(&workers[t], NULL, work, (void *)t)) != 0)
			die("pthread_create");
	for (int t = 0; t < threads; t++)
		pthread_join(workers[t], NULL);
}

static void up(void)
{
	const int blocks = block_of(n) + 1;
	int bridges[blocks];
	char table[64], host_mode[16], name[32];
	snprintf(table, sizeof(table), "bench-star%d", n);
	/* Each node's namespace and socket stay open until its requests are sent. */
	struct rlimit files = {.rlim_cur = 2 * (rlim_t)n + 64, .rlim_max = 2 * (rlim_t)n + 64};
	if (setrlimit(RLIMIT_NOFILE, &files) < 0)
		die("setrlimit");

	phase("start");
	struct rtnl host;
	rtnl_open(&host, HOST_BUFFER);
	read_file("/proc/sys/net/ipv6/conf/default/addr_gen_mode", host_mode, sizeof(host_mode));
	write_file("/proc/sys/net/ipv6/conf/default/addr_gen_mode", "1");
	for (int k = 0; k < blocks; k++) {
		snprintf(name, sizeof(name), "br%d", k);
		add_bridge(&host, name, GROUP);
	}
	rtnl_flush(&host, "the bridges");
	for (int k = 0; k < blocks; k++) {
		snprintf(name, sizeof(name), "br%d", k);
		bridges[k] = (int)if_nametoindex(name);
		add_ipv4_address(&host, bridges[k], gateway_of_block(k), 16);
	}
	write_file("/proc/sys/net/ipv4/ip_forward", "1");
	add_masquerade(table, htonl(0x0a000000), htonl(blocks == 1 ? 0xffff0000 : 0xff000000));

	prepare_run_netns();
	names_prepare(n, addresses, blocks);
	phase("bridge, ip_forward, masquerade, hosts file");
	on_workers(make_namespaces);
	phase("namespaces, their names, lo (queued)");

	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "h%d-eth0", i + 1);
		add_veth(&host, name, GROUP, (uint32_t)bridges[block_of(i + 1)], "eth0", PEER_INDEX, nodes[i].netns);
	}
	rtnl_flush(&host, "the veth pairs");
	write_file("/proc/sys/net/ipv6/conf/default/addr_gen_mode", host_mode);
	rtnl_close(&host);
	phase("veth pairs");

	for (int i = 0; i < n; i++) {
		set_up(&nodes[i].rtnl, PEER_INDEX);
		add_ipv4_address(&nodes[i].rtnl, PEER_INDEX, addresses[i], 16);
		add_default_route(&nodes[i].rtnl, gateway_of_block(block_of(i + 1)));
		rtnl_flush(&nodes[i].rtnl, "a node's lo, address and route");
		rtnl_close(&nodes[i].rtnl);
		close(nodes[i].netns);
	}
	phase("per node: lo up, eth0 up, address, route");
}

/* The links first (one batch: the pairs' node ends go with them, so the namespaces die empty),
 * while the workers unmount the namespaces and the names. */
static void *delete_links(void *unused)
{
	struct rtnl host;
	rtnl_open(&host, HOST_BUFFER);
	delete_group(&host, GROUP);
	rtnl_flush(&host, "the lab's links");
	rtnl_close(&host);
	return unused;
}

static void down(void)
{
	char table[64];
	snprintf(table, sizeof(table), "bench-star%d", n);
	pthread_t links;
	if ((errno = pthread_create(&links, NULL, delete_links, NULL)) != 0)
		die("pthread_create");
	on_workers(remove_namespaces);
	names_finish(n);
	pthread_join(links, NULL);
	delete_table(table);
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "up") != 0 && strcmp(argv[1], "down") != 0) || (n = atoi(argv[2])) < 1
	    || n > 60000) {
		fprintf(stderr, "usage: floor up|down N   (N = 1..60000)\n");
		return 2;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	threads = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : (int)cores;
	if (threads > n)
		threads = n;
	nodes = calloc((size_t)n, sizeof(*nodes));
	addresses = calloc((size_t)n, sizeof(*addresses));
	if (nodes == NULL || addresses == NULL)
		die("calloc");
	for (int i = 0; i < n; i++)
		addresses[i] = address_of(i + 1);
	if (strcmp(argv[1], "up") == 0)
		up();
	else
		down();
	return 0;
}
