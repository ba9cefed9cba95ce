/* Where star-N's files are: the same paths as netlab's and bench/gen-star's. Each writes into
 * `buffer` (PATH_MAX bytes) and returns it. */
#ifndef FLOOR_PATHS_H
#define FLOOR_PATHS_H

#include <limits.h>
#include <stdio.h>

static inline char *lab_directory(char *buffer, int n)
{
	snprintf(buffer, PATH_MAX, "/run/netlab/star%d", n);
	return buffer;
}

static inline char *hosts_file(char *buffer, int n)
{
	snprintf(buffer, PATH_MAX, "/run/netlab/star%d/hosts", n);
	return buffer;
}

static inline char *uts_file(char *buffer, int n, int node)
{
	snprintf(buffer, PATH_MAX, "/run/netlab/star%d/uts/h%d", n, node);
	return buffer;
}

static inline char *netns_file(char *buffer, int node)
{
	snprintf(buffer, PATH_MAX, "/run/netns/h%d", node);
	return buffer;
}

#endif
