#include "names.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

static void die(const char *what, const char *path)
{
	fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void make_directory(const char *path)
{
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		die("mkdir", path);
}

void names_prepare(int n, const uint32_t *addresses, int bridges)
{
	char path[PATH_MAX], address[INET_ADDRSTRLEN];
	make_directory("/run/netlab");
	make_directory(lab_directory(path, n));
	make_directory(strcat(path, "/uts"));
	make_directory("/etc/netns");
	FILE *hosts = fopen(hosts_file(path, n), "w");
	if (hosts == NULL)
		die("create", path);
	fprintf(hosts, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n10.0.255.254\thost host-br0\n");
	for (int k = 1; k < bridges; k++)
		fprintf(hosts, "10.%d.255.254\thost-br%d\n", k, k);
	for (int i = 0; i < n; i++)
		fprintf(hosts, "%s\th%d h%d-eth0\n", inet_ntop(AF_INET, &addresses[i], address, sizeof(address)), i + 1,
			i + 1);
	if (fclose(hosts) != 0)
		die("write", path);
}

void names_of_node(int n, int node)
{
	char name[32], path[PATH_MAX], target[PATH_MAX];
	snprintf(name, sizeof(name), "h%d", node);
	if (sethostname(name, strlen(name)) < 0)
		die("sethostname", name);
	int file = open(uts_file(path, n, node), O_CREAT | O_EXCL | O_RDONLY, 0444);
	if (file < 0 || close(file) < 0)
		die("create", path);
	if (mount("/proc/thread-self/ns/uts", path, NULL, MS_BIND, NULL) < 0)
		die("bind the UTS namespace at", path);
	snprintf(path, sizeof(path), "/etc/netns/%s", name);
	make_directory(path);
	strcat(path, "/hosts");
	if (symlink(hosts_file(target, n), path) < 0)
		die("symlink", path);
}

void names_remove_node(int n, int node)
{
	char path[PATH_MAX];
	if (umount2(uts_file(path, n, node), MNT_DETACH) < 0 || unlink(path) < 0)
		die("remove", path);
	snprintf(path, sizeof(path), "/etc/netns/h%d/hosts", node);
	if (unlink(path) < 0)
		die("unlink", path);
	*strrchr(path, '/') = '\0';
	if (rmdir(path) < 0)
		die("rmdir", path);
}

void names_finish(int n)
{
	char path[PATH_MAX];
	if (unlink(hosts_file(path, n)) < 0)
		die("unlink", path);
	lab_directory(path, n);
	strcat(path, "/uts");
	if (rmdir(path) < 0 || rmdir(lab_directory(path, n)) < 0)
		die("rmdir", path);
}
